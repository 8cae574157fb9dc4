import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CompetenciesModule } from '../competencies/competencies.module.js';
import { CycleModule } from '../cycle/cycle.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { MonitoringModule } from '../monitoring/monitoring.module.js';
import { PeopleModule } from '../people/people.module.js';
import { PilotsModule } from '../pilots/pilots.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { ProofModule } from '../proof/proof.module.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { CyclePageActionsController } from './cycle-actions.controller.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardSession } from './dashboard-session.js';
import { ExportsController } from './exports.controller.js';
import { MentorshipPageActionsController } from './mentorship-actions.controller.js';
import { MentorshipViewService } from './mentorship-view.service.js';
import { PagesController } from './pages.controller.js';
import { PeoplePageActionsController } from './people-actions.controller.js';
import { ProgramPageActionsController } from './program-actions.controller.js';
import { ProgramPagesController } from './program-pages.controller.js';
import { ProgramViewService } from './program-view.service.js';
import { SessionController } from './session.controller.js';

/** Server-rendered pages under /dashboard (out of the OpenAPI document), built on the features' services. */
@Module({
  imports: [
    AuthModule,
    ProgramsModule,
    MentorshipsModule,
    MonitoringModule,
    ReviewsModule,
    MatchingModule,
    CycleModule,
    CompetenciesModule,
    PilotsModule,
    PeopleModule,
    ProofModule,
  ],
  controllers: [
    SessionController,
    PagesController,
    ProgramPagesController,
    ProgramPageActionsController,
    CyclePageActionsController,
    MentorshipPageActionsController,
    PeoplePageActionsController,
    ExportsController,
  ],
  providers: [DashboardService, DashboardSession, MentorshipViewService, ProgramViewService],
})
export class DashboardModule {}
