import type { DataSource, EntityManager } from 'typeorm';
import { mentorshipNotifications, type MentorshipEvent } from '../../../../libs/domain/src/index.js';
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

export function createMentorshipActivities(deps: MentorshipActivityDeps): MentorshipActivities {
  // Events, read models and the emails they cause: one transaction, one idempotency key.
  const project = async (tx: EntityManager, streamId: string, stored: StoredEvent<MentorshipEvent>[]) => {
    const pair = await projectMentorshipEvents(tx, streamId, stored);
    await enqueueNotifications(tx, mentorshipNotifications(pair, stored), {
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
