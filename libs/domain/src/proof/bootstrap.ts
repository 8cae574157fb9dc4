import { errorFunction, quantileSorted } from 'simple-statistics';
import { seededRandom, studentTQuantile } from '../pilot/statistics.js';

export interface BootstrapOptions {
  /** Resamples drawn; 2,000 keeps the percentile bounds stable to about a hundredth of a standard error. */
  resamples: number;
  /** Two-sided (0.95 → the 2.5 % and 97.5 % percentiles). */
  confidence: number;
  /** The same seed gives the same interval: a report read twice says the same thing. */
  seed: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 2000, confidence: 0.95, seed: 20260522 };

/**
 * The tail probability the percentiles are read at, widened for a small sample: the plain percentile
 * bootstrap is too narrow with few units (its spread divides by n, not n − 1, and ignores that the
 * spread itself is estimated). The "expanded percentile" interval (Hesterberg, "What teachers should
 * know about the bootstrap", The American Statistician 2015) reads the percentiles at α′ with
 * Φ⁻¹(1 − α′/2) = √(n / (n − 1)) · t(1 − α/2, n − 1).
 */
export function expandedTail(confidence: number, n: number): number {
  const widened = Math.sqrt(n / (n - 1)) * studentTQuantile(1 - (1 - confidence) / 2, n - 1);
  return 1 - 0.5 * (1 + errorFunction(widened / Math.SQRT2));
}

/**
 * Expanded percentile bootstrap over `n` independent units (here: matched sets, each a mentee with
 * their comparison managers). `statistic` receives, for each unit, how many times the resample drew
 * it, and returns the estimate on that resample (null when it cannot be computed, e.g. an empty side).
 */
export function bootstrapInterval(
  n: number,
  statistic: (counts: Int32Array) => number | null,
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): [number, number] | null {
  if (n < 3) return null;
  const random = seededRandom(options.seed);
  const values: number[] = [];
  const counts = new Int32Array(n);
  for (let b = 0; b < options.resamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]++;
    const v = statistic(counts);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (values.length < options.resamples / 2) return null;
  values.sort((a, b) => a - b);
  const tail = Math.max(0, expandedTail(options.confidence, n));
  return [quantileSorted(values, tail), quantileSorted(values, 1 - tail)];
}
