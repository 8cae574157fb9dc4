import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { MonitoringModule } from '../monitoring/monitoring.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { ProofModule } from '../proof/proof.module.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { ActionsController } from './actions.controller.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardSession } from './dashboard-session.js';
import { PagesController } from './pages.controller.js';
import { SessionController } from './session.controller.js';

/** Server-rendered pages under /dashboard (out of the OpenAPI document), built on the features' services. */
@Module({
  imports: [AuthModule, ProgramsModule, MentorshipsModule, MonitoringModule, ReviewsModule, ProofModule],
  controllers: [SessionController, PagesController, ActionsController],
  providers: [DashboardService, DashboardSession],
})
export class DashboardModule {}
