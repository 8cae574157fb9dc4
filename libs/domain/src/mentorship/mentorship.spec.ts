import { describe, expect, it } from '@jest/globals';
import { DEFAULT_MENTORSHIP_POLICY, policyProblems, type MentorshipPolicy } from './mentorship-policy.js';
import { roiEvidence } from './roi.js';

const policy: MentorshipPolicy = {
  ...DEFAULT_MENTORSHIP_POLICY,
  sessionEveryMs: 100,
  reminderLeadMs: 20,
  escalationDelayMs: 50,
  midtermAfterMs: 1000,
  endAfterMs: 2000,
};

describe('mentorship policy', () => {
  it('defaults to a session every 14 days, a checkpoint every 6 weeks, about 6 months', () => {
    expect(policyProblems(DEFAULT_MENTORSHIP_POLICY)).toEqual([]);
    expect(DEFAULT_MENTORSHIP_POLICY.sessionEveryMs / 86_400_000).toBe(14);
  });

  it('refuses incoherent cadences, naming the field', () => {
    expect(policyProblems({ ...policy, reminderLeadMs: 200 }).map((p) => p.field)).toEqual(['reminderLeadMs']);
    expect(policyProblems({ ...policy, sessionEveryMs: -1 }).map((p) => p.field)).toContain('sessionEveryMs');
    expect(policyProblems({ ...policy, midtermAfterMs: policy.endAfterMs }).map((p) => p.field)).toEqual([
      'midtermAfterMs',
    ]);
  });
});

describe('ROI evidence', () => {
  it('shows progress, deltas with their sources, cost, benefit and the assumptions behind the ratio', () => {
    const evidence = roiEvidence({
      goals: [{ competencyKey: 'delegation', baseline: 2, target: 3, final: 3.5 }],
      facts: [
        {
          name: 'Team turnover',
          unit: 'percentage point',
          source: 'HR report',
          before: 18,
          after: 12,
          lowerIsBetter: true,
          valuePerUnit: 2000,
        },
        {
          name: 'Engagement score',
          unit: 'point',
          source: 'engagement survey',
          before: 61,
          after: 66,
          lowerIsBetter: false,
          valuePerUnit: null,
        },
      ],
      mentorHours: 12,
      menteeHours: 12,
      supervisorHours: 3,
      rates: { mentor: 90, mentee: 60, supervisor: 110 },
      attribution: 0.5,
      currency: 'EUR',
    });
    expect(evidence.competencies[0]).toMatchObject({ gained: 1.5, reached: true });
    expect(evidence.facts[0]).toMatchObject({ delta: -6, improvement: 6, value: 6000 });
    expect(evidence.facts[1]).toMatchObject({ improvement: 5, value: null });
    expect(evidence.cost).toBe(12 * 90 + 12 * 60 + 3 * 110);
    expect(evidence.benefit).toBe(6000);
    expect(evidence.roi).toBeCloseTo((6000 - 2130) / 2130, 2);
    expect(evidence.assumptions.join('\n')).toMatch(/50 % of each improvement/);
    expect(evidence.assumptions.join('\n')).toMatch(/Engagement score is reported but not monetised/);
  });

  it('gives no ratio when nothing is monetised', () => {
    const evidence = roiEvidence({
      goals: [],
      facts: [],
      mentorHours: 1,
      menteeHours: 1,
      supervisorHours: 0,
      rates: { mentor: 1, mentee: 1, supervisor: 1 },
      attribution: 1,
      currency: 'EUR',
    });
    expect(evidence.roi).toBeNull();
  });
});
