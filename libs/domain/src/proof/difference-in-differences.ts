import { Matrix, solve } from 'ml-matrix';
import type { MatchedSet } from './comparison-matching.js';
import { bootstrapInterval, DEFAULT_BOOTSTRAP, type BootstrapOptions } from './bootstrap.js';

export interface Estimate {
  estimate: number;
  /** Bootstrap percentile interval; null below two matched sets. */
  interval: [number, number] | null;
}

/** What a comparison manager's change would have been with the mentee's covariates, minus their own. */
export type Adjustment = (menteeId: string, controlId: string) => number;
const NO_ADJUSTMENT: Adjustment = () => 0;

/**
 * The effect in each matched set: the mentee's change (after − before) minus the mean change of
 * their comparison managers. What moved everyone (a company-wide fall in turnover) cancels out.
 */
export function setEffects(
  sets: MatchedSet[],
  change: ReadonlyMap<string, number>,
  adjust: Adjustment = NO_ADJUSTMENT,
): number[] {
  return sets.map((s) => {
    const controls = s.controlIds.map((id) => change.get(id)! + adjust(s.menteeId, id));
    return change.get(s.menteeId)! - controls.reduce((a, b) => a + b, 0) / controls.length;
  });
}

/**
 * Bias correction of matching (Abadie & Imbens, "Bias-corrected matching estimators for average
 * treatment effects", JBES 2011): a matched manager is close to the mentee, not equal; the change
 * is regressed on the covariates over the matched comparison managers (least squares), and each
 * one's change is moved by the slope times what still separates them from their mentee. Mentees
 * chosen for an improving trend sit in the tail of the pool, where close matches are scarce: this
 * removes the head start the remaining gap would otherwise count as effect.
 */
export function regressionAdjustment(
  sets: MatchedSet[],
  change: ReadonlyMap<string, number>,
  covariatesOf: (personId: string) => number[],
): Adjustment {
  const controls = sets.flatMap((s) => s.controlIds);
  const width = controls.length ? covariatesOf(controls[0]).length : 0;
  // Too few rows for a stable fit: compare as matched.
  if (width === 0 || controls.length < 2 * (width + 1)) return NO_ADJUSTMENT;
  const x = new Matrix(controls.map((id) => [1, ...covariatesOf(id)]));
  const y = Matrix.columnVector(controls.map((id) => change.get(id)!));
  const beta = solve(x, y, true).to1DArray().slice(1);
  return (menteeId, controlId) => {
    const t = covariatesOf(menteeId);
    const c = covariatesOf(controlId);
    return beta.reduce((sum, b, k) => sum + b * (t[k] - c[k]), 0);
  };
}

const weightedMean = (values: ArrayLike<number>, counts: Int32Array): number | null => {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] * counts[i];
    n += counts[i];
  }
  return n === 0 ? null : sum / n;
};

/**
 * Difference in differences over matched sets: the mean of the sets' effects (the effect on the
 * mentees, ATT), with a bootstrap interval that resamples whole sets.
 */
export function differenceInDifferences(
  sets: MatchedSet[],
  change: ReadonlyMap<string, number>,
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
  adjust: Adjustment = NO_ADJUSTMENT,
): Estimate | null {
  if (sets.length === 0) return null;
  const effects = setEffects(sets, change, adjust);
  const all = new Int32Array(effects.length).fill(1);
  return {
    estimate: weightedMean(effects, all)!,
    interval: bootstrapInterval(effects.length, (counts) => weightedMean(effects, counts), options),
  };
}

/**
 * A yes/no outcome (still with the company, promoted) compared over the same sets: the mentees'
 * share minus their comparison managers' share, each set's controls counting as one mentee.
 */
export function shareDifference(
  sets: MatchedSet[],
  outcome: (personId: string) => boolean,
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): { mentees: number; comparison: number; difference: Estimate } | null {
  if (sets.length === 0) return null;
  const mentee = sets.map((s) => (outcome(s.menteeId) ? 1 : 0));
  const control = sets.map((s) => s.controlIds.filter(outcome).length / s.controlIds.length);
  const diff = mentee.map((m, i) => m - control[i]);
  const all = new Int32Array(sets.length).fill(1);
  return {
    mentees: weightedMean(mentee, all)!,
    comparison: weightedMean(control, all)!,
    difference: {
      estimate: weightedMean(diff, all)!,
      interval: bootstrapInterval(sets.length, (counts) => weightedMean(diff, counts), options),
    },
  };
}
