import { Module } from '@nestjs/common';
import { CompetenciesModule } from '../competencies/competencies.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { MentorshipAccess } from './mentorship-access.js';
import { MentorshipActionsController } from './mentorship-actions.controller.js';
import { MentorshipActionsService } from './mentorship-actions.service.js';
import { MentorshipPlanningController } from './mentorship-planning.controller.js';
import { MentorshipPlanningService } from './mentorship-planning.service.js';
import { MentorshipsController } from './mentorships.controller.js';
import { MentorshipsService } from './mentorships.service.js';

/** Mentorships: planned by the program's owner, then read and acted on by their four people. */
@Module({
  imports: [ProgramsModule, CompetenciesModule],
  controllers: [MentorshipPlanningController, MentorshipsController, MentorshipActionsController],
  providers: [MentorshipAccess, MentorshipsService, MentorshipActionsService, MentorshipPlanningService],
  exports: [MentorshipsService, MentorshipActionsService, MentorshipPlanningService],
})
export class MentorshipsModule {}
