import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ApiTokenEntity } from './entities/api-token.entity.js';
import { DomainEventEntity } from './entities/domain-event.entity.js';
import { PersonEntity } from './entities/person.entity.js';
import { ProgramReadModelEntity } from './entities/program-read-model.entity.js';
import { InitialSchema1764190000000 } from './migrations/1764190000000-initial-schema.js';
import { PeopleCompetencies1764200000000 } from './migrations/1764200000000-people-competencies.js';
import { SeedDefaultCompetencyModel1764200000001 } from './migrations/1764200000001-seed-default-competency-model.js';
import { IdempotencyKeys1764220000000 } from './migrations/1764220000000-idempotency-keys.js';
import { MatchingProposals1764210000000 } from './migrations/1764210000000-matching-proposals.js';
import { Mentorships1764230000000 } from './migrations/1764230000000-mentorships.js';
import { ProgramPlanning1764240000000 } from './migrations/1764240000000-program-planning.js';
import { MentorshipState1764250000000 } from './migrations/1764250000000-mentorship-state.js';
import { PilotsSurveys1764260000000 } from './migrations/1764260000000-pilots-surveys.js';
import { CausationWorkflowFaults1764270000000 } from './migrations/1764270000000-causation-workflow-faults.js';
import { PilotContentKey1764290000000 } from './migrations/1764290000000-pilot-content-key.js';
import { CredentialsLifeCycle1764300000000 } from './migrations/1764300000000-credentials-life-cycle.js';
import { MentorshipStateBackfill1764255000000 } from './migrations/1764255000000-mentorship-state-backfill.js';
import { OutcomesAndCaseConsent1764280000000 } from './migrations/1764280000000-outcomes-and-case-consent.js';
import { OutcomeMeasureEntity } from './entities/outcome-measure.entity.js';
import { CaseConsentEntity } from './entities/case-consent.entity.js';
import { RateLimitCounters1764310000000 } from './migrations/1764310000000-rate-limit-counters.js';
import { AssessmentEntity } from './entities/assessment.entity.js';
import { CompetencyModelEntity } from './entities/competency-model.entity.js';
import { HrEventEntity, NominationEntity } from './entities/hr-event.entity.js';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';
import { MatchingProposalEntity } from './entities/matching-proposal.entity.js';
import { MentorshipCheckpointEntity } from './entities/mentorship-checkpoint.entity.js';
import { MentorshipSessionEntity } from './entities/mentorship-session.entity.js';
import { MentorshipEntity } from './entities/mentorship.entity.js';
import { PilotEntity } from './entities/pilot.entity.js';
import { SurveyResponseEntity, SurveyTemplateEntity } from './entities/survey.entity.js';

export const ENTITIES = [
  DomainEventEntity,
  ProgramReadModelEntity,
  PersonEntity,
  ApiTokenEntity,
  CompetencyModelEntity,
  AssessmentEntity,
  HrEventEntity,
  NominationEntity,
  MentorshipEntity,
  MentorshipSessionEntity,
  MentorshipCheckpointEntity,
  MatchingProposalEntity,
  PilotEntity,
  SurveyTemplateEntity,
  SurveyResponseEntity,
  IdempotencyKeyEntity,
  OutcomeMeasureEntity,
  CaseConsentEntity,
];
export const MIGRATIONS = [
  InitialSchema1764190000000,
  PeopleCompetencies1764200000000,
  SeedDefaultCompetencyModel1764200000001,
  MatchingProposals1764210000000,
  IdempotencyKeys1764220000000,
  Mentorships1764230000000,
  ProgramPlanning1764240000000,
  MentorshipState1764250000000,
  MentorshipStateBackfill1764255000000,
  PilotsSurveys1764260000000,
  CausationWorkflowFaults1764270000000,
  OutcomesAndCaseConsent1764280000000,
  PilotContentKey1764290000000,
  CredentialsLifeCycle1764300000000,
  RateLimitCounters1764310000000,
];

const MIGRATION_LOCK_ID = 7_401_202_611;

/**
 * The connection the composition roots (api, worker, launcher, tests) open and hand around. Only
 * libs/persistence calls it: everything else asks a query module (queries/).
 */
export type Database = DataSource;

/** The schema comes from migrations only; `synchronize` stays off everywhere. */
export interface DatabaseOptions {
  poolSize?: number;
  /** Log failed queries (on by default; tests that provoke failures turn it off). */
  logErrors?: boolean;
}

export function createDataSource(url: string, options: DatabaseOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: options.logErrors === false ? false : ['error'],
    poolSize: options.poolSize ?? 10,
  });
}

/** Connects and applies pending migrations; safe to call from several processes at start-up. */
export async function openDatabase(url: string, options: DatabaseOptions = {}): Promise<DataSource> {
  const ds = createDataSource(url, options);
  await ds.initialize();
  // An advisory lock serialises migrations when the api and the worker start together.
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await ds.runMigrations({ transaction: 'all' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.release();
  }
  return ds;
}
