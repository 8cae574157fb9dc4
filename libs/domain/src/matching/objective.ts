import type { MatchingOptions } from './candidates.js';
import { maxCardinality } from './max-cardinality.js';
import { solveByAuction } from './auction.js';
import type { BMatchingInput, BMatchingResult } from './b-matching.js';
import { solveBMatchingOverMentors } from './mentor-paths.js';

export interface ArcProblem {
  nLeft: number;
  nRight: number;
  capacity: Int32Array;
  edgeStart: Int32Array;
  edgeRight: Int32Array;
  edgeWeight: Float64Array;
}

/**
 * The optimum of the chosen objective on feasible arcs: the most pairs, then the best total (less
 * the load-balance price of each extra mentee on a mentor), or with the fairness objective the
 * best worst pair before the total. Returns each mentee's mentor (-1: unmatched).
 */
/** Which exact solver finds the optimum on the arcs (the benchmark measures both). */
export type ArcSolver = 'auction' | 'paths';

export function solveArcs(
  problem: ArcProblem,
  options: Pick<MatchingOptions, 'objective' | 'loadBalance'>,
  solver: ArcSolver = 'auction',
): { mentorOf: Int32Array; phases: number } {
  let { edgeStart, edgeRight, edgeWeight } = problem;
  let phases = 0;
  if (options.objective === 'fairness' && edgeRight.length > 0) {
    const bottleneck = bestBottleneck(problem);
    phases += bottleneck.phases;
    ({ edgeStart, edgeRight, edgeWeight } = keepAtLeast(edgeStart, edgeRight, edgeWeight, bottleneck.threshold));
  }
  const input: BMatchingInput = { ...problem, edgeStart, edgeRight, edgeWeight, slotPenalty: options.loadBalance };
  const solved = solveBestBMatching(input, solver);
  phases += solved.phases;
  const mentorOf = Int32Array.from(solved.matchedEdge, (k) => (k >= 0 ? edgeRight[k] : -1));
  return { mentorOf, phases };
}

/**
 * Most pairs, then the best total less slot penalties: by the auction, or by shortest paths over
 * mentors when asked or when the auction's prices could not stay exact (it returns null).
 */
export function solveBestBMatching(input: BMatchingInput, solver: ArcSolver = 'auction'): BMatchingResult {
  return (solver === 'auction' ? solveByAuction(input) : null) ?? solveBMatchingOverMentors(input);
}

/**
 * The highest score t such that using only pairs scoring ≥ t still matches as many mentees as
 * possible: a binary search over the scores, each step a maximum-cardinality check. A step first
 * bounds the answer by counting (mentees with an arc ≥ t; places of mentors with one) and stops
 * there when the bound falls short; otherwise it starts from the larger of two
 * matchings known to use only arcs ≥ t: the one of the lowest threshold that fell short, and the
 * one of the highest that did not, less its arcs under t (measured on 5,000 × 1,000, places short:
 * each check from a greedy start cost ~140 ms).
 */
function bestBottleneck({ nLeft, capacity, edgeStart, edgeRight, edgeWeight }: ArcProblem): {
  threshold: number;
  phases: number;
} {
  const nRight = capacity.length;
  const rowBest = new Float64Array(nLeft).fill(-Infinity);
  const columnBest = new Float64Array(nRight).fill(-Infinity);
  for (let i = 0; i < nLeft; i++) {
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
      if (edgeWeight[k] > rowBest[i]) rowBest[i] = edgeWeight[k];
      if (edgeWeight[k] > columnBest[edgeRight[k]]) columnBest[edgeRight[k]] = edgeWeight[k];
    }
  }
  /** Mentees with an arc ≥ t, and places of mentors with one: neither can be beaten. */
  const upperBound = (threshold: number) => {
    let rows = 0;
    for (let i = 0; i < nLeft; i++) if (rowBest[i] >= threshold) rows++;
    let places = 0;
    for (let j = 0; j < nRight; j++) if (columnBest[j] >= threshold) places += Math.max(0, capacity[j]);
    return Math.min(rows, places);
  };
  const size = (arcs: Int32Array) => arcs.reduce((n, k) => n + (k >= 0 ? 1 : 0), 0);
  const above = (arcs: Int32Array, threshold: number) =>
    arcs.map((k) => (k >= 0 && edgeWeight[k] >= threshold ? k : -1));

  let met: Int32Array = new Int32Array(nLeft).fill(-1);
  const full = maxCardinality(nLeft, capacity, edgeStart, edgeRight, edgeWeight, -Infinity, met);
  let shortOf: Int32Array | null = null;
  let phases = 1;
  // The distinct scores, sorted as a typed array (a Set of millions and a comparator sort were slower).
  const sorted = Float64Array.from(edgeWeight).sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++)
    if (k === 0 || sorted[k] !== sorted[distinct - 1]) sorted[distinct++] = sorted[k];
  const thresholds = sorted.subarray(0, distinct);
  let lo = 0;
  let hi = thresholds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const t = thresholds[mid];
    phases++;
    let reached = -1;
    let arcs: Int32Array | null = null;
    if (upperBound(t) >= full) {
      const kept = above(met, t);
      arcs = shortOf && size(shortOf) > size(kept) ? shortOf.slice() : kept;
      reached = maxCardinality(nLeft, capacity, edgeStart, edgeRight, edgeWeight, t, arcs);
    }
    if (reached === full) {
      lo = mid;
      met = arcs!;
    } else {
      hi = mid - 1;
      if (arcs) shortOf = arcs;
    }
  }
  return { threshold: thresholds[lo], phases };
}

function keepAtLeast(edgeStart: Int32Array, edgeRight: Int32Array, edgeWeight: Float64Array, threshold: number) {
  let kept = 0;
  for (let k = 0; k < edgeWeight.length; k++) if (edgeWeight[k] >= threshold) kept++;
  const start = new Int32Array(edgeStart.length);
  const right = new Int32Array(kept);
  const weight = new Float64Array(kept);
  let n = 0;
  for (let i = 0; i + 1 < edgeStart.length; i++) {
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
      if (edgeWeight[k] >= threshold) {
        right[n] = edgeRight[k];
        weight[n++] = edgeWeight[k];
      }
    }
    start[i + 1] = n;
  }
  return { edgeStart: start, edgeRight: right, edgeWeight: weight };
}
