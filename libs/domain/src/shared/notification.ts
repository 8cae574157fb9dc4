import type { FollowUpSubject } from '../mentorship/mentorship-events.js';

export type NotificationTemplate =
  | 'approval-requested'
  | 'kickoff-open'
  | 'review-open'
  | 'checkpoint-invitation'
  | 'changes-requested'
  | 'owner-escalation'
  | 'reminder'
  | 'escalation'
  | 'closed'
  | 'terminated'
  | 'program-launch-reminder'
  | 'program-launch-escalation'
  | 'program-review-open'
  | 'program-review-reminder'
  | 'program-review-escalation';

/**
 * What a template may name. People are ids: the mail layer turns them into display names, so the
 * domain never holds a name that could be out of date by the time the message is written.
 */
export interface NotificationParams {
  mentorshipId?: string;
  menteeId?: string;
  mentorId?: string;
  supervisorId?: string;
  programId?: string;
  ownerId?: string;
  sponsorId?: string;
  review?: number;
  subject?: FollowUpSubject;
  stage?: 'midterm' | 'final';
  checkpoint?: number;
  text?: string;
  dueBy?: string;
  /** The follow-up ladder's round of an escalation: 2, 3… when the reader is told again. */
  round?: number;
}

/** A message someone must receive because of an event; the mail layer renders it in their language. */
export interface Notification {
  /** One per event and recipient: the outbox stores each once, whatever the retries. */
  key: string;
  to: string;
  template: NotificationTemplate;
  params: NotificationParams;
  /** An iCalendar invitation to attach (checkpoints). */
  calendar?: { uid: string; startsAt: string; minutes: number };
}

/** The people a notification names, so that their names (and the recipient's language) are loaded once. */
export const peopleNamedBy = (n: Notification): string[] =>
  [n.to, n.params.menteeId, n.params.mentorId, n.params.supervisorId, n.params.ownerId, n.params.sponsorId].filter(
    (id): id is string => id !== undefined,
  );
