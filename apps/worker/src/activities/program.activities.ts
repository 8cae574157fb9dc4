import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DataSource, EntityManager } from 'typeorm';
import {
  NOTIFYING_PROGRAM_EVENTS,
  programNotifications,
  type ProgramContacts,
  type ProgramEvent,
} from '../../../../libs/domain/src/index.js';
import {
  EVENT_STORE_CONFLICT,
  type AppendProgramEventsInput,
  type ProgramActivities,
} from '../../../../libs/contracts/src/index.js';
import { solveProposal } from './matching.activities.js';
import type { AppMetrics } from '../../../../libs/platform/src/index.js';
import {
  appendToStream,
  projectProgramEvents,
  StreamConflictError,
  type NewEvent,
  type Projector,
  type StoredEvent,
} from '../../../../libs/persistence/src/index.js';
import { enqueueNotifications } from '../mail/outbox.js';

export interface ProgramActivityDeps {
  db: DataSource;
  metrics?: AppMetrics;
  /** From address of the mail (organizer of calendar invitations). */
  mailFrom: string;
}

async function contactsOf(tx: EntityManager, streamId: string): Promise<ProgramContacts> {
  const rows: Array<{ id: string; owner_id: string; sponsor_id: string }> = await tx.query(
    `SELECT id, owner_id, sponsor_id FROM programs WHERE workflow_id = $1`,
    [streamId],
  );
  const r = rows[0];
  if (!r) throw new Error(`no program read model for stream ${streamId}`);
  return { programId: r.id, ownerId: r.owner_id, sponsorId: r.sponsor_id };
}

/**
 * The key names this activity execution, not its attempt: a retry after a crash or a lost
 * completion finds its own rows and writes nothing again.
 */
export function activityIdempotencyKey(): string {
  const { workflowExecution, activityId } = Context.current().info;
  if (!workflowExecution) throw new Error('program activities run only inside a workflow');
  return `${workflowExecution.workflowId}/${workflowExecution.runId}/activity-${activityId}`;
}

/**
 * Appends a workflow's events as this activity execution (its idempotency key), projecting them in
 * the same transaction; another writer at the same versions is a non-retryable conflict.
 */
export async function appendAsActivity<E extends NewEvent>(
  deps: ProgramActivityDeps,
  input: { streamId: string; expectedVersion: number; events: E[] },
  project: Projector<E>,
): Promise<void> {
  try {
    const result = await appendToStream<E>(deps.db, { ...input, idempotencyKey: activityIdempotencyKey() }, project);
    // Counted once: a retried attempt that finds its rows appended nothing.
    if (result.appended) for (const e of input.events) deps.metrics?.domainEvents.inc({ type: e.type });
  } catch (e) {
    if (e instanceof StreamConflictError) throw ApplicationFailure.nonRetryable(e.message, EVENT_STORE_CONFLICT);
    throw e;
  }
}

export function createProgramActivities(deps: ProgramActivityDeps): ProgramActivities {
  // Events, read models and the reminders they cause: one transaction, one idempotency key.
  const project = async (tx: EntityManager, streamId: string, stored: StoredEvent<ProgramEvent>[]) => {
    await projectProgramEvents(tx, streamId, stored);
    const notifying = stored.filter((s) => NOTIFYING_PROGRAM_EVENTS.has(s.event.type));
    if (notifying.length > 0)
      await enqueueNotifications(tx, programNotifications(await contactsOf(tx, streamId), notifying), deps.mailFrom);
  };
  return {
    async appendProgramEvents(input: AppendProgramEventsInput): Promise<void> {
      await appendAsActivity<ProgramEvent>(deps, input, project);
    },
    async solveMatchingProposal(input) {
      const stop = deps.metrics?.matchingSolveSeconds.startTimer();
      const outcome = await solveProposal(deps.db, input, new Date());
      stop?.();
      deps.metrics?.matchingSolves.inc({ outcome: 'failed' in outcome ? 'refused' : 'solved' });
      return outcome;
    },
  };
}
