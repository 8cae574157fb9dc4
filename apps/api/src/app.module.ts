import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { ProgramTimings } from '../../../libs/contracts/src/index.js';
import { AuthGuard } from './auth/auth.guard.js';
import { TokenService } from './auth/token.service.js';
import { TokensController } from './auth/tokens.controller.js';
import { HealthController } from './health/health.controller.js';
import { ErrorFilter } from './http/error.filter.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { InputGuard } from './http/input-guard.js';
import { OperationsController } from './operations/operations.controller.js';
import { WorkflowRepairService } from './operations/workflow-repair.service.js';
import {
  DEFAULT_UPDATE_BOUNDS,
  watchedClient,
  WorkflowWatchInterceptor,
  type UpdateBounds,
} from './http/workflow-watch.js';
import { MetricsInterceptor } from './http/metrics.interceptor.js';
import { MetricsController } from './health/metrics.controller.js';
import { createMetrics, type AppMetrics } from '../../../libs/platform/src/index.js';
import { ProgramsController } from './programs/programs.controller.js';
import { ProgramsService } from './programs/programs.service.js';
import { PeopleController } from './people/people.controller.js';
import { PeopleService } from './people/people.service.js';
import { RelationsService } from './people/relations.service.js';
import { CompetencyController } from './competencies/competency.controller.js';
import { CompetencyService } from './competencies/competency.service.js';
import { HrEventsController } from './hr-events/hr-events.controller.js';
import { HrEventsService } from './hr-events/hr-events.service.js';
import { InsightsController } from './insights/insights.controller.js';
import { InsightsService } from './insights/insights.service.js';
import { MatchingController } from './matching/matching.controller.js';
import { MatchingService } from './matching/matching.service.js';
import { MentorshipsController } from './mentorships/mentorships.controller.js';
import { PilotsController } from './pilots/pilots.controller.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { PilotsService } from './pilots/pilots.service.js';
import { SurveysService } from './pilots/surveys.service.js';
import { ExecutionController } from './execution/execution.controller.js';
import { ReportController } from './execution/report.controller.js';
import { MentorshipsService, type MentorshipTerms } from './mentorships/mentorships.service.js';
import { DEFAULT_ECONOMICS, DEFAULT_MENTORSHIP_POLICY } from '../../../libs/domain/src/index.js';
import {
  DATA_SOURCE,
  IDEMPOTENCY_STALE_AFTER_SECONDS,
  MENTORSHIP_TERMS,
  METRICS,
  PROGRAM_TIMINGS,
  RATE_LIMITS,
  TEMPORAL_CLIENT,
  TEMPORAL_TASK_QUEUE,
  UPDATE_BOUNDS,
} from './tokens.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limit.js';

export interface ApiDependencies {
  db: DataSource;
  temporal: Client;
  taskQueue: string;
  programTimings: ProgramTimings;
  rateLimits?: RateLimits;
  metrics?: AppMetrics;
  /** Cadences and ROI economics of new mentorships (defaults: a 6-month managerial mentorship). */
  mentorshipTerms?: MentorshipTerms;
  /** How long a request waits for a workflow's answer, and when a wait counts as slow. */
  updateBounds?: UpdateBounds;
  /** See IDEMPOTENCY_STALE_AFTER_SECONDS in the configuration (default 60). */
  idempotencyStaleAfterSeconds?: number;
}

/** The connections are made by the caller (main, launcher, tests) and handed in, never built here. */
@Module({})
export class AppModule {
  static forRoot(deps: ApiDependencies): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        HealthController,
        MetricsController,
        TokensController,
        ProgramsController,
        PeopleController,
        CompetencyController,
        HrEventsController,
        InsightsController,
        MatchingController,
        MentorshipsController,
        ExecutionController,
        ReportController,
        PilotsController,
        DashboardController,
        OperationsController,
      ],
      providers: [
        { provide: DATA_SOURCE, useValue: deps.db },
        { provide: TEMPORAL_CLIENT, useValue: watchedClient(deps.temporal) },
        { provide: UPDATE_BOUNDS, useValue: deps.updateBounds ?? DEFAULT_UPDATE_BOUNDS },
        { provide: TEMPORAL_TASK_QUEUE, useValue: deps.taskQueue },
        { provide: PROGRAM_TIMINGS, useValue: deps.programTimings },
        { provide: RATE_LIMITS, useValue: deps.rateLimits ?? DEFAULT_RATE_LIMITS },
        {
          provide: MENTORSHIP_TERMS,
          useValue: deps.mentorshipTerms ?? { policy: DEFAULT_MENTORSHIP_POLICY, economics: DEFAULT_ECONOMICS },
        },
        { provide: IDEMPOTENCY_STALE_AFTER_SECONDS, useValue: deps.idempotencyStaleAfterSeconds ?? 60 },
        { provide: METRICS, useValue: deps.metrics ?? createMetrics('api') },
        TokenService,
        ProgramsService,
        PeopleService,
        RelationsService,
        CompetencyService,
        HrEventsService,
        InsightsService,
        MatchingService,
        MentorshipsService,
        PilotsService,
        SurveysService,
        WorkflowRepairService,
        // Input first: nothing — not even authentication — sees text that cannot be stored.
        { provide: APP_GUARD, useClass: InputGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: MetricsInterceptor },
        { provide: APP_INTERCEPTOR, useClass: WorkflowWatchInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
