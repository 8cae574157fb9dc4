import { describe, expect, it } from '@jest/globals';
import { studentTQuantile } from '../pilot/statistics.js';
import { bootstrapInterval, expandedTail } from './bootstrap.js';
import { matchComparisons, type ComparisonUnit } from './comparison-matching.js';
import { estimateEffect } from './effect-estimate.js';
import { effectForViewer } from './effect-privacy.js';
import { roiFromEffect } from './effect-roi.js';
import { effectRequestFor, syntheticCompany } from '../../../../test/support/synthetic-company.js';

describe('statistics behind the interval', () => {
  it("Student's t quantiles match the tables", () => {
    for (const [dof, t] of [
      [5, 2.5706],
      [10, 2.2281],
      [20, 2.086],
      [60, 2.0003],
    ])
      expect(Math.abs(studentTQuantile(0.975, dof) - t)).toBeLessThan(3e-4);
  });

  it('widens the percentiles for small samples, less as they grow', () => {
    expect(expandedTail(0.95, 10)).toBeLessThan(0.02);
    expect(expandedTail(0.95, 1000)).toBeCloseTo(0.025, 3);
  });

  it('gives the same interval for the same seed and covers the mean of a sample', () => {
    const xs = Array.from({ length: 40 }, (_, i) => (i % 7) - 3);
    const mean = (counts: Int32Array) => counts.reduce((s, c, i) => s + c * xs[i], 0) / xs.length;
    const a = bootstrapInterval(xs.length, mean, { resamples: 500, confidence: 0.95, seed: 1 });
    expect(a).toEqual(bootstrapInterval(xs.length, mean, { resamples: 500, confidence: 0.95, seed: 1 }));
    expect(a![0]).toBeLessThan(0);
    expect(a![1]).toBeGreaterThan(0);
  });
});

describe('matching', () => {
  const unit = (id: string, jobLevel: string, x: number): ComparisonUnit => ({
    id,
    jobLevel,
    department: 'Sales',
    covariates: { x },
  });

  it('uses each comparison manager once, within the job level and the caliper', () => {
    const m = matchComparisons(
      [unit('t1', 'M1', 0), unit('t2', 'M1', 0.1), unit('t3', 'M2', 5)],
      [unit('c1', 'M1', 0.05), unit('c2', 'M1', 0.2), unit('c3', 'M2', 0), unit('c4', 'M1', 9)],
      ['x'],
      { controlsPerMentee: 2, caliper: 0.5, sameDepartment: false },
    );
    const used = m.sets.flatMap((s) => s.controlIds);
    expect(new Set(used).size).toBe(used.length);
    expect(used).not.toContain('c4');
    expect(m.unmatched).toEqual(['t3']);
    expect(m.sets.map((s) => s.menteeId).sort()).toEqual(['t1', 't2']);
  });
});

describe('money and privacy', () => {
  const c = syntheticCompany({ seed: 3 });
  const estimate = estimateEffect(effectRequestFor(c));

  it('computes the ROI from the estimated effect, its interval carried through, labelled', () => {
    const roi = roiFromEffect(estimate, { valuePerUnit: 1000, currency: 'EUR', costPerMentee: 2000 })!;
    const n = estimate.sample.measuredSets;
    expect(roi.benefit).toBeCloseTo(estimate.improvement!.estimate * 1000 * n, 0);
    expect(roi.cost).toBe(2000 * n);
    expect(roi.roiInterval![0]).toBeLessThanOrEqual(roi.roi!);
    expect(roi.roiInterval![1]).toBeGreaterThanOrEqual(roi.roi!);
    expect(roi.label).toMatch(/estimated effect/);
  });

  it('shows individual comparisons to HR admins and the program owner only; sponsors see aggregates', () => {
    const owner = effectForViewer(estimate, { personId: 'o1', roles: ['owner'] }, 'o1');
    expect(owner.visibility).toBe('individual');
    const otherOwner = effectForViewer(estimate, { personId: 'o2', roles: ['owner'] }, 'o1');
    const sponsor = effectForViewer(estimate, { personId: 's1', roles: ['sponsor'] }, 'o1');
    for (const view of [otherOwner, sponsor]) {
      expect(view.visibility).toBe('aggregate');
      expect('individual' in view && view.individual).toEqual([]);
    }
    expect(effectForViewer(estimate, { personId: 'h1', roles: ['hr-admin'] }, 'o1').visibility).toBe('individual');
  });

  it('withholds the figures from sponsors when fewer than 5 people are on one side', () => {
    const small = { ...estimate, sample: { ...estimate.sample, matchedMentees: 4, measuredSets: 4 } };
    expect(effectForViewer(small, { personId: 's1', roles: ['sponsor'] }, 'o1')).toMatchObject({
      visibility: 'withheld',
      minimumPeople: 5,
    });
  });
});
