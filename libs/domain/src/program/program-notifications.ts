import type { Notification, NotificationParams, NotificationTemplate } from '../shared/notification.js';
import type { ProgramEvent } from './program-events.js';

/** Who answers for a program when its process asks for a person. */
export interface ProgramContacts {
  programId: string;
  ownerId: string;
  sponsorId: string;
}

/** The program events that tell someone something; the others cause no email. */
export const NOTIFYING_PROGRAM_EVENTS: ReadonlySet<ProgramEvent['type']> = new Set([
  'LaunchApprovalReminderDue',
  'LaunchApprovalEscalated',
  'ReviewOpened',
  'ReviewReminderSent',
  'ReviewEscalated',
]);

/**
 * The emails a program's own clock causes: launch approval and re-alignment reviews, each
 * reminder and escalation. Mentorship messages come from the mentorships' streams, not from here.
 */
export function programNotifications(
  program: ProgramContacts,
  stored: Array<{ event: ProgramEvent; version: number }>,
): Notification[] {
  const out: Notification[] = [];
  const base = { programId: program.programId, ownerId: program.ownerId, sponsorId: program.sponsorId };
  for (const { event: e, version } of stored) {
    const add = (to: string, template: NotificationTemplate, params: NotificationParams = {}) =>
      out.push({
        key: `program:${program.programId}/v${version}/${template}/${to}`,
        to,
        template,
        params: { ...base, ...params },
      });
    switch (e.type) {
      case 'LaunchApprovalReminderDue':
        add(e.data.sponsorId, 'program-launch-reminder');
        break;
      case 'LaunchApprovalEscalated':
        add(e.data.ownerId, 'program-launch-escalation', (e.data.round ?? 1) > 1 ? { round: e.data.round } : {});
        break;
      case 'ReviewOpened':
        add(program.ownerId, 'program-review-open', { review: e.data.review });
        break;
      case 'ReviewReminderSent':
        add(e.data.ownerId, 'program-review-reminder', { review: e.data.review });
        break;
      case 'ReviewEscalated':
        if ((e.data.round ?? 1) > 1) {
          // The ladder: the sponsor is told again, and the owner, who is the one to decide, with them.
          for (const to of [e.data.sponsorId, program.ownerId])
            add(to, 'program-review-escalation', { review: e.data.review, round: e.data.round });
        } else add(e.data.sponsorId, 'program-review-escalation', { review: e.data.review });
        break;
      default:
        break;
    }
  }
  return out;
}
