import type { DataSource, EntityManager } from 'typeorm';
import {
  NOTIFYING_PROGRAM_EVENTS,
  programNotifications,
  type ProgramContacts,
  type ProgramEvent,
} from '../../../../libs/domain/src/index.js';
import type {
  AppendOutcome,
  AppendProgramEventsInput,
  ProgramActivities,
} from '../../../../libs/contracts/src/index.js';
import { solveProposal } from './matching.activities.js';
import type { AppMetrics } from '../../../../libs/platform/src/index.js';
import { projectProgramEvents, type StoredEvent } from '../../../../libs/persistence/src/index.js';
import { enqueueNotifications } from '../mail/outbox.js';
import { appendEvents } from './append-events.js';

export interface ProgramActivityDeps {
  db: DataSource;
  metrics?: AppMetrics;
  /** From address of the mail (organizer of calendar invitations). */
  mailFrom: string;
  /** The dashboard's public address: every email links to the page where its reader acts. */
  publicUrl: string;
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

export function createProgramActivities(deps: ProgramActivityDeps): ProgramActivities {
  // Events, read models and the reminders they cause: one transaction, one idempotency key.
  const project = async (tx: EntityManager, streamId: string, stored: StoredEvent<ProgramEvent>[]) => {
    await projectProgramEvents(tx, streamId, stored);
    const notifying = stored.filter((s) => NOTIFYING_PROGRAM_EVENTS.has(s.event.type));
    if (notifying.length > 0)
      await enqueueNotifications(tx, programNotifications(await contactsOf(tx, streamId), notifying), {
        organizer: deps.mailFrom,
        publicUrl: deps.publicUrl,
      });
  };
  return {
    appendProgramEvents(input: AppendProgramEventsInput): Promise<AppendOutcome<ProgramEvent>> {
      return appendEvents<ProgramEvent>(deps, input, project);
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
