import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { CycleController } from './cycle.controller.js';
import { CycleService } from './cycle.service.js';

/** Training, execution, evaluation, lessons, closure and renewal of a program's cycle. */
@Module({
  imports: [ProgramsModule],
  controllers: [CycleController],
  providers: [CycleService],
  exports: [CycleService],
})
export class CycleModule {}
