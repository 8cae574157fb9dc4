import { describe, expect, it } from '@jest/globals';
import { roiEvidence } from '../mentorship/roi.js';
import { effectivenessReport, mentorContributions } from './cycle-report.js';
import type { MentorshipSnapshot } from './monitoring.js';

const rates = { mentor: 90, mentee: 60, supervisor: 110 };
const evidence = (after: number, valuePerUnit: number | null) =>
  roiEvidence({
    goals: [{ competencyKey: 'delegation', baseline: 2, target: 4, final: 4 }],
    facts: [
      { name: 'Team turnover', unit: '%', source: 'HR report', before: 18, after, lowerIsBetter: true, valuePerUnit },
    ],
    mentorHours: 10,
    menteeHours: 10,
    supervisorHours: 2,
    rates,
    attribution: 0.5,
    currency: 'EUR',
  });
const snapshot = (
  id: string,
  mentorId: string,
  phase: MentorshipSnapshot['phase'],
  minutes: number,
): MentorshipSnapshot => ({
  mentorshipId: id,
  menteeId: `mentee-${id}`,
  mentorId,
  supervisorId: 'paul',
  phase,
  phaseSince: '2027-01-01T00:00:00.000Z',
  activeSince: '2027-01-01T00:00:00.000Z',
  sessions: 6,
  sessionMinutes: minutes,
  lastSessionAt: null,
  remindersSent: 0,
  escalations: 0,
  checkpointDecisions: [],
  latestPulseMean: 4,
  goals: [{ competencyKey: 'delegation', baseline: 2, latest: 4, target: 4 }],
});

describe('cycle effectiveness report', () => {
  it('aggregates the ROI evidence with its facts and compares measured KPIs with their targets', () => {
    const report = effectivenessReport({
      cycle: 1,
      objectives: [
        { title: 'Retain managers', kpis: [{ name: 'team turnover', unit: '%', baseline: 18, target: 14 }] },
      ],
      planned: 3,
      enrolledMentees: 4,
      matchedMentees: 3,
      snapshots: [
        snapshot('a', 'eloise', 'CLOSED', 360),
        snapshot('b', 'eloise', 'CLOSED', 300),
        snapshot('c', 'ravi', 'TERMINATED', 60),
      ],
      evidence: [
        { mentorshipId: 'a', menteeId: 'x', mentorId: 'eloise', roi: evidence(12, 2000) },
        { mentorshipId: 'b', menteeId: 'y', mentorId: 'eloise', roi: evidence(15, null) },
      ],
      competencyProgress: [{ competencyKey: 'delegation', goals: 2, meanGained: 2 }],
    });
    const cost = 2 * (10 * 90 + 10 * 60 + 2 * 110);
    expect(report.roi).toMatchObject({
      mentorships: 2,
      cost,
      benefit: 6000,
      ratio: Math.round(((6000 - cost) / cost) * 100) / 100,
      currency: 'EUR',
    });
    expect(report.participation).toMatchObject({ planned: 3, started: 3, closed: 2, terminated: 1, coverage: 0.75 });
    expect(report.facts.map((f) => [f.mentorshipId, f.source, f.before, f.after])).toEqual([
      ['a', 'HR report', 18, 12],
      ['b', 'HR report', 18, 15],
    ]);
    // KPI names match facts case-insensitively: mean after 13.5 ≤ target 14 (lower is better).
    expect(report.kpis[0].measured).toEqual({ mentorships: 2, meanBefore: 18, meanAfter: 13.5, reachedTarget: true });
    expect(report.goalsReached).toEqual({ goals: 2, reached: 2 });
  });

  it('gives each mentor’s contribution, most hours first', () => {
    expect(
      mentorContributions([
        snapshot('a', 'eloise', 'CLOSED', 360),
        snapshot('b', 'ravi', 'ACTIVE', 90),
        snapshot('c', 'eloise', 'ACTIVE', 60),
      ]),
    ).toEqual([
      { mentorId: 'eloise', mentorships: 2, closed: 1, hours: 7, menteeProgress: 2, feedback: 4 },
      { mentorId: 'ravi', mentorships: 1, closed: 0, hours: 1.5, menteeProgress: 2, feedback: 4 },
    ]);
  });
});

describe('the report states each assumption once, in plain words', () => {
  it('gives the cost rule, the attribution and each fact’s value once for many mentorships', () => {
    const evidenceOf = (id: string, hours: number) => ({
      mentorshipId: id,
      menteeId: `mentee-${id}`,
      mentorId: 'eloise',
      roi: roiEvidence({
        goals: [],
        facts: [
          {
            name: 'Absence',
            unit: 'days',
            source: 'HR report',
            before: 12,
            after: 8,
            lowerIsBetter: true,
            valuePerUnit: 150,
          },
          {
            name: 'Engagement',
            unit: 'pts',
            source: 'survey',
            before: 60,
            after: 66,
            lowerIsBetter: false,
            valuePerUnit: null,
          },
        ],
        mentorHours: hours,
        menteeHours: hours,
        supervisorHours: 1,
        rates: { mentor: 90, mentee: 60, supervisor: 110 },
        attribution: 0.5,
        currency: 'EUR',
        counting: { hoursPerSessionHour: 1.5, supervisorHoursPerCheckpoint: 0.5 },
      }),
    });
    const report = effectivenessReport({
      cycle: 1,
      objectives: [],
      planned: 3,
      enrolledMentees: 3,
      matchedMentees: 3,
      snapshots: [],
      evidence: [evidenceOf('a', 6), evidenceOf('b', 9), evidenceOf('c', 4.5)],
      competencyProgress: [],
    });
    expect(report.roi.assumptions).toEqual([
      'cost: each session hour counts 1.5 h for the mentor and for the mentee (preparation included), each decided checkpoint 0.5 h of supervision; hourly rates 90 (mentor), 60 (mentee), 110 (supervisor) EUR',
      '50 % of each improvement is attributed to the mentorship',
      'Absence: 150 EUR per unit of improvement (days), figures from HR report',
      'Engagement is reported but not monetised',
    ]);
    expect(report.roi.currency).toBe('EUR');
  });
});
