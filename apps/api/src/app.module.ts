import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { Client } from '@temporalio/client';
import type { MentorshipTerms, ProgramTimings } from '../../../libs/contracts/src/index.js';
import { DEFAULT_ECONOMICS, DEFAULT_MENTORSHIP_POLICY } from '../../../libs/domain/src/index.js';
import type { Database } from '../../../libs/persistence/src/index.js';
import {
  createMetrics,
  securitySettings,
  type AppMetrics,
  type SecuritySettings,
} from '../../../libs/platform/src/index.js';
import { AccessModule } from './access/access.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { CompetenciesModule } from './competencies/competencies.module.js';
import { CycleModule } from './cycle/cycle.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { HealthModule } from './health/health.module.js';
import { HrEventsModule } from './hr-events/hr-events.module.js';
import { ErrorFilter } from './http/error.filter.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { IdempotencyService } from './http/idempotency.service.js';
import { InputGuard } from './http/input-guard.js';
import { MetricsInterceptor } from './http/metrics.interceptor.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limit.js';
import { InsightsModule } from './insights/insights.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { MentorshipsModule } from './mentorships/mentorships.module.js';
import { MonitoringModule } from './monitoring/monitoring.module.js';
import { OperationsModule } from './operations/operations.module.js';
import { PeopleModule } from './people/people.module.js';
import { PersistenceModule } from './persistence.module.js';
import { PilotsModule } from './pilots/pilots.module.js';
import { ProofModule } from './proof/proof.module.js';
import { ProgramsModule } from './programs/programs.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import {
  IDEMPOTENCY_STALE_AFTER_SECONDS,
  MENTORSHIP_TERMS,
  METRICS,
  PROGRAM_TIMINGS,
  RATE_LIMITS,
  SECURITY,
  TEMPORAL_CLIENT,
  TEMPORAL_TASK_QUEUE,
  UPDATE_BOUNDS,
} from './tokens.js';
import {
  DEFAULT_UPDATE_BOUNDS,
  watchedClient,
  WorkflowWatchInterceptor,
  type UpdateBounds,
} from './workflows/workflow-watch.js';
import { WorkflowsModule } from './workflows/workflows.module.js';

export interface ApiDependencies {
  db: Database;
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
  /** Token and session lifetimes, the metrics secret, the identity provider (default: the configuration's defaults). */
  security?: SecuritySettings;
}

/** What an API gets when its caller gives no security settings: the defaults of the configuration. */
export const defaultSecurity = (): SecuritySettings => securitySettings({}, [], 3000);

/** The deployment's settings and connections, for every feature module. */
@Global()
@Module({})
class SettingsModule {
  static forRoot(deps: ApiDependencies): DynamicModule {
    const providers = [
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
      { provide: SECURITY, useValue: deps.security ?? defaultSecurity() },
      IdempotencyService,
    ];
    return { module: SettingsModule, providers, exports: providers };
  }
}

/**
 * One module per feature (controller → service → workflow gateway | read-model queries). The
 * connections are made by the caller (main, launcher, tests) and handed in, never built here.
 */
@Module({})
export class AppModule {
  static forRoot(deps: ApiDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SettingsModule.forRoot(deps),
        PersistenceModule.forRoot(deps.db),
        WorkflowsModule,
        AccessModule,
        HealthModule,
        AuthModule,
        ProgramsModule,
        PeopleModule,
        CompetenciesModule,
        HrEventsModule,
        InsightsModule,
        MatchingModule,
        MentorshipsModule,
        CycleModule,
        ReviewsModule,
        MonitoringModule,
        PilotsModule,
        DashboardModule,
        OperationsModule,
        ProofModule,
      ],
      providers: [
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
