import { Module } from '@nestjs/common';
import { CompetenciesModule } from '../competencies/competencies.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { PilotsController } from './pilots.controller.js';
import { PilotsService } from './pilots.service.js';
import { SurveysController } from './surveys.controller.js';
import { SurveysService } from './surveys.service.js';

/** Evaluation of past pilot mentorships, and versioned surveys. */
@Module({
  imports: [ProgramsModule, CompetenciesModule],
  controllers: [PilotsController, SurveysController],
  providers: [PilotsService, SurveysService],
  exports: [PilotsService],
})
export class PilotsModule {}
