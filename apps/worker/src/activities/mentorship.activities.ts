import type { DataSource, EntityManager } from 'typeorm';
import {
  mentorshipNotifications,
  type MentorshipEvent,
  type MentorshipPair,
} from '../../../../libs/domain/src/index.js';
import type { MentorshipActivities } from '../../../../libs/contracts/src/index.js';
import type { AppMetrics } from '../../../../libs/platform/src/index.js';
import { projectMentorshipEvents, type StoredEvent } from '../../../../libs/persistence/src/index.js';
import { enqueueNotifications } from '../mail/outbox.js';
import { appendEvents } from './append-events.js';

export interface MentorshipActivityDeps {
  db: DataSource;
  /** Organizer address of calendar invitations (the From address of the mail). */
  mailFrom: string;
  /** The dashboard's public address: every email links to the page where its reader acts. */
  publicUrl: string;
  metrics?: AppMetrics;
}

async function pairOf(tx: EntityManager, streamId: string): Promise<MentorshipPair> {
  const rows: Array<Record<string, string>> = await tx.query(
    `SELECT id, program_id, mentee_id, mentor_id, supervisor_id, owner_id FROM mentorships WHERE workflow_id = $1`,
    [streamId],
  );
  const r = rows[0];
  if (!r) throw new Error(`no mentorship read model for stream ${streamId}`);
  return {
    mentorshipId: r.id,
    programId: r.program_id,
    menteeId: r.mentee_id,
    mentorId: r.mentor_id,
    supervisorId: r.supervisor_id,
    ownerId: r.owner_id,
  };
}

export function createMentorshipActivities(deps: MentorshipActivityDeps): MentorshipActivities {
  // Events, read models and the emails they cause: one transaction, one idempotency key.
  const project = async (tx: EntityManager, streamId: string, stored: StoredEvent<MentorshipEvent>[]) => {
    await projectMentorshipEvents(tx, streamId, stored);
    await enqueueNotifications(tx, mentorshipNotifications(await pairOf(tx, streamId), stored), {
      organizer: deps.mailFrom,
      publicUrl: deps.publicUrl,
    });
  };
  return {
    appendMentorshipEvents(input) {
      return appendEvents<MentorshipEvent>(deps, input, project);
    },
  };
}
