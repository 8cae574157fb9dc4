import type { MatchingOptions } from './candidates.js';
import { maxCardinality } from './max-cardinality.js';
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
export function solveArcs(
  problem: ArcProblem,
  options: Pick<MatchingOptions, 'objective' | 'loadBalance'>,
): { mentorOf: Int32Array; phases: number } {
  let { edgeStart, edgeRight, edgeWeight } = problem;
  let phases = 0;
  if (options.objective === 'fairness' && edgeRight.length > 0) {
    const bottleneck = bestBottleneck(problem);
    phases += bottleneck.phases;
    ({ edgeStart, edgeRight, edgeWeight } = keepAtLeast(edgeStart, edgeRight, edgeWeight, bottleneck.threshold));
  }
  const solved = solveBMatchingOverMentors({
    ...problem,
    edgeStart,
    edgeRight,
    edgeWeight,
    slotPenalty: options.loadBalance,
  });
  phases += solved.phases;
  const mentorOf = Int32Array.from(solved.matchedEdge, (k) => (k >= 0 ? edgeRight[k] : -1));
  return { mentorOf, phases };
}

/** The highest score t such that using only pairs scoring ≥ t still matches as many mentees as possible. */
function bestBottleneck({ nLeft, capacity, edgeStart, edgeRight, edgeWeight }: ArcProblem): {
  threshold: number;
  phases: number;
} {
  const cardinality = (threshold: number) =>
    maxCardinality(nLeft, capacity, edgeStart, edgeRight, edgeWeight, threshold);
  let phases = 1;
  const full = cardinality(-Infinity);
  const thresholds = [...new Set(edgeWeight)].sort((a, b) => a - b);
  let lo = 0;
  let hi = thresholds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    phases++;
    if (cardinality(thresholds[mid]) === full) lo = mid;
    else hi = mid - 1;
  }
  return { threshold: thresholds[lo], phases };
}

function keepAtLeast(edgeStart: Int32Array, edgeRight: Int32Array, edgeWeight: Float64Array, threshold: number) {
  const start = new Int32Array(edgeStart.length);
  const right: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i + 1 < edgeStart.length; i++) {
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
      if (edgeWeight[k] >= threshold) {
        right.push(edgeRight[k]);
        weight.push(edgeWeight[k]);
      }
    }
    start[i + 1] = right.length;
  }
  return { edgeStart: start, edgeRight: Int32Array.from(right), edgeWeight: Float64Array.from(weight) };
}
