import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';

/** Re-alignment reviews during EXECUTION. */
@Module({
  imports: [ProgramsModule],
  controllers: [ReviewsController],
  providers: [ReviewsService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
