import { linearRegression, mean } from 'simple-statistics';
import type { EffectPerson } from './effect-types.js';
import { measureKey, type OutcomeMeasure } from './outcome-measures.js';
import { monthIndex, type MonthWindow } from './periods.js';

export interface Series {
  baseline: number;
  trend: number;
  after: number | null;
}

/** Level and trend over the before window, level over the after window, per person. */
export function seriesOf(values: OutcomeMeasure[], measure: string, before: MonthWindow, after: MonthWindow) {
  const wanted = measureKey(measure);
  const [b0, b1, a0, a1] = [before.from, before.to, after.from, after.to].map((m) => monthIndex(m)!);
  const byPerson = new Map<string, Map<number, number[]>>();
  const months = new Map<string, number>();
  for (const v of values) {
    if (v.measure !== measure && measureKey(v.measure) !== wanted) continue;
    let month = months.get(v.period);
    if (month === undefined) months.set(v.period, (month = monthIndex(v.period)!));
    const series = byPerson.get(v.employeeId) ?? new Map<number, number[]>();
    series.set(month, [...(series.get(month) ?? []), v.value]);
    byPerson.set(v.employeeId, series);
  }
  const out = new Map<string, Series>();
  for (const [id, series] of byPerson) {
    const points = [...series].map(([m, vs]) => [m, mean(vs)] as [number, number]).sort((a, b) => a[0] - b[0]);
    const pre = points.filter(([m]) => m >= b0 && m <= b1);
    const post = points.filter(([m]) => m >= a0 && m <= a1);
    if (pre.length < 2) continue;
    out.set(id, {
      baseline: mean(pre.map((p) => p[1])),
      trend: linearRegression(pre).m,
      after: post.length ? mean(post.map((p) => p[1])) : null,
    });
  }
  return out;
}

export const outcomeBy = (end: MonthWindow, start: MonthWindow) => {
  const from = monthIndex(start.to)!;
  const to = monthIndex(end.to)!;
  const within = (month: string) => {
    const m = monthIndex(month);
    return m !== null && m > from && m <= to;
  };
  return {
    retained: (p: EffectPerson) => p.leftIn === null || monthIndex(p.leftIn)! > to,
    /** Gone before the cycle began: neither a mentee nor a comparison for it. */
    goneBefore: (p: EffectPerson) => p.leftIn !== null && monthIndex(p.leftIn)! <= from,
    promoted: (p: EffectPerson) => p.promotedIn.some(within),
  };
};
