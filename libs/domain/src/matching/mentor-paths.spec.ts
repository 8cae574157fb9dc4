import { describe, expect, it } from '@jest/globals';
import { randomBMatching } from '../../../../test/support/b-matching-instances.js';
import { solveBMatching, type BMatchingInput, type BMatchingResult } from './b-matching.js';
import { solveBMatchingOverMentors } from './mentor-paths.js';

function instance(seed: number): BMatchingInput {
  const tied = seed % 2 === 0;
  return randomBMatching(seed, {
    maxLeft: 60,
    maxRight: 15,
    density: [0.05, 1],
    weight: (random) => (tied ? [0.25, 0.5, 0.75][Math.floor(random() * 3)] : random()),
    slotPenalty: (random) => (random() < 0.3 ? [0.05, 0.2, 1][Math.floor(random() * 3)] : 0),
  });
}

function summary(input: BMatchingInput, result: BMatchingResult) {
  const used = new Int32Array(input.nRight);
  let total = 0;
  let matched = 0;
  result.matchedEdge.forEach((k, i) => {
    if (k < 0) return;
    matched++;
    expect(k >= input.edgeStart[i] && k < input.edgeStart[i + 1]).toBe(true);
    total += input.edgeWeight[k] - used[input.edgeRight[k]] * (input.slotPenalty ?? 0);
    used[input.edgeRight[k]]++;
  });
  used.forEach((n, j) => expect(n).toBeLessThanOrEqual(Math.max(0, input.capacity[j])));
  expect(matched).toBe(result.matched);
  return { matched, total };
}

describe('b-matching by shortest paths over mentors', () => {
  it('finds the min-cost-flow optimum on 1,000 random instances', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const input = instance(seed);
      const reference = summary(input, solveBMatching(input));
      const got = summary(input, solveBMatchingOverMentors(input));
      expect([seed, got.matched]).toEqual([seed, reference.matched]);
      expect([seed, Math.abs(got.total - reference.total) < 1e-6]).toEqual([seed, true]);
    }
  });
});
