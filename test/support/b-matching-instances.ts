import { expect } from '@jest/globals';
import { seededRandom, type BMatchingInput } from '../../libs/domain/src/index.js';
import type { BMatchingResult } from '../../libs/domain/src/matching/b-matching.js';

/**
 * A random b-matching instance for the solver specs: up to `maxLeft` mentees and `maxRight`
 * mentors, capacities 0 to 3, each pair present with a random density, weights from `weight`.
 */
export function randomBMatching(
  seed: number,
  shape: {
    maxLeft: number;
    maxRight: number;
    density: [number, number];
    weight: (random: () => number) => number;
    slotPenalty?: (random: () => number) => number;
  },
): BMatchingInput {
  const random = seededRandom(seed);
  const nLeft = 1 + Math.floor(random() * shape.maxLeft);
  const nRight = 1 + Math.floor(random() * shape.maxRight);
  const density = shape.density[0] + (shape.density[1] - shape.density[0]) * random();
  const capacity = Int32Array.from({ length: nRight }, () => Math.floor(random() * 4));
  const slotPenalty = shape.slotPenalty ? shape.slotPenalty(random) : 0;
  const edgeStart = new Int32Array(nLeft + 1);
  const right: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < nLeft; i++) {
    for (let j = 0; j < nRight; j++) {
      if (random() >= density) continue;
      right.push(j);
      weight.push(shape.weight(random));
    }
    edgeStart[i + 1] = right.length;
  }
  return {
    nLeft,
    nRight,
    capacity,
    edgeStart,
    edgeRight: Int32Array.from(right),
    edgeWeight: Float64Array.from(weight),
    slotPenalty,
  };
}

/**
 * The solver specs' mixed instances: up to `maxLeft` mentees and 15 mentors, sparse to dense,
 * places short or not, tied scores on even seeds, a slot penalty on about a third.
 */
export function mixedBMatching(seed: number, maxLeft = 60): BMatchingInput {
  const tied = seed % 2 === 0;
  return randomBMatching(seed, {
    maxLeft,
    maxRight: 15,
    density: [0.05, 1],
    weight: (random) => (tied ? [0.25, 0.5, 0.75][Math.floor(random() * 3)] : random()),
    slotPenalty: (random) => (random() < 0.3 ? [0.05, 0.2, 1][Math.floor(random() * 3)] : 0),
  });
}

/** A solver's result checked (arcs its own, capacities kept, count right); its pairs and total less penalties. */
export function checkedSummary(input: BMatchingInput, result: BMatchingResult) {
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
