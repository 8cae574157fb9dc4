import type { MentorshipEvent, FollowUpSubject, Party } from './mentorship-events.js';
import { isFinished } from './mentorship-phase.js';
import type { MentorshipPolicy } from './mentorship-policy.js';
import { followUpKey, openCheckpoint, type MentorshipState } from './mentorship-state.js';
import { phaseChange } from './mentorship.js';
import { SYSTEM_ACTOR } from '../shared/system-actor.js';

/** What time alone asks of a mentorship now, and when to look again (Infinity: only a person's action moves it). */
export interface Due {
  events: MentorshipEvent[];
  wakeAt: number;
}

interface FollowUp {
  subject: FollowUpSubject;
  occurrence: string;
  remindAt: number;
  escalateAt: number;
  remind: string[];
  escalateTo: string;
  missing: string;
}

/** When the next session is due: the cadence counts from the last session, the start of ACTIVE or the end of a pause. */
export const nextSessionDue = (s: MentorshipState, p: Pick<MentorshipPolicy, 'sessionEveryMs'>): number | null =>
  s.cadenceFrom ? Date.parse(s.cadenceFrom) + p.sessionEveryMs : null;

/**
 * The clock of a mentorship as one pure decision: reminders and escalations of every human step,
 * checkpoints, the session cadence, midterm and end. The workflow commits what this returns and
 * sleeps until `wakeAt` or the next change, so every duration comes from the policy.
 */
export function mentorshipDue(s: MentorshipState, p: MentorshipPolicy, now: number): Due {
  if (isFinished(s.phase) || s.phase === 'PAUSED') return { events: [], wakeAt: Infinity };
  const at = new Date(now).toISOString();
  const wake: number[] = [];
  const found = (events: MentorshipEvent[]): Due => ({ events, wakeAt: now });

  const followUp = (f: FollowUp): MentorshipEvent[] | null => {
    const key = followUpKey(f.subject, f.occurrence);
    if (s.escalated.includes(key)) return repeat(f, key);
    // The reminder always comes first, even late (a worker that was down): people see the same sequence.
    if (!s.reminded.includes(key) && f.remind.length > 0) {
      if (now >= f.remindAt)
        return [
          {
            type: 'ReminderSent',
            at,
            actorId: SYSTEM_ACTOR,
            data: { subject: f.subject, occurrence: f.occurrence, to: f.remind },
          },
        ];
      wake.push(f.remindAt);
    }
    if (now >= f.escalateAt)
      return [
        {
          type: 'Escalated',
          at,
          actorId: SYSTEM_ACTOR,
          data: { subject: f.subject, occurrence: f.occurrence, to: f.escalateTo, missing: f.missing },
        },
      ];
    wake.push(f.escalateAt);
    return null;
  };
  // The ladder: an escalated step still not done is brought to the owner again, every followUpRepeatMs.
  const repeat = (f: FollowUp, key: string): MentorshipEvent[] | null => {
    const last = s.escalationRounds?.[key];
    if (p.followUpRepeatMs === undefined || last === undefined) return null;
    const nextAt = Date.parse(last.lastAt) + p.followUpRepeatMs;
    if (now < nextAt) {
      wake.push(nextAt);
      return null;
    }
    const data = { subject: f.subject, occurrence: f.occurrence, to: s.ownerId, missing: f.missing };
    return [{ type: 'Escalated', at, actorId: SYSTEM_ACTOR, data: { ...data, round: last.rounds + 1 } }];
  };
  const step = (subject: FollowUpSubject, remind: string[], escalateTo: string, missing: string) => {
    const since = Date.parse(s.phaseSince);
    return followUp({
      subject,
      occurrence: s.phaseSince,
      remindAt: since + p.responseMs,
      escalateAt: since + 2 * p.responseMs,
      remind,
      escalateTo,
      missing,
    });
  };
  const partyIds = (missing: Party[]) => missing.map((m) => (m === 'mentor' ? s.mentorId : s.menteeId));
  const notYet = (done: Party[]) => (['mentor', 'mentee'] as Party[]).filter((x) => !done.includes(x));

  if (s.phase === 'AWAITING_SUPERVISOR_APPROVAL') {
    const e = step('supervisor-approval', [s.supervisorId], s.ownerId, 'the supervisor has not approved the pair');
    return e ? found(e) : { events: [], wakeAt: Math.min(...wake) };
  }
  if (s.phase === 'KICKOFF') {
    const e = step(
      'kickoff',
      partyIds(notYet(s.agreedBy)),
      s.supervisorId,
      'mentor and mentee have not agreed on their goals',
    );
    return e ? found(e) : { events: [], wakeAt: Math.min(...wake) };
  }

  const start = Date.parse(s.activeSince!) + s.pausedTotalMs;
  const endAt = start + p.endAfterMs;
  if (s.phase === 'ACTIVE') {
    if (now >= endAt)
      return found([phaseChange(s, 'FINAL_EVALUATION', SYSTEM_ACTOR, at, 'the mentorship reached its end date')]);
    if (!s.midtermDone) {
      const midAt = start + p.midtermAfterMs;
      if (now >= midAt)
        return found([phaseChange(s, 'MIDTERM_REVIEW', SYSTEM_ACTOR, at, 'the mentorship reached its midterm')]);
      wake.push(midAt);
    }
    wake.push(endAt);
  }
  if (s.phase === 'MIDTERM_REVIEW' || s.phase === 'FINAL_EVALUATION') {
    const stage = s.phase === 'MIDTERM_REVIEW' ? 'midterm' : 'final';
    const done = Object.keys(s.reviews[stage]) as Party[];
    const e = step(
      `${stage}-review`,
      partyIds(notYet(done)),
      s.supervisorId,
      `the ${stage} review is not answered by ${notYet(done).join(' and ')}`,
    );
    if (e) return found(e);
  }

  // Checkpoints: one open at a time; the next one opens on its date once the previous is decided.
  const open = openCheckpoint(s);
  if (open) {
    const opened = Date.parse(open.openedAt);
    const e = followUp({
      subject: 'checkpoint',
      occurrence: String(open.checkpoint),
      remindAt: opened + p.checkpointDecisionMs,
      escalateAt: opened + 2 * p.checkpointDecisionMs,
      remind: [s.supervisorId],
      escalateTo: s.ownerId,
      missing: `checkpoint ${open.checkpoint} is not decided`,
    });
    if (e) return found(e);
  } else if (s.phase !== 'FINAL_EVALUATION') {
    const n = s.checkpoints.length + 1;
    const opensAt = start + n * p.checkpointEveryMs;
    if (opensAt < endAt) {
      if (now >= opensAt)
        return found([
          {
            type: 'CheckpointOpened',
            at,
            actorId: SYSTEM_ACTOR,
            data: { checkpoint: n, decideBy: new Date(now + p.checkpointDecisionMs).toISOString() },
          },
        ]);
      wake.push(opensAt);
    }
  }

  // Session cadence: reminded before each due date, escalated to the supervisor after the delay.
  if (s.phase !== 'FINAL_EVALUATION') {
    const dueAt = nextSessionDue(s, p) ?? NaN;
    const e = followUp({
      subject: 'session',
      occurrence: new Date(dueAt).toISOString(),
      remindAt: dueAt - p.reminderLeadMs,
      escalateAt: dueAt + p.escalationDelayMs,
      remind: [s.mentorId],
      escalateTo: s.supervisorId,
      missing: `no session logged since ${s.lastSessionAt ?? s.activeSince}`,
    });
    if (e) return found(e);
  }
  return { events: [], wakeAt: wake.length ? Math.min(...wake) : Infinity };
}
