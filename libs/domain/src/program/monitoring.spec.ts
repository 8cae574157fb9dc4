import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_MENTORSHIP_POLICY, type MentorshipPolicy } from '../mentorship/mentorship-policy.js';
import { engagementOf, monitorProgram, risksOf, type MentorshipSnapshot } from './monitoring.js';

const DAY = 86_400_000;
const now = Date.parse('2027-06-01T00:00:00.000Z');
const ago = (days: number) => new Date(now - days * DAY).toISOString();
const base = (over: Partial<MentorshipSnapshot>): MentorshipSnapshot => ({
  mentorshipId: 'm',
  menteeId: 'zoe',
  mentorId: 'eloise',
  supervisorId: 'paul',
  phase: 'ACTIVE',
  phaseSince: ago(56),
  activeSince: ago(56),
  sessions: 4,
  lastSessionAt: ago(3),
  nextSessionDueAt: ago(3 - 14),
  openCheckpoint: null,
  reviewMissing: [],
  remindersSent: 0,
  escalations: 0,
  checkpointDecisions: ['approve'],
  latestPulseMean: 4.25,
  goals: [{ competencyKey: 'delegation', baseline: 2, latest: 3, target: 4 }],
  ...over,
});

describe('program monitoring', () => {
  it('computes engagement, outcomes, satisfaction and progress from the mentorships', () => {
    const { indicators, atRisk } = monitorProgram(
      [
        base({ mentorshipId: 'a' }),
        base({
          mentorshipId: 'b',
          sessions: 2,
          latestPulseMean: 3.75,
          goals: [{ competencyKey: 'delegation', baseline: 1, latest: 3, target: 4 }],
        }),
      ],
      DEFAULT_MENTORSHIP_POLICY,
      now,
    );
    // 56 days at one session per 14 days: 4 asked each; 4 of 4 and 2 of 4.
    expect(indicators).toMatchObject({
      mentorships: 2,
      byPhase: { ACTIVE: 2 },
      engagement: 0.75,
      satisfaction: 4,
      checkpointOutcomes: { approve: 2, 'request-changes': 0, escalate: 0 },
    });
    expect(indicators.competencyProgress).toEqual([{ competencyKey: 'delegation', goals: 2, meanGained: 1.5 }]);
    expect(atRisk).toEqual([]);
  });

  it('caps each mentorship at 100 %: extra sessions in one pair do not hide another pair’s silence', () => {
    const { indicators } = monitorProgram(
      [base({ mentorshipId: 'busy', sessions: 40 }), base({ mentorshipId: 'silent', sessions: 0 })],
      DEFAULT_MENTORSHIP_POLICY,
      now,
    );
    expect(indicators.engagement).toBe(0.5);
  });

  it('keeps engagement between 0 and 1 whatever the sessions, pauses and dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 60 }),
        (sessions, activeDays, pausedDays, cadenceDays) => {
          const policy = { ...DEFAULT_MENTORSHIP_POLICY, sessionEveryMs: cadenceDays * DAY };
          const m = base({ sessions, activeSince: ago(activeDays), pausedTotalMs: pausedDays * DAY });
          const e = engagementOf(m, policy, now)!;
          return e >= 0 && e <= 1;
        },
      ),
    );
  });

  it('leaves engagement out before a mentorship is active, and pauses out of the time asked for', () => {
    expect(engagementOf(base({ activeSince: null, phase: 'KICKOFF' }), DEFAULT_MENTORSHIP_POLICY, now)).toBeNull();
    // 56 days, 28 of them paused: 2 sessions asked, 2 logged.
    expect(engagementOf(base({ sessions: 2, pausedTotalMs: 28 * DAY }), DEFAULT_MENTORSHIP_POLICY, now)).toBe(1);
  });
});

/**
 * Each stuck situation on a simulated clock: not flagged just before its stated time, flagged just
 * after, with its reason and how long it has lasted.
 */
describe('monitoring flags every stuck mentorship after the stated time', () => {
  // Milliseconds stand for days: the same rules with readable numbers.
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
  const t0 = new Date(1000).toISOString();
  const at = (n: number) => 1000 + n;
  const situations: Array<[string, Partial<MentorshipSnapshot>, number, string]> = [
    [
      'a pair never approved',
      { phase: 'AWAITING_SUPERVISOR_APPROVAL', phaseSince: t0, activeSince: null, sessions: 0, nextSessionDueAt: null },
      policy.responseMs,
      'APPROVAL_OVERDUE',
    ],
    [
      'goals never agreed',
      { phase: 'KICKOFF', phaseSince: t0, activeSince: null, sessions: 0, nextSessionDueAt: null },
      policy.responseMs,
      'KICKOFF_OVERDUE',
    ],
    [
      'no session at all since the start',
      {
        activeSince: t0,
        phaseSince: t0,
        sessions: 0,
        lastSessionAt: null,
        nextSessionDueAt: new Date(at(14)).toISOString(),
      },
      14 + policy.escalationDelayMs,
      'NO_RECENT_SESSION',
    ],
    [
      'no session since the last one',
      { sessions: 3, lastSessionAt: t0, nextSessionDueAt: new Date(at(14)).toISOString() },
      14 + policy.escalationDelayMs,
      'NO_RECENT_SESSION',
    ],
    [
      'a checkpoint nobody decides',
      { openCheckpoint: { checkpoint: 2, openedAt: t0 }, lastSessionAt: null, nextSessionDueAt: null },
      policy.checkpointDecisionMs,
      'CHECKPOINT_OVERDUE',
    ],
    [
      'a midterm review nobody answers',
      { phase: 'MIDTERM_REVIEW', phaseSince: t0, reviewMissing: ['mentee'], nextSessionDueAt: null },
      policy.responseMs,
      'REVIEW_OVERDUE',
    ],
    [
      'a final review nobody answers',
      { phase: 'FINAL_EVALUATION', phaseSince: t0, reviewMissing: ['mentor', 'mentee'], nextSessionDueAt: null },
      policy.responseMs,
      'REVIEW_OVERDUE',
    ],
  ];

  it.each(situations)('%s', (_, over, after, reason) => {
    const m = base({ latestPulseMean: null, checkpointDecisions: [], ...over });
    expect(risksOf(m, policy, at(after)).map((r) => r.reason)).not.toContain(reason);
    const flagged = risksOf(m, policy, at(after + 1)).find((r) => r.reason === reason);
    expect(flagged).toMatchObject({ reason, forMs: expect.any(Number) });
    expect(flagged!.forMs).toBeGreaterThan(0);
    expect(flagged!.detail.length).toBeGreaterThan(10);
  });

  it('says how many times a stuck step was escalated, and never flags a finished or paused mentorship', () => {
    const stuck = base({
      phase: 'AWAITING_SUPERVISOR_APPROVAL',
      phaseSince: t0,
      activeSince: null,
      escalations: 3,
      nextSessionDueAt: null,
    });
    expect(risksOf(stuck, policy, at(30))[0].detail).toContain('escalated 3 times');
    for (const phase of ['CLOSED', 'TERMINATED', 'PAUSED'] as const)
      expect(risksOf(base({ phase, phaseSince: t0, lastSessionAt: null }), policy, at(500))).toEqual([]);
  });

  it('orders the at-risk list by how many reasons, then by how long', () => {
    const { atRisk } = monitorProgram(
      [
        base({
          mentorshipId: 'recent',
          phase: 'KICKOFF',
          phaseSince: new Date(at(20)).toISOString(),
          activeSince: null,
        }),
        base({ mentorshipId: 'old', phase: 'KICKOFF', phaseSince: t0, activeSince: null }),
        base({ mentorshipId: 'unhappy', latestPulseMean: 2.5, checkpointDecisions: ['approve', 'escalate'] }),
      ],
      policy,
      at(40),
    );
    expect(atRisk.map((r) => r.mentorshipId)).toEqual(['unhappy', 'old', 'recent']);
  });
});
