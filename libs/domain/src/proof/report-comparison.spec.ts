import { describe, expect, it } from '@jest/globals';
import { roiEvidence, type RoiEvidence } from '../mentorship/roi.js';
import { beforeAfterRoi, costPerMentee, monetisedMeasures } from './report-comparison.js';

const evidence = (after: number, valuePerUnit: number | null, hours = 10): RoiEvidence =>
  roiEvidence({
    goals: [],
    facts: [
      { name: 'Team  Turnover', unit: '%', source: 'HR', before: 20, after, lowerIsBetter: true, valuePerUnit },
      { name: 'Absence days', unit: 'd', source: 'HR', before: 5, after: 4, lowerIsBetter: true, valuePerUnit: 100 },
    ],
    mentorHours: hours,
    menteeHours: hours,
    supervisorHours: 0,
    rates: { mentor: 100, mentee: 50, supervisor: 0 },
    attribution: 0.5,
    currency: 'EUR',
  });

describe('the report’s comparison rows', () => {
  it('compares each monetised fact imported for everyone, once, whatever its spacing or case', () => {
    const all = [evidence(12, 1000), evidence(14, 1000)];
    expect(monetisedMeasures(all, new Set(['team turnover']))).toEqual([
      { name: 'Team  Turnover', lowerIsBetter: true, valuePerUnit: 1000 },
    ]);
    // Not monetised, or not imported for everyone: nothing to compare.
    expect(monetisedMeasures([evidence(12, null)], new Set(['team turnover']))).toEqual([]);
    expect(monetisedMeasures(all, new Set(['engagement']))).toEqual([]);
  });

  it('sums the before/after figure over the mentorships that monetised the measure, labelled as such', () => {
    const all = [evidence(12, 1000), evidence(14, 1000, 20)];
    // (8 + 6) points × 1000 × 50 % attributed; costs 10 h × 150 and 20 h × 150.
    expect(beforeAfterRoi(all, 'team turnover')).toEqual({
      label: 'ROI before/after (the mentees’ own change × the agreed attribution share)',
      benefit: 7000,
      cost: 4500,
      roi: 0.56,
      mentorships: 2,
    });
    expect(beforeAfterRoi(all, 'engagement')).toBeNull();
    expect(costPerMentee(all)).toBe(2250);
    expect(costPerMentee([])).toBe(0);
  });
});
