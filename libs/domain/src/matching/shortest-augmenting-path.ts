import type { BMatchingInput, BMatchingResult } from './b-matching.js';
import { MinHeap } from './min-heap.js';

const SCALE = 1e9;

/**
 * The same optimum as `solveBMatching` (most pairs, then the highest total weight), found the
 * Jonker–Volgenant way: mentees are added one at a time, each by a Dijkstra from that mentee alone
 * over reduced costs, so an easy mentee costs only its own arcs. Mentees that cannot be added stay
 * out (this keeps the cardinality maximal, as in Kuhn's algorithm); then swaps "free mentee in,
 * matched mentee out" are applied while one lowers the cost — the only negative cycles the
 * residual graph can still hold — which makes the result optimal among maximum matchings.
 * Costs are integers (weights × 1e9) so that ties and tightness are exact. No slot penalty here:
 * load balancing uses the flow solver.
 */
export function solveBMatchingByAugmentingPaths(input: BMatchingInput): BMatchingResult {
  const { nLeft, nRight, capacity, edgeStart, edgeRight, edgeWeight } = input;
  const nArcs = edgeRight.length;
  const cost = new Float64Array(nArcs);
  for (let k = 0; k < nArcs; k++) cost[k] = -Math.round(edgeWeight[k] * SCALE);

  // Feasible duals: c - u - v ≥ 0 on every arc (column then row reduction).
  const v = new Float64Array(nRight).fill(Infinity);
  const u = new Float64Array(nLeft);
  // Potential of the sink: a column with free capacity is left at reduced cost v[j] − piT ≥ 0.
  // Choosing the free column by d[j] alone would ignore that, and columns that stay not full
  // would keep duals that the optimum does not allow.
  let piT = Infinity;
  for (let k = 0; k < nArcs; k++) if (cost[k] < v[edgeRight[k]]) v[edgeRight[k]] = cost[k]!;
  for (let j = 0; j < nRight; j++) if (v[j] === Infinity) v[j] = 0;
  for (let i = 0; i < nLeft; i++) {
    let best = Infinity;
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) best = Math.min(best, cost[k] - v[edgeRight[k]]);
    u[i] = best === Infinity ? 0 : best;
  }
  for (let j = 0; j < nRight; j++) piT = Math.min(piT, v[j]);
  if (piT === Infinity) piT = 0;

  const slotStart = new Int32Array(nRight + 1);
  for (let j = 0; j < nRight; j++) slotStart[j + 1] = slotStart[j] + Math.max(0, capacity[j]);
  const slots = new Int32Array(slotStart[nRight]);
  const load = new Int32Array(nRight);
  const rowCol = new Int32Array(nLeft).fill(-1);
  const rowArc = new Int32Array(nLeft).fill(-1);

  const dist = new Float64Array(nRight).fill(Infinity);
  const predRow = new Int32Array(nRight);
  const predArc = new Int32Array(nRight);
  // Per column: bit 1 = settled in the current search; bit 2 = dead: no free slot can be reached
  // from it (found by a failed search), so later augmentations never pass through it. Augmenting
  // searches skip dead columns (mask 3); swap searches still walk them (mask 1).
  const blocked = new Uint8Array(nRight);
  let skipMask = 3;
  const touched: number[] = [];
  const settledCols: number[] = [];
  const settledRows: number[] = [];
  const rowDist = new Float64Array(nLeft);
  const heap = new MinHeap(nRight);
  let phases = 0;

  const removeFromColumn = (j: number, r: number) => {
    const base = slotStart[j];
    for (let s = base; s < base + load[j]; s++) {
      if (slots[s] === r) {
        slots[s] = slots[base + load[j] - 1]!;
        load[j]--;
        return;
      }
    }
    throw new Error('matching bookkeeping is inconsistent');
  };
  const place = (r: number, j: number, arc: number) => {
    slots[slotStart[j] + load[j]] = r;
    load[j]++;
    rowCol[r] = j;
    rowArc[r] = arc;
  };
  /** Moves rows along the path that ends by entering column `j`. */
  const shiftInto = (start: number, jEnd: number) => {
    let j = jEnd;
    for (;;) {
      const r = predRow[j];
      const old = rowCol[r];
      if (old >= 0) removeFromColumn(old, r);
      place(r, j, predArc[j]);
      if (r === start) return;
      j = old;
    }
  };

  /**
   * Dijkstra from row `start` over columns. Stops at the first column with a free slot (returns
   * it), or, with `swapGain`, explores fully and returns the matched row whose removal gains most.
   */
  const search = (start: number, mode: 'augment' | 'swap'): { column: number; row: number; bound: number } | null => {
    for (const j of touched) {
      dist[j] = Infinity;
      blocked[j] &= 2;
    }
    touched.length = 0;
    settledCols.length = 0;
    settledRows.length = 0;
    heap.clear();
    skipMask = mode === 'augment' ? 3 : 1;
    const relaxFrom = (r: number, base: number) => {
      settledRows.push(r);
      rowDist[r] = base;
      const offset = base - u[r];
      const own = rowArc[r];
      const end = edgeStart[r + 1];
      for (let k = edgeStart[r]; k < end; k++) {
        const j = edgeRight[k];
        // blocked: 1 = settled in this search, 2 = dead (skipped by augmenting searches only)
        if (k === own || blocked[j] & skipMask) continue;
        const nd = offset + cost[k] - v[j];
        if (nd < dist[j]) {
          if (dist[j] === Infinity) touched.push(j);
          dist[j] = nd;
          predRow[j] = r;
          predArc[j] = k;
          heap.push(j, nd);
        }
      }
    };
    relaxFrom(start, 0);
    let bestSwap: { column: number; row: number; bound: number } | null = null;
    let toSink = Infinity;
    let sinkColumn = -1;
    while (heap.size > 0) {
      if (sinkColumn >= 0 && toSink <= heap.peekKey()) break;
      const j = heap.pop();
      if (blocked[j] & 1) continue;
      const dj = dist[j];
      // No row reached from here on can give a better swap than the best one found (or any at all).
      if (mode === 'swap' && sinkColumn < 0 && dj + u[start] - maxU >= (bestSwap?.bound ?? 0)) break;
      blocked[j] |= 1;
      settledCols.push(j);
      if (load[j] < capacity[j]) {
        const viaSink = dj + v[j] - piT;
        if (viaSink < toSink) {
          toSink = viaSink;
          sinkColumn = j;
        }
      }
      for (let s = slotStart[j]; s < slotStart[j] + load[j]; s++) {
        const r = slots[s];
        if (mode === 'swap') {
          const gain = dj + u[start] - u[r];
          if (gain < 0 && (bestSwap === null || gain < bestSwap.bound)) bestSwap = { column: j, row: r, bound: gain };
        }
        relaxFrom(r, dj);
      }
    }
    if (sinkColumn >= 0) return { column: sinkColumn, row: -1, bound: toSink };
    return bestSwap;
  };
  let maxU = -Infinity;

  /** Dual update after a search that ends at distance D: keeps reduced costs ≥ 0 and the path tight. */
  const updateDuals = (D: number) => {
    for (const j of settledCols) if (dist[j] < D) v[j] -= D - dist[j];
    for (const r of settledRows) if (rowDist[r] < D) u[r] += D - rowDist[r];
  };

  const unmatched: number[] = [];
  for (let i = 0; i < nLeft; i++) {
    if (edgeStart[i + 1] === edgeStart[i]) continue;
    const found = search(i, 'augment');
    phases++;
    if (!found) {
      for (const j of settledCols) blocked[j] |= 2;
      unmatched.push(i);
      continue;
    }
    updateDuals(found.bound);
    shiftInto(i, found.column);
  }

  // Swaps: a free mentee in, a matched one out, while that lowers the cost; passes repeat until
  // a whole pass finds none, since one swap can open another elsewhere.
  let improved = unmatched.length > 0;
  while (improved) {
    improved = false;
    for (let q = 0; q < unmatched.length; q++) {
      const i = unmatched[q];
      if (rowCol[i] >= 0) continue;
      maxU = -Infinity;
      for (let r = 0; r < nLeft; r++) if (rowCol[r] >= 0 && u[r] > maxU) maxU = u[r]!;
      const found = search(i, 'swap');
      phases++;
      if (!found) continue;
      improved = true;
      if (found.row < 0) {
        // A free slot became reachable: one more pair (not expected after the first pass; kept for safety).
        updateDuals(found.bound);
        shiftInto(i, found.column);
        continue;
      }
      const out = found.row;
      updateDuals(dist[found.column]);
      removeFromColumn(found.column, out);
      rowCol[out] = -1;
      rowArc[out] = -1;
      shiftInto(i, found.column);
      unmatched.push(out);
    }
  }

  const matchedEdge = new Int32Array(nLeft).fill(-1);
  let matched = 0;
  for (let i = 0; i < nLeft; i++) {
    if (rowArc[i] >= 0) {
      matchedEdge[i] = rowArc[i]!;
      matched++;
    }
  }
  return { matchedEdge, matched, phases };
}
