import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { CompetencyController } from './competency.controller.js';
import { CompetencyService } from './competency.service.js';

/** Competency models (immutable versions), assessments and gaps. */
@Module({
  imports: [PeopleModule],
  controllers: [CompetencyController],
  providers: [CompetencyService],
  exports: [CompetencyService],
})
export class CompetenciesModule {}
