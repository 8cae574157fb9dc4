import { describe, expect, it } from '@jest/globals';
import { DEFAULT_MENTORSHIP_POLICY } from '../mentorship/mentorship-policy.js';
import { monitorProgram, type MentorshipSnapshot } from './monitoring.js';

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
    // 56 days at one session per 14 days: 4 expected each, 6 logged of 8.
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

  it('flags the mentorships at risk with every reason', () => {
    const { atRisk } = monitorProgram(
      [
        base({ mentorshipId: 'quiet', lastSessionAt: ago(40), escalations: 1 }),
        base({ mentorshipId: 'unhappy', latestPulseMean: 2.5, checkpointDecisions: ['approve', 'escalate'] }),
        base({
          mentorshipId: 'stuck',
          phase: 'KICKOFF',
          phaseSince: ago(30),
          activeSince: null,
          lastSessionAt: null,
          sessions: 0,
        }),
        base({ mentorshipId: 'paused', phase: 'PAUSED', lastSessionAt: ago(90) }),
      ],
      DEFAULT_MENTORSHIP_POLICY,
      now,
    );
    expect(atRisk.map((r) => [r.mentorshipId, r.reasons.map((x) => x.reason)])).toEqual([
      ['quiet', ['NO_RECENT_SESSION', 'ESCALATED']],
      ['unhappy', ['CHECKPOINT_ESCALATED', 'LOW_SATISFACTION']],
      ['stuck', ['STUCK_BEFORE_START']],
    ]);
  });
});
