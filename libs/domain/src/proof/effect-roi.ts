import type { EffectEstimate } from './effect-estimate.js';

/**
 * The program's return computed from the estimated effect (what the program changed compared with
 * managers who were not in it), shown beside the before/after figure (what happened to the
 * mentees, times an agreed attribution share). Both are labelled; neither replaces the other.
 */
export interface EffectRoi {
  label: string;
  measure: string;
  /** Mentees the estimate speaks for. */
  mentees: number;
  valuePerUnit: number;
  currency: string;
  /** Effect per mentee in the measure's better direction × value per unit × mentees. */
  benefit: number;
  benefitInterval: [number, number] | null;
  cost: number;
  /** (benefit − cost) / cost, and the same at the interval's bounds; null without a cost. */
  roi: number | null;
  roiInterval: [number, number] | null;
  assumptions: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function roiFromEffect(
  estimate: EffectEstimate,
  money: { valuePerUnit: number; currency: string; costPerMentee: number },
): EffectRoi | null {
  const improvement = estimate.improvement;
  const n = estimate.sample.measuredSets;
  if (!improvement || n === 0) return null;
  const benefitOf = (perMentee: number) => round2(perMentee * money.valuePerUnit * n);
  const cost = round2(money.costPerMentee * n);
  const ratio = (benefit: number) => (cost === 0 ? null : round2((benefit - cost) / cost));
  const benefit = benefitOf(improvement.estimate);
  const benefitInterval = improvement.interval
    ? ([benefitOf(improvement.interval[0]), benefitOf(improvement.interval[1])] as [number, number])
    : null;
  const roi = ratio(benefit);
  const low = benefitInterval && ratio(benefitInterval[0]);
  const high = benefitInterval && ratio(benefitInterval[1]);
  return {
    label: 'ROI from the estimated effect (against comparable managers)',
    measure: estimate.measure,
    mentees: n,
    valuePerUnit: money.valuePerUnit,
    currency: money.currency,
    benefit,
    benefitInterval,
    cost,
    roi,
    roiInterval: low === null || high === null ? null : [low, high],
    assumptions: [
      `benefit = the estimated effect on ${estimate.measure} per mentee (${improvement.estimate} in its better direction) × ${money.valuePerUnit} ${money.currency} per unit × ${n} mentees compared; no attribution share: the comparison group stands for what would have happened anyway`,
      `cost = ${round2(money.costPerMentee)} ${money.currency} per mentee (the mean cost of the cycle's closed mentorships: mentor, mentee and supervision hours × rates) × ${n}`,
      `the interval carries the effect's ${Math.round(estimate.confidence * 100)} % interval through; it does not include uncertainty in the value per unit or in the cost`,
    ],
  };
}
