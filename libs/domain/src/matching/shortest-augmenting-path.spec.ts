import { describe, expect, it } from '@jest/globals';
import { randomBMatching } from '../../../../test/support/b-matching-instances.js';
import { solveBMatching, type BMatchingInput, type BMatchingResult } from './b-matching.js';
import { chooseLayout, solveBMatchingByAugmentingPaths } from './shortest-augmenting-path.js';

/**
 * The augmenting-path solver against the min-cost-flow solver (separate code, the same optimum):
 * both layouts of its search, on instances with ties (weights from a short list), mentors without
 * capacity, mentees without arcs, slot penalties (load balance), and sizes where the dual refresh
 * runs many times.
 */
function instance(seed: number): BMatchingInput {
  const tied = seed % 2 === 0;
  return randomBMatching(seed, {
    maxLeft: 60,
    maxRight: 15,
    density: [0.1, 1],
    weight: (random) => (tied ? [0.25, 0.5, 0.75][Math.floor(random() * 3)] : random()),
    slotPenalty: (random) => (random() < 0.3 ? [0.05, 0.2, 1][Math.floor(random() * 3)] : 0),
  });
}

/** Pairs and objective: the weights, less k × penalty for the k-th extra mentee of a mentor. */
function summary(input: BMatchingInput, result: BMatchingResult) {
  const used = new Int32Array(input.nRight);
  let total = 0;
  result.matchedEdge.forEach((k, i) => {
    if (k < 0) return;
    expect(k >= input.edgeStart[i] && k < input.edgeStart[i + 1]).toBe(true);
    total += input.edgeWeight[k] - used[input.edgeRight[k]] * (input.slotPenalty ?? 0);
    used[input.edgeRight[k]]++;
  });
  used.forEach((n, j) => expect(n).toBeLessThanOrEqual(input.capacity[j]));
  return { matched: result.matched, total };
}

describe('augmenting-path b-matching', () => {
  it('finds the min-cost-flow optimum with either layout on 300 random instances', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const input = instance(seed);
      const reference = summary(input, solveBMatching(input));
      for (const layout of ['dense', 'sparse'] as const) {
        const got = summary(input, solveBMatchingByAugmentingPaths({ ...input, layout }));
        expect([seed, layout, got.matched]).toEqual([seed, layout, reference.matched]);
        expect([seed, layout, Math.abs(got.total - reference.total) < 1e-6]).toEqual([seed, layout, true]);
      }
    }
  });

  it('chooses the dense layout for small, mostly feasible instances and the arc lists otherwise', () => {
    const arcs = (n: number) => new Int32Array(n);
    expect(chooseLayout({ nLeft: 300, nRight: 100, edgeRight: arcs(21_000) })).toBe('dense');
    expect(chooseLayout({ nLeft: 300, nRight: 100, edgeRight: arcs(3_000) })).toBe('sparse');
    expect(chooseLayout({ nLeft: 50_000, nRight: 1_000, edgeRight: arcs(1) })).toBe('sparse');
    expect(chooseLayout({ nLeft: 3, nRight: 3, edgeRight: arcs(9), layout: 'sparse' })).toBe('sparse');
  });
});
