import { mean, sampleVariance } from 'simple-statistics';
import { solveBestBMatching } from '../matching/objective.js';

/** A manager as the comparison sees them: exact-match groups and numeric covariates. */
export interface ComparisonUnit {
  id: string;
  jobLevel: string;
  department: string;
  covariates: Record<string, number>;
}

export interface ComparisonOptions {
  /** Comparable managers sought for each mentee (fewer when the pool is short near them). */
  controlsPerMentee: number;
  /**
   * Largest distance allowed between a mentee and a comparison manager: the root mean square of the
   * covariate differences, each in standard deviations of the whole population.
   */
  caliper: number;
  /** Exact-match groups: the job level always; the department when asked. */
  sameDepartment: boolean;
}

export const DEFAULT_COMPARISON_OPTIONS: ComparisonOptions = {
  controlsPerMentee: 2,
  caliper: 0.5,
  sameDepartment: false,
};

/** A mentee and the comparison managers matched to them. */
export interface MatchedSet {
  menteeId: string;
  controlIds: string[];
  /** Mean distance to the controls, in the caliper's units. */
  distance: number;
}

export interface BalanceRow {
  covariate: string;
  menteeMean: number;
  /** Mean of the whole pool before matching, and of the matched controls (each set weighted as its mentee). */
  poolMean: number;
  matchedMean: number | null;
  /** Standardised mean differences: (mentees − comparison) / √((s²mentees + s²pool) / 2). */
  smdBefore: number;
  smdAfter: number | null;
}

export interface ComparisonMatch {
  sets: MatchedSet[];
  /** Mentees left without any comparable manager within the caliper (left out of the estimate). */
  unmatched: string[];
  covariates: string[];
  balance: BalanceRow[];
  poolSize: number;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const variance = (xs: number[]) => (xs.length > 1 ? sampleVariance(xs) : 0);

/**
 * Optimal matching without replacement: each comparison manager is used at most once, each mentee
 * takes up to `controlsPerMentee` of them, only within the same job level (and department when
 * asked) and inside the caliper. Among the matchings with the most pairs, the one with the smallest
 * total distance is chosen, spreading controls over mentees first (a second control for one mentee
 * never costs another mentee its first). Solved by the project's b-matching solver.
 *
 * Without replacement, so that matched sets are independent and the bootstrap may resample them
 * whole (Abadie & Spiess, "Robust post-matching inference", JASA 2022).
 */
export function matchComparisons(
  mentees: ComparisonUnit[],
  pool: ComparisonUnit[],
  covariates: string[],
  options: ComparisonOptions = DEFAULT_COMPARISON_OPTIONS,
): ComparisonMatch {
  const everyone = [...mentees, ...pool];
  const scale = covariates.map((c) => {
    const sd = Math.sqrt(variance(everyone.map((u) => u.covariates[c])));
    return sd > 0 ? sd : 1;
  });
  const group = (u: ComparisonUnit) => (options.sameDepartment ? `${u.jobLevel}\u0000${u.department}` : u.jobLevel);
  const distance = (a: ComparisonUnit, b: ComparisonUnit) => {
    let sum = 0;
    covariates.forEach((c, k) => {
      const d = (a.covariates[c] - b.covariates[c]) / scale[k];
      sum += d * d;
    });
    return Math.sqrt(sum / Math.max(1, covariates.length));
  };

  // Left = pool (each once), right = mentees (capacity k): arcs inside the group and the caliper.
  const menteesByGroup = new Map<string, number[]>();
  mentees.forEach((m, j) => menteesByGroup.set(group(m), [...(menteesByGroup.get(group(m)) ?? []), j]));
  const edgeStart = new Int32Array(pool.length + 1);
  const right: number[] = [];
  const weight: number[] = [];
  const dist: number[] = [];
  pool.forEach((c, i) => {
    edgeStart[i] = right.length;
    for (const j of menteesByGroup.get(group(c)) ?? []) {
      const d = distance(mentees[j], c);
      if (d > options.caliper) continue;
      right.push(j);
      dist.push(d);
      // Closer is better; weights in (0, 1] so the slot penalty below dominates them.
      weight.push(1 - d / (options.caliper + 1e-9) / 2);
    }
  });
  edgeStart[pool.length] = right.length;
  const solved = solveBestBMatching({
    nLeft: pool.length,
    nRight: mentees.length,
    capacity: new Array<number>(mentees.length).fill(options.controlsPerMentee),
    edgeStart,
    edgeRight: Int32Array.from(right),
    edgeWeight: Float64Array.from(weight),
    slotPenalty: 1,
  });
  const controls = mentees.map(() => [] as Array<{ id: string; distance: number }>);
  solved.matchedEdge.forEach((arc, i) => {
    if (arc >= 0) controls[right[arc]].push({ id: pool[i].id, distance: dist[arc] });
  });
  const sets: MatchedSet[] = [];
  const unmatched: string[] = [];
  mentees.forEach((m, j) => {
    const found = controls[j].sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
    if (found.length === 0) unmatched.push(m.id);
    else
      sets.push({
        menteeId: m.id,
        controlIds: found.map((c) => c.id),
        distance: round(mean(found.map((c) => c.distance))),
      });
  });
  return {
    sets,
    unmatched,
    covariates,
    balance: balanceTable(mentees, pool, sets, covariates),
    poolSize: pool.length,
  };
}

/** Standardised mean differences before and after matching; the denominator stays the one before. */
export function balanceTable(
  mentees: ComparisonUnit[],
  pool: ComparisonUnit[],
  sets: MatchedSet[],
  covariates: string[],
): BalanceRow[] {
  const byId = new Map([...mentees, ...pool].map((u) => [u.id, u]));
  const matchedMentees = sets.map((s) => byId.get(s.menteeId)!);
  return covariates.map((c) => {
    const t = mentees.map((u) => u.covariates[c]);
    const p = pool.map((u) => u.covariates[c]);
    const sd = Math.sqrt((variance(t) + variance(p)) / 2);
    const smd = (a: number, b: number) => (sd > 0 ? (a - b) / sd : 0);
    const menteeMean = t.length ? mean(t) : 0;
    const poolMean = p.length ? mean(p) : 0;
    if (sets.length === 0)
      return {
        covariate: c,
        menteeMean: round(menteeMean),
        poolMean: round(poolMean),
        matchedMean: null,
        smdBefore: round(smd(menteeMean, poolMean)),
        smdAfter: null,
      };
    const matchedMenteeMean = mean(matchedMentees.map((u) => u.covariates[c]));
    const matchedMean = mean(sets.map((s) => mean(s.controlIds.map((id) => byId.get(id)!.covariates[c]))));
    return {
      covariate: c,
      menteeMean: round(menteeMean),
      poolMean: round(poolMean),
      matchedMean: round(matchedMean),
      smdBefore: round(smd(menteeMean, poolMean)),
      smdAfter: round(smd(matchedMenteeMean, matchedMean)),
    };
  });
}
