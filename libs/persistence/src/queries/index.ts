import type { DataSource } from 'typeorm';
import { AssessmentQueries } from './assessment-queries.js';
import { CaseConsentQueries } from './case-consent-queries.js';
import { CompetencyQueries } from './competency-queries.js';
import { DashboardSessionQueries } from './dashboard-session-queries.js';
import { DirectoryQueries } from './directory-queries.js';
import { HealthQueries } from './health-queries.js';
import { IdempotencyKeyQueries } from './idempotency-key-queries.js';
import { MatchingProposalQueries } from './matching-proposal-queries.js';
import { MentorshipQueries } from './mentorship-queries.js';
import { NominationQueries } from './nomination-queries.js';
import { OutcomeMeasureQueries } from './outcome-measure-queries.js';
import { PeopleQueries } from './people-queries.js';
import { PilotQueries } from './pilot-queries.js';
import { ProgramQueries } from './program-queries.js';
import { RateLimitQueries } from './rate-limit-queries.js';
import { SessionQueries } from './session-queries.js';
import { SurveyQueries } from './survey-queries.js';
import { TokenQueries } from './token-queries.js';
import { WorkflowFaultQueries } from './workflow-fault-queries.js';

export * from './assessment-queries.js';
export * from './case-consent-queries.js';
export * from './competency-queries.js';
export * from './dashboard-session-queries.js';
export * from './directory-queries.js';
export * from './health-queries.js';
export * from './idempotency-key-queries.js';
export * from './matching-proposal-queries.js';
export * from './mentorship-queries.js';
export * from './nomination-queries.js';
export * from './outcome-measure-queries.js';
export * from './people-queries.js';
export * from './pilot-queries.js';
export * from './program-queries.js';
export * from './rate-limit-queries.js';
export * from './session-queries.js';
export * from './survey-queries.js';
export * from './token-queries.js';
export * from './workflow-fault-queries.js';

/** Every query module on one connection: what the API is given instead of the connection itself. */
export function createQueries(db: DataSource) {
  return {
    assessments: new AssessmentQueries(db),
    caseConsents: new CaseConsentQueries(db),
    competencies: new CompetencyQueries(db),
    dashboardSessions: new DashboardSessionQueries(db),
    directory: new DirectoryQueries(db),
    health: new HealthQueries(db),
    idempotencyKeys: new IdempotencyKeyQueries(db),
    matchingProposals: new MatchingProposalQueries(db),
    mentorships: new MentorshipQueries(db),
    nominations: new NominationQueries(db),
    outcomeMeasures: new OutcomeMeasureQueries(db),
    people: new PeopleQueries(db),
    pilots: new PilotQueries(db),
    programs: new ProgramQueries(db),
    rateLimits: new RateLimitQueries(db),
    sessions: new SessionQueries(db),
    surveys: new SurveyQueries(db),
    tokens: new TokenQueries(db),
    workflowFaults: new WorkflowFaultQueries(db),
  };
}

export type Queries = ReturnType<typeof createQueries>;
