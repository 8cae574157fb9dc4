import { describe, expect, it } from '@jest/globals';
import {
  agreeKickoff,
  createMentorship,
  foldMentorship,
  logSession,
  supervisorApproves,
  type MentorshipEvent,
  type MentorshipState,
} from './mentorship.js';
import { DEFAULT_MENTORSHIP_POLICY, type MentorshipPolicy } from './mentorship-policy.js';
import { mentorshipDue } from './mentorship-schedule.js';

// Milliseconds from an epoch of 0 stand for days: readable and exact.
const policy: MentorshipPolicy = {
  sessionEveryMs: 14,
  reminderLeadMs: 2,
  escalationDelayMs: 7,
  checkpointEveryMs: 42,
  checkpointDecisionMs: 5,
  responseMs: 5,
  midtermAfterMs: 91,
  endAfterMs: 182,
};
const pair = {
  mentorshipId: 'm-1',
  programId: 'p-1',
  menteeId: 'zoe',
  mentorId: 'eloise',
  supervisorId: 'paul',
  ownerId: 'claire',
};
const goals = [{ competencyKey: 'delegation', targetLevel: 3 }];
const facts = [
  { name: 'Team turnover', unit: '%', source: 'HR report', value: 18, lowerIsBetter: true, valuePerUnit: null },
];
const at = (t: number) => new Date(t);

/** Lets time pass until `until`, committing whatever the clock asks for; returns what happened when. */
function runClock(
  s: MentorshipState,
  from: number,
  until: number,
  p: MentorshipPolicy = policy,
): { state: MentorshipState; log: Array<[number, string]> } {
  const log: Array<[number, string]> = [];
  let t = from;
  let state = s;
  for (let guard = 0; guard < 1000; guard++) {
    const due = mentorshipDue(state, p, t);
    if (due.events.length > 0) {
      for (const e of due.events) log.push([t, label(e)]);
      state = foldMentorship(due.events, state)!;
      continue;
    }
    if (due.wakeAt > until) return { state, log };
    t = due.wakeAt;
  }
  throw new Error('the clock does not settle');
}
const label = (e: MentorshipEvent): string => {
  switch (e.type) {
    case 'ReminderSent':
      return `remind ${e.data.subject} → ${e.data.to.join(',')}`;
    case 'Escalated':
      return `escalate ${e.data.subject} → ${e.data.to}${(e.data.round ?? 1) > 1 ? ` (round ${e.data.round})` : ''}`;
    case 'MentorshipPhaseChanged':
      return `phase ${e.data.to}`;
    case 'CheckpointOpened':
      return `checkpoint ${e.data.checkpoint}`;
    default:
      return e.type;
  }
};

const created = foldMentorship(createMentorship(pair, 'claire', at(0)))!;
const eloise = { personId: 'eloise', roles: ['mentor' as const] };
const zoe = { personId: 'zoe', roles: ['mentee' as const] };
const paul = { personId: 'paul', roles: ['supervisor' as const] };

function activeAt(t: number): MentorshipState {
  let s = foldMentorship(supervisorApproves(created, paul, at(t)), created)!;
  s = foldMentorship(agreeKickoff(s, eloise, { goals, baselines: { delegation: 2 }, facts }, at(t)), s)!;
  return foldMentorship(agreeKickoff(s, zoe, { goals, baselines: {}, facts: [] }, at(t)), s)!;
}

describe('the clock of a mentorship', () => {
  it('reminds the supervisor to approve, then tells the owner, then waits for a person', () => {
    const { state, log } = runClock(created, 0, 1000);
    expect(log).toEqual([
      [5, 'remind supervisor-approval → paul'],
      [10, 'escalate supervisor-approval → claire'],
    ]);
    expect(mentorshipDue(state, policy, 10_000)).toEqual({ events: [], wakeAt: Infinity });
  });

  it('reminds the mentor before each session is due and tells the supervisor after the delay', () => {
    const { log } = runClock(activeAt(0), 0, 30);
    expect(log).toEqual([
      [12, 'remind session → eloise'],
      [21, 'escalate session → paul'],
    ]);
  });

  it('starts the cadence again from a logged session', () => {
    let s = activeAt(0);
    s = foldMentorship(
      logSession(
        s,
        eloise,
        {
          sessionId: 's1',
          heldAt: at(10).toISOString(),
          minutes: 60,
          topics: [],
          competencies: [],
          sharedNotes: null,
          privateNotes: null,
        },
        at(11),
      ),
      s,
    )!;
    expect(runClock(s, 11, 30).log).toEqual([[22, 'remind session → eloise']]);
  });

  it('runs six months: checkpoints with their follow-ups, midterm, end', () => {
    const { state, log } = runClock(activeAt(0), 0, 1000);
    const milestones = log.filter(([, what]) => !what.includes('session'));
    expect(milestones).toEqual([
      [42, 'checkpoint 1'],
      [47, 'remind checkpoint → paul'],
      [52, 'escalate checkpoint → claire'],
      [91, 'phase MIDTERM_REVIEW'],
      [96, 'remind midterm-review → eloise,zoe'],
      [101, 'escalate midterm-review → paul'],
    ]);
    // Nobody acts: the mentorship waits in its midterm review for the parties (the supervisor was told).
    expect(state.phase).toBe('MIDTERM_REVIEW');
    expect(state.remindersSent).toBe(3);
  });

  it('still reminds before escalating when it looks late (a worker that was down)', () => {
    const late = mentorshipDue(created, policy, 50);
    expect(late.events.map((e) => e.type)).toEqual(['ReminderSent']);
    const after = foldMentorship(late.events, created)!;
    expect(mentorshipDue(after, policy, 50).events.map((e) => e.type)).toEqual(['Escalated']);
  });

  it('uses the realistic defaults: a first session reminder after 12 days', () => {
    const s = activeAt(0);
    expect(mentorshipDue(s, DEFAULT_MENTORSHIP_POLICY, 0).wakeAt / 86_400_000).toBe(12);
  });
});

describe('the follow-up ladder: an escalation is not the end of it', () => {
  const ladder: MentorshipPolicy = { ...policy, followUpRepeatMs: 7 };

  it('tells the owner again every followUpRepeatMs while the supervisor has not approved, and counts it', () => {
    const { state, log } = runClock(created, 0, 31, ladder);
    expect(log).toEqual([
      [5, 'remind supervisor-approval → paul'],
      [10, 'escalate supervisor-approval → claire'],
      [17, 'escalate supervisor-approval → claire (round 2)'],
      [24, 'escalate supervisor-approval → claire (round 3)'],
      [31, 'escalate supervisor-approval → claire (round 4)'],
    ]);
    expect(state.escalations).toBe(4);
    expect(mentorshipDue(state, ladder, 31).wakeAt).toBe(38);
  });

  it('climbs from the supervisor to the owner for sessions, kickoff, checkpoints and reviews', () => {
    const session = runClock(activeAt(0), 0, 36, ladder).log.filter(([, w]) => w.includes('session'));
    expect(session).toEqual([
      [12, 'remind session → eloise'],
      [21, 'escalate session → paul'],
      [28, 'escalate session → claire (round 2)'],
      [35, 'escalate session → claire (round 3)'],
    ]);
    const approved = foldMentorship(supervisorApproves(created, paul, at(0)), created)!;
    expect(runClock(approved, 0, 17, ladder).log).toEqual([
      [5, 'remind kickoff → eloise,zoe'],
      [10, 'escalate kickoff → paul'],
      [17, 'escalate kickoff → claire (round 2)'],
    ]);
    const later = runClock(activeAt(0), 0, 110, ladder).log.filter(([, w]) => !w.includes('session'));
    expect(later).toEqual(
      expect.arrayContaining([
        [52, 'escalate checkpoint → claire'],
        [59, 'escalate checkpoint → claire (round 2)'],
        [101, 'escalate midterm-review → paul'],
        [108, 'escalate midterm-review → claire (round 2)'],
      ]),
    );
  });

  it('stops once the step is done', () => {
    const { state } = runClock(created, 0, 17, ladder);
    const approved = foldMentorship(supervisorApproves(state, paul, at(18)), state)!;
    const { log } = runClock(approved, 18, 40, ladder);
    expect(log.filter(([, w]) => w.includes('supervisor-approval'))).toEqual([]);
  });

  it('leaves a mentorship started before the ladder as it was (no repeat without followUpRepeatMs)', () => {
    const { log } = runClock(created, 0, 100);
    expect(log).toHaveLength(2);
  });
});
