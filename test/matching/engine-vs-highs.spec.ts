import { describe, expect, it } from '@jest/globals';
import {
  contributions,
  DEFAULT_MATCHING_OPTIONS,
  greedyMatching,
  indexDecisions,
  pairBlockers,
  solveMatching,
  type MenteeCandidate,
  type MentorCandidate,
  type ReportingChains,
} from '../../libs/domain/src/index.js';
import { loadHighs, type Highs } from './highs.js';
import { randomInstance } from '../support/matching-instances.js';

/**
 * The independent referee: the same problem as a linear program solved by HiGHS (the b-matching
 * polytope is integral, also with the cardinality fixed, so the LP optimum is the integer optimum).
 * Stage 1 maximises the number of pairs; stage 2 fixes it and maximises the total score.
 */
function solveWithHighs(highs: Highs, mentees: MenteeCandidate[], mentors: MentorCandidate[], chains: ReportingChains) {
  const o = DEFAULT_MATCHING_OPTIONS;
  const ex = indexDecisions(o.exclusions);
  const arcs: Array<{ name: string; i: number; j: number; score: number }> = [];
  mentees.forEach((a, i) =>
    mentors.forEach((b, j) => {
      if (pairBlockers(a, b, o, chains, ex, ex).length === 0)
        arcs.push({ name: `x${i}_${j}`, i, j, score: contributions(a, b, o.weights).score });
    }),
  );
  if (arcs.length === 0) return { matched: 0, total: 0 };
  const rows: string[] = [];
  mentees.forEach((_, i) => {
    const vars = arcs.filter((a) => a.i === i).map((a) => a.name);
    if (vars.length > 0) rows.push(` e${i}: ${vars.join(' + ')} <= 1`);
  });
  mentors.forEach((m, j) => {
    const vars = arcs.filter((a) => a.j === j).map((a) => a.name);
    if (vars.length > 0) rows.push(` r${j}: ${vars.join(' + ')} <= ${m.capacity}`);
  });
  const bounds = arcs.map((a) => ` 0 <= ${a.name} <= 1`).join('\n');
  const lp = (objective: string, extra: string[]) =>
    `Maximize\n obj: ${objective}\nSubject To\n${[...rows, ...extra].join('\n')}\nBounds\n${bounds}\nEnd\n`;
  const first = highs.solve(lp(arcs.map((a) => a.name).join(' + '), []));
  expect(first.Status).toBe('Optimal');
  const matched = Math.round(first.ObjectiveValue);
  const second = highs.solve(
    lp(arcs.map((a) => `${a.score.toFixed(12)} ${a.name}`).join(' + '), [
      ` card: ${arcs.map((a) => a.name).join(' + ')} >= ${matched}`,
    ]),
  );
  expect(second.Status).toBe('Optimal');
  return { matched, total: second.ObjectiveValue };
}

describe('matching engine against HiGHS', () => {
  it('reaches the same optimum as HiGHS on random instances up to 300 mentees × 100 mentors, and never loses to greedy', async () => {
    const highs = await loadHighs();
    const sizes: Array<[number, number]> = [
      [5, 3],
      [12, 4],
      [30, 10],
      [40, 40],
      [60, 20],
      [100, 30],
      [150, 50],
      [200, 60],
      [250, 90],
      [300, 100],
    ];
    for (const [seed, [nMentees, nMentors]] of sizes.entries()) {
      const { mentees, mentors, chains } = randomInstance(
        1000 + seed,
        nMentees,
        nMentors,
        () => 1 + ((seed * 7 + nMentors) % 4),
      );
      const engine = solveMatching(mentees, mentors, DEFAULT_MATCHING_OPTIONS, chains);
      const reference = solveWithHighs(highs, mentees, mentors, chains);
      expect({ size: `${nMentees}x${nMentors}`, matched: engine.pairs.length }).toEqual({
        size: `${nMentees}x${nMentors}`,
        matched: reference.matched,
      });
      expect(Math.abs(engine.totalScore - reference.total)).toBeLessThan(1e-6);
      const greedy = greedyMatching(mentees, mentors, DEFAULT_MATCHING_OPTIONS, chains);
      expect(engine.pairs.length > greedy.matched || engine.totalScore >= greedy.totalScore - 1e-9).toBe(true);
    }
  }, 120_000);
});
