import { Module } from '@nestjs/common';
import { CompetenciesModule } from '../competencies/competencies.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { MatchingController } from './matching.controller.js';
import { MatchingService } from './matching.service.js';

/** Enrolment, proposals (solved by the worker), pins and bans, approval. */
@Module({
  imports: [ProgramsModule, CompetenciesModule],
  controllers: [MatchingController],
  providers: [MatchingService],
  exports: [MatchingService],
})
export class MatchingModule {}
