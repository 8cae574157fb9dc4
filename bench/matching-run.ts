import munkres from 'munkres';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_MATCHING_OPTIONS,
  greedyMatching,
  indexDecisions,
  pairBlockers,
  contributions,
  solveMatching,
} from '../libs/domain/src/index.js';
import { randomInstance } from '../test/support/matching-instances.js';

/**
 * One measurement in its own process (so its peak memory is its own):
 *   node dist/bench/matching-run.js <engine|engine-fairness|engine-balance|greedy|munkres> <mentees> <mentors> <capacity>
 * Prints one JSON line.
 */
const [algorithm, nMentees, nMentors, capacity] = [
  process.argv[2],
  Number(process.argv[3]),
  Number(process.argv[4]),
  Number(process.argv[5]),
];
const { mentees, mentors, chains } = randomInstance(2026, nMentees, nMentors, capacity);
const options = DEFAULT_MATCHING_OPTIONS;
const start = performance.now();
let matched = 0;
let total = 0;
let infeasibleShare = 0;
if (algorithm === 'engine' || algorithm === 'engine-fairness' || algorithm === 'engine-balance') {
  const chosen =
    algorithm === 'engine-fairness'
      ? { ...options, objective: 'fairness' as const }
      : algorithm === 'engine-balance'
        ? { ...options, loadBalance: 0.05 }
        : options;
  const r = solveMatching(mentees, mentors, chosen, chains);
  matched = r.pairs.length;
  total = r.totalScore;
  infeasibleShare = r.stats.infeasiblePairs / (r.stats.infeasiblePairs + r.stats.feasiblePairs);
} else if (algorithm === 'greedy') {
  const r = greedyMatching(mentees, mentors, options, chains);
  matched = r.matched;
  total = r.totalScore;
} else {
  // munkres takes a square-ish cost matrix: each mentor becomes `capacity` identical columns;
  // infeasible pairs cost more than any set of feasible ones, so fewer of them is always better.
  const ex = indexDecisions([]);
  const columns = mentors.flatMap((m, j) => Array.from({ length: m.capacity }, () => j));
  const BIG = 10 * (nMentees + 1);
  const scores = mentees.map((a) =>
    mentors.map((b) =>
      pairBlockers(a, b, options, chains, ex, ex).length === 0 ? contributions(a, b, options.weights).score : null,
    ),
  );
  const matrix = mentees.map((_, i) => columns.map((j) => (scores[i][j] === null ? BIG : 1 - scores[i][j])));
  for (const [i, c] of munkres(matrix)) {
    const s = scores[i][columns[c]];
    if (s !== null && s !== undefined) {
      matched++;
      total += s;
    }
  }
}
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({ algorithm, ms, maxRssMB: process.resourceUsage().maxRSS / 1024, matched, total, infeasibleShare }) +
    '\n',
);
