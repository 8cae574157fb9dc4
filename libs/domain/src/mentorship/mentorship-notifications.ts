import type { MentorshipEvent, MentorshipPair } from './mentorship-events.js';
import type { Notification, NotificationParams, NotificationTemplate } from '../shared/notification.js';

/**
 * Who is told what, for each stored event. Pure, so that the mapping is tested without a mail
 * server and the same event always yields the same messages with the same keys.
 */
export function mentorshipNotifications(
  pair: MentorshipPair,
  stored: Array<{ event: MentorshipEvent; version: number }>,
): Notification[] {
  const out: Notification[] = [];
  const base = {
    mentorshipId: pair.mentorshipId,
    menteeId: pair.menteeId,
    mentorId: pair.mentorId,
    supervisorId: pair.supervisorId,
  };
  for (const { event: e, version } of stored) {
    const add = (
      to: string,
      template: NotificationTemplate,
      params: NotificationParams = {},
      calendar?: Notification['calendar'],
    ) =>
      out.push({
        key: `mentorship:${pair.mentorshipId}/v${version}/${template}/${to}`,
        to,
        template,
        params: { ...base, ...params },
        ...(calendar ? { calendar } : {}),
      });
    switch (e.type) {
      case 'MentorshipCreated':
        add(pair.supervisorId, 'approval-requested');
        break;
      case 'MentorshipPhaseChanged':
        if (e.data.from === 'PAUSED') break;
        if (e.data.to === 'KICKOFF') [pair.mentorId, pair.menteeId].forEach((p) => add(p, 'kickoff-open'));
        if (e.data.to === 'MIDTERM_REVIEW' || e.data.to === 'FINAL_EVALUATION') {
          const stage = e.data.to === 'MIDTERM_REVIEW' ? 'midterm' : 'final';
          [pair.mentorId, pair.menteeId].forEach((p) => add(p, 'review-open', { stage }));
        }
        if (e.data.to === 'CLOSED') [pair.mentorId, pair.menteeId, pair.supervisorId].forEach((p) => add(p, 'closed'));
        if (e.data.to === 'TERMINATED')
          [pair.mentorId, pair.menteeId, pair.supervisorId].forEach((p) =>
            add(p, 'terminated', { text: e.data.reason }),
          );
        break;
      case 'CheckpointOpened': {
        const opened = Date.parse(e.at);
        const dueBy = e.data.decideBy;
        // The meeting is proposed halfway through the decision window, so there is time either side.
        const startsAt = new Date(opened + Math.round((Date.parse(dueBy) - opened) / 2)).toISOString();
        add(
          pair.supervisorId,
          'checkpoint-invitation',
          { checkpoint: e.data.checkpoint, dueBy, ...(e.data.reason ? { text: e.data.reason } : {}) },
          { uid: `mentorship-${pair.mentorshipId}-checkpoint-${e.data.checkpoint}@mentorflow`, startsAt, minutes: 45 },
        );
        break;
      }
      case 'CheckpointDecided':
        if (e.data.decision === 'request-changes')
          add(pair.mentorId, 'changes-requested', { checkpoint: e.data.checkpoint, text: e.data.guidance ?? '' });
        if (e.data.decision === 'escalate')
          add(pair.ownerId, 'owner-escalation', { checkpoint: e.data.checkpoint, text: e.data.guidance ?? '' });
        break;
      case 'ReminderSent':
        for (const to of e.data.to) add(to, 'reminder', { subject: e.data.subject });
        break;
      case 'Escalated':
        add(e.data.to, 'escalation', {
          subject: e.data.subject,
          text: e.data.missing,
          ...((e.data.round ?? 1) > 1 ? { round: e.data.round } : {}),
        });
        break;
      default:
        break;
    }
  }
  return out;
}
