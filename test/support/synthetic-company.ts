import { gaussian, seededRandom } from '../../libs/domain/src/pilot/statistics.js';
import { monthText } from '../../libs/domain/src/proof/periods.js';
import type { EffectPerson, EffectRequest, OutcomeMeasure } from '../../libs/domain/src/index.js';

/**
 * A company with a known truth, for the effect estimate's tests: managers whose engagement score
 * drifts up everywhere (a company-wide trend), each with a level and a trend of their own; mentees
 * picked among the managers whose score was visibly improving in the year before (selection bias);
 * and a planted effect of the program on the mentees' score after the cycle.
 */
export interface SyntheticCompanyOptions {
  seed: number;
  managers: number;
  mentees: number;
  /** Points of engagement the program adds to each mentee's score after the cycle. */
  plantedEffect: number;
  /** Company-wide drift per month, for everyone. */
  companyTrend: number;
  /** How strongly selection follows the visible improvement (0 = mentees at random). */
  selection: number;
  /** Chance to leave during the window, for everyone, and the program's planted change of it for mentees. */
  leaveRate: number;
  plantedRetention: number;
}

export const SYNTHETIC_DEFAULTS: Omit<SyntheticCompanyOptions, 'seed'> = {
  managers: 500,
  mentees: 40,
  plantedEffect: 3,
  companyTrend: 0.3,
  selection: 1,
  leaveRate: 0.12,
  plantedRetention: 0,
};

export const SYNTHETIC_MEASURE = 'engagement score';
const START = 2025 * 12; // 2025-01
/** Months 0-11 before the cycle, 12-17 the cycle, 18-29 after it. */
export const SYNTHETIC_WINDOWS = {
  before: { from: monthText(START), to: monthText(START + 11) },
  after: { from: monthText(START + 18), to: monthText(START + 29) },
};

export interface SyntheticCompany {
  people: EffectPerson[];
  mentees: EffectPerson[];
  pool: EffectPerson[];
  values: OutcomeMeasure[];
  truth: { effect: number; naiveBias: number };
}

export function syntheticCompany(partial: Partial<SyntheticCompanyOptions> & { seed: number }): SyntheticCompany {
  const o = { ...SYNTHETIC_DEFAULTS, ...partial };
  const random = seededRandom(o.seed);
  const normal = () => gaussian(random);
  const levels = ['M1', 'M1', 'M1', 'M2', 'M2', 'M3'];
  const departments = ['Sales', 'Operations', 'Finance', 'R&D', 'Support', 'Marketing'];
  const managers = Array.from({ length: o.managers }, (_, i) => {
    const jobLevel = levels[Math.floor(random() * levels.length)];
    const rank = levels.indexOf(jobLevel) < 3 ? 1 : jobLevel === 'M2' ? 2 : 3;
    return {
      id: `m${String(i).padStart(4, '0')}`,
      jobLevel,
      department: departments[Math.floor(random() * departments.length)],
      managementYears: Math.max(0, Math.round(2 + 3 * rank + 3 * normal())),
      teamSize: Math.max(2, Math.round(5 + 2 * rank + 2 * normal())),
      level: 62 + 2 * rank + 6 * normal(),
      trend: 0.35 * normal(),
    };
  });
  const values: OutcomeMeasure[] = [];
  const series = new Map<string, number[]>();
  for (const m of managers) {
    const ys = Array.from(
      { length: 30 },
      (_, t) => m.level + (m.trend + o.companyTrend) * t + 2 * normal() - 0.02 * m.managementYears * t,
    );
    series.set(m.id, ys);
  }
  // Visible improvement over the year before: what a manager's own manager would notice.
  const visible = (id: string) => {
    const ys = series.get(id)!.slice(0, 12);
    return (ys.slice(8).reduce((a, b) => a + b, 0) - ys.slice(0, 4).reduce((a, b) => a + b, 0)) / 4;
  };
  const eligible = managers.filter((m) => m.jobLevel !== 'M3');
  const ranked = eligible
    .map((m) => ({ m, score: o.selection * (visible(m.id) / 4) + normal() }))
    .sort((a, b) => b.score - a.score);
  const menteeIds = new Set(ranked.slice(0, o.mentees).map((r) => r.m.id));

  const people: EffectPerson[] = managers.map((m) => {
    const mentee = menteeIds.has(m.id);
    const leaves = random() < o.leaveRate - (mentee ? o.plantedRetention : 0);
    const leftMonth = leaves ? 12 + Math.floor(random() * 18) : null;
    const promoted = random() < 0.08 ? [monthText(START + 14 + Math.floor(random() * 16))] : [];
    const ys = series.get(m.id)!;
    for (let t = 0; t < 30; t++) {
      if (leftMonth !== null && t >= leftMonth) break;
      const value = ys[t] + (mentee && t >= 18 ? o.plantedEffect : 0);
      values.push({
        employeeId: m.id,
        measure: SYNTHETIC_MEASURE,
        period: monthText(START + t),
        value: Math.round(value * 100) / 100,
        source: 'synthetic-hris',
      });
    }
    return {
      id: m.id,
      jobLevel: m.jobLevel,
      department: m.department,
      managementYears: m.managementYears,
      teamSize: m.teamSize,
      leftIn: leftMonth === null ? null : monthText(START + leftMonth),
      promotedIn: promoted,
    };
  });
  const mentees = people.filter((p) => menteeIds.has(p.id));
  const menteeTrend = managers.filter((m) => menteeIds.has(m.id)).reduce((s, m) => s + m.trend, 0) / mentees.length;
  return {
    people,
    mentees,
    pool: people.filter((p) => !menteeIds.has(p.id)),
    values,
    // Windows' centres are 15 months apart: the head start of improving managers and the company's drift.
    truth: { effect: o.plantedEffect, naiveBias: 15 * (menteeTrend + o.companyTrend) },
  };
}

/** The estimate's request for a synthetic company: its measure, windows, mentees, pool and values. */
export const effectRequestFor = (c: SyntheticCompany, over: Partial<EffectRequest> = {}): EffectRequest => ({
  measure: SYNTHETIC_MEASURE,
  lowerIsBetter: false,
  ...SYNTHETIC_WINDOWS,
  mentees: c.mentees,
  pool: c.pool,
  values: c.values,
  ...over,
});
