import { describe, expect, it } from '@jest/globals';
import {
  checkedSummary as summary,
  mixedBMatching as instance,
} from '../../../../test/support/b-matching-instances.js';
import { solveBMatching, type BMatchingInput } from './b-matching.js';
import { solveBMatchingOverMentors } from './mentor-paths.js';

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

  it('solves instances made of several unconnected parts part by part, to the same optimum', () => {
    for (let seed = 1; seed <= 100; seed++) {
      // Three random instances side by side: mentees and mentors of one never meet those of another.
      const blocks = [instance(seed), instance(seed + 1000), instance(seed + 2000)];
      const start: number[] = [0];
      const right: number[] = [];
      const weight: number[] = [];
      const capacity: number[] = [];
      for (const b of blocks) {
        for (let i = 0; i < b.nLeft; i++) {
          for (let k = b.edgeStart[i]; k < b.edgeStart[i + 1]; k++) {
            right.push(capacity.length + b.edgeRight[k]);
            weight.push(b.edgeWeight[k]);
          }
          start.push(right.length);
        }
        capacity.push(...Array.from(b.capacity));
      }
      const input: BMatchingInput = {
        nLeft: start.length - 1,
        nRight: capacity.length,
        capacity: Int32Array.from(capacity),
        edgeStart: Int32Array.from(start),
        edgeRight: Int32Array.from(right),
        edgeWeight: Float64Array.from(weight),
        slotPenalty: blocks[0].slotPenalty,
      };
      const reference = summary(input, solveBMatching(input));
      const got = summary(input, solveBMatchingOverMentors(input));
      expect([seed, got.matched]).toEqual([seed, reference.matched]);
      expect([seed, Math.abs(got.total - reference.total) < 1e-6]).toEqual([seed, true]);
    }
  });
});
