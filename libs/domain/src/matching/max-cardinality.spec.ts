import { describe, expect, it } from '@jest/globals';
import { randomBMatching } from '../../../../test/support/b-matching-instances.js';
import { solveBMatching } from './b-matching.js';
import { maxCardinality } from './max-cardinality.js';

describe('maximum cardinality above a threshold', () => {
  it('equals the min-cost-flow solver on the arcs kept, on 300 random instances', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { nLeft, nRight, capacity, edgeStart, edgeRight, edgeWeight } = randomBMatching(seed, {
        maxLeft: 50,
        maxRight: 12,
        density: [0.05, 0.65],
        weight: (random) => Math.round(random() * 10) / 10,
      });
      const threshold = [-Infinity, 0.3, 0.7][seed % 3];
      const keptStart = new Int32Array(nLeft + 1);
      const kept: number[] = [];
      for (let i = 0; i < nLeft; i++) {
        for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) if (edgeWeight[k] >= threshold) kept.push(edgeRight[k]);
        keptStart[i + 1] = kept.length;
      }
      const reference = solveBMatching({
        nLeft,
        nRight,
        capacity,
        edgeStart: keptStart,
        edgeRight: Int32Array.from(kept),
        edgeWeight: new Float64Array(kept.length),
      });
      const got = maxCardinality(nLeft, capacity, edgeStart, edgeRight, edgeWeight, threshold);
      expect([seed, got]).toEqual([seed, reference.matched]);
    }
  });

  it('follows an alternating path thousands of rows long', () => {
    // Rows 0 … n−2 may take mentor i or i + 1 and the greedy start gives each mentor i; the last
    // row may only take mentor 0, so the one augmenting path moves every other row by one.
    const n = 5000;
    const edgeStart = new Int32Array(n + 1);
    const right: number[] = [];
    for (let i = 0; i < n - 1; i++) {
      right.push(i, i + 1);
      edgeStart[i + 1] = right.length;
    }
    right.push(0);
    edgeStart[n] = right.length;
    const capacity = new Int32Array(n).fill(1);
    expect(maxCardinality(n, capacity, edgeStart, Int32Array.from(right), new Float64Array(right.length), 0)).toBe(n);
  });
});
