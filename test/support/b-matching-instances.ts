import { seededRandom, type BMatchingInput } from '../../libs/domain/src/index.js';

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
