import type { BMatchingInput, BMatchingResult } from './b-matching.js';
import { MinHeap } from './min-heap.js';

const SCALE = 1e9;
/** Largest matrix (cells) the dense layout may allocate: 12 bytes a cell, so at most ~300 MB. */
const MAX_DENSE_CELLS = 25_000_000;
/** Below this share of feasible pairs, scanning every column of a row costs more than its arcs. */
const MIN_DENSE_SHARE = 0.2;
/**
 * The duals are refreshed once searches have settled this many rows per row of the instance since
 * the last refresh: a refresh costs about one relaxation of every row (measured on 5,000 × 1,000:
 * 0.5 → 144 refreshes, 1 → 97, 2 → 62 and 4 → 39; 1 and 2 were fastest, 0.25 and 4 slowest).
 */
const REFRESH_BUDGET = 1;

interface SearchResult {
  column: number;
  row: number;
  bound: number;
}

/** The dense layout when the matrix is small enough and mostly feasible, unless the caller chose. */
export function chooseLayout(
  input: Pick<BMatchingInput, 'nLeft' | 'nRight' | 'edgeRight' | 'layout'>,
): 'dense' | 'sparse' {
  if (input.layout) return input.layout;
  const cells = input.nLeft * input.nRight;
  return cells > 0 && cells <= MAX_DENSE_CELLS && input.edgeRight.length >= MIN_DENSE_SHARE * cells
    ? 'dense'
    : 'sparse';
}

/**
 * The same optimum as `solveBMatching` (most pairs, then the highest total weight), found the
 * Jonker–Volgenant way: mentees are added one at a time, each by a Dijkstra from that mentee alone
 * over reduced costs, so an easy mentee costs only its own arcs. Mentees that cannot be added stay
 * out (this keeps the cardinality maximal, as in Kuhn's algorithm); then swaps "free mentee in,
 * matched mentee out" are applied while one lowers the cost — the only negative cycles the
 * residual graph can still hold — which makes the result optimal among maximum matchings.
 * Costs are integers (weights × 1e9) so that ties and tightness are exact. With a slot penalty
 * (load balance), a column's next place costs load × penalty: the sink arc of the column is priced
 * by its load, which keeps the duals' conditions per column.
 *
 * Speed on large, dense cycles (5,000 × 1,000) comes from two things. The dense layout: a cost
 * matrix scanned without a heap. And refreshed duals: each search leaves duals that measure
 * distance from its own start, so once free slots get scarce every search crossed most of the
 * graph (1.5 × 10⁶ rows settled in all); replacing them now and then by distances to the sink
 * (`refreshDuals`) makes the way from any free row cost about 0, and the searches settle 3× fewer
 * rows for the price of ~100 backward passes.
 */
export function solveBMatchingByAugmentingPaths(input: BMatchingInput): BMatchingResult {
  const { nLeft, nRight, capacity, edgeStart, edgeRight, edgeWeight } = input;
  const nArcs = edgeRight.length;
  const cost = new Float64Array(nArcs);
  for (let k = 0; k < nArcs; k++) cost[k] = -Math.round(edgeWeight[k] * SCALE);
  let denseCost: Float64Array | null = null;
  let costByColumn: Float64Array | null = null;
  if (chooseLayout(input) === 'dense') {
    denseCost = new Float64Array(nLeft * nRight).fill(Infinity);
    costByColumn = new Float64Array(nLeft * nRight).fill(Infinity);
    for (let i = 0; i < nLeft; i++) {
      for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
        denseCost[i * nRight + edgeRight[k]] = cost[k];
        costByColumn[edgeRight[k] * nLeft + i] = cost[k];
      }
    }
  }
  const todo = new Int32Array(nRight);

  // Duals with c − u − v ≥ 0 on every arc, matched arcs at 0. The sink's potential is 0, so a
  // column with a free slot keeps v + load·slotCost ≥ 0 and a column holding anyone keeps
  // v + (load − 1)·slotCost ≤ 0; without slot costs, −v is the price of a full column, and only
  // full columns have one. A column without capacity is priced out.
  const piT = 0;
  const slotCost = Math.round((input.slotPenalty ?? 0) * SCALE);
  const v = new Float64Array(nRight);
  for (let j = 0; j < nRight; j++) if (capacity[j] <= 0) v[j] = -Infinity;
  const u = new Float64Array(nLeft);
  for (let i = 0; i < nLeft; i++) {
    let best = Infinity;
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) best = Math.min(best, cost[k] - v[edgeRight[k]]);
    u[i] = best === Infinity ? 0 : best;
  }

  const slotStart = new Int32Array(nRight + 1);
  for (let j = 0; j < nRight; j++) slotStart[j + 1] = slotStart[j] + Math.max(0, capacity[j]);
  const slots = new Int32Array(slotStart[nRight]);
  const load = new Int32Array(nRight);
  const rowCol = new Int32Array(nLeft).fill(-1);
  const rowArc = new Int32Array(nLeft).fill(-1);

  const dist = new Float64Array(nRight).fill(Infinity);
  /** Distance at which each column was settled in the current search. */
  const colDist = new Float64Array(nRight);
  const predRow = new Int32Array(nRight);
  const predArc = new Int32Array(nRight);
  // Columns settled in the current search. (Skipping columns from which an earlier search found
  // no free slot was tried: it left the arcs into them out of the dual update, so the duals went
  // infeasible and a later swap could loop or miss the optimum.)
  const settled = new Uint8Array(nRight);
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
  /** The dense search keeps no arc per column: the path's few arcs are looked up when it is taken. */
  const arcOf = (r: number, j: number) => {
    for (let k = edgeStart[r]; k < edgeStart[r + 1]; k++) if (edgeRight[k] === j) return k;
    throw new Error('matching bookkeeping is inconsistent');
  };
  /** Moves rows along the path that ends by entering column `j`. */
  const shiftInto = (start: number, jEnd: number) => {
    let j = jEnd;
    for (;;) {
      const r = predRow[j];
      const old = rowCol[r];
      if (old >= 0) removeFromColumn(old, r);
      place(r, j, predArc[j] >= 0 ? predArc[j] : arcOf(r, j));
      if (r === start) return;
      j = old;
    }
  };

  /**
   * Dijkstra from row `start` over columns. Stops at the first column with a free slot (returns
   * it), or, in swap mode, explores fully and returns the matched row whose removal gains most.
   * Two layouts of the same search: `dense` keeps a row-major cost matrix and picks the nearest
   * column by scanning the columns not yet settled (no heap: on dense instances almost every
   * relaxation improves a distance, and the heap traffic was most of the time); `sparse` walks each
   * row's arcs and keeps a heap, for instances where a matrix would be mostly empty or too large.
   */
  const search = (start: number, mode: 'augment' | 'swap'): SearchResult | null => {
    settledCols.length = 0;
    settledRows.length = 0;
    let bestSwap: SearchResult | null = null;
    let toSink = Infinity;
    let sinkColumn = -1;
    /** Settles column j at distance dj: records a free slot or a swap, and relaxes its rows. */
    const settle = (j: number, dj: number) => {
      settled[j] = 1;
      settledCols.push(j);
      colDist[j] = dj;
      if (load[j] < capacity[j]) {
        const viaSink = dj + v[j] + load[j] * slotCost - piT;
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
        relax(r, dj);
      }
    };
    /** True when nothing nearer than `dj` can still change the answer. */
    const finished = (dj: number) =>
      (sinkColumn >= 0 && toSink <= dj) ||
      // No row reached from here on can give a better swap than the best one found (or any at all).
      (mode === 'swap' && sinkColumn < 0 && dj + u[start] - maxU >= (bestSwap?.bound ?? 0));

    let relax: (r: number, base: number) => void;
    if (denseCost) {
      const matrix = denseCost;
      let nTodo = 0;
      for (let j = 0; j < nRight; j++) {
        dist[j] = Infinity;
        settled[j] = 0;
        todo[nTodo++] = j;
      }
      relax = (r, base) => {
        settledRows.push(r);
        rowDist[r] = base;
        relaxDenseRow(matrix, r * nRight, base - u[r], r, nRight, v, dist, predRow);
      };
      relax(start, 0);
      while (nTodo > 0) {
        const at = nearest(todo, nTodo, dist, load, capacity);
        if (at < 0) break;
        const dj = dist[todo[at]];
        if (finished(dj)) break;
        const j = todo[at];
        todo.copyWithin(at, at + 1, nTodo--);
        predArc[j] = -1;
        // No distance is below −∞: the row scans skip a settled column without a test.
        dist[j] = -Infinity;
        settle(j, dj);
      }
    } else {
      for (const j of touched) {
        dist[j] = Infinity;
        settled[j] = 0;
      }
      touched.length = 0;
      heap.clear();
      relax = (r, base) => {
        settledRows.push(r);
        rowDist[r] = base;
        const offset = base - u[r];
        const own = rowArc[r];
        const end = edgeStart[r + 1];
        for (let k = edgeStart[r]; k < end; k++) {
          const j = edgeRight[k];
          if (k === own || settled[j]) continue;
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
      relax(start, 0);
      while (heap.size > 0) {
        if (sinkColumn >= 0 && toSink <= heap.peekKey()) break;
        const j = heap.pop();
        if (settled[j]) continue;
        if (finished(dist[j])) break;
        settle(j, dist[j]);
      }
    }
    if (sinkColumn >= 0) return { column: sinkColumn, row: -1, bound: toSink };
    return bestSwap;
  };
  let maxU = -Infinity;

  /** Dual update after a search that ends at distance D: keeps reduced costs ≥ 0 and the path tight. */
  const updateDuals = (D: number) => {
    for (const j of settledCols) if (colDist[j] < D) v[j] -= D - colDist[j];
    for (const r of settledRows) if (rowDist[r] < D) u[r] += D - rowDist[r];
  };

  /**
   * Shifts the duals by each node's distance to the sink (one backward Dijkstra over columns from
   * the free slots, on reduced costs). Any feasible duals keep the search exact; the searches' own
   * updates leave "distance from the last start", and late in the solve, with few free slots
   * left, that made each search cross most of the graph. After a refresh the way from any free row
   * to a free slot costs 0, and the next searches settle little more than that way.
   * Rows are contracted away: settling column k offers each row r with an arc to k a way out of
   * r's own column (or, for a free row, its distance): the slack of r's own arc, plus the reduced
   * cost of r → k, plus k's distance. Dense layout only: it walks the matrix by column.
   */
  // Tentative distance per column (0 … nRight−1), per free row (nRight + r), and a cell no
  // distance ever improves (rows of settled columns point there).
  const far = new Float64Array(nRight + nLeft + 1);
  const NOWHERE = nRight + nLeft;
  const target = new Int32Array(nLeft);
  const offset = new Float64Array(nLeft);
  const columnDone = new Uint8Array(nRight);
  const refreshDuals = (byColumn: Float64Array) => {
    far.fill(Infinity);
    far[NOWHERE] = -Infinity;
    for (let j = 0; j < nRight; j++) {
      if (load[j] < capacity[j]) far[j] = v[j] + load[j] * slotCost - piT;
      columnDone[j] = 0;
    }
    for (let r = 0; r < nLeft; r++) {
      const j = rowCol[r];
      target[r] = j >= 0 ? j : nRight + r;
      // Slack of the own arc (u + v − c) plus the reduced cost onward (c' − u − v'): u cancels.
      offset[r] = j >= 0 ? v[j] - cost[rowArc[r]] : -u[r];
    }
    let farthest = 0;
    for (;;) {
      let k = -1;
      let hk = Infinity;
      for (let j = 0; j < nRight; j++) {
        if (!columnDone[j] && far[j] < hk) {
          hk = far[j];
          k = j;
        }
      }
      if (k < 0) break;
      columnDone[k] = 1;
      farthest = hk;
      for (let s = slotStart[k]; s < slotStart[k] + load[k]; s++) target[slots[s]] = NOWHERE;
      relaxColumnBackward(byColumn, k * nLeft, hk - v[k], nLeft, offset, target, far);
    }
    for (let r = 0; r < nLeft; r++)
      if (rowCol[r] < 0 && far[nRight + r] < Infinity && far[nRight + r] > farthest) farthest = far[nRight + r];
    for (let j = 0; j < nRight; j++) v[j] -= columnDone[j] ? far[j] : farthest;
    for (let r = 0; r < nLeft; r++) {
      if (rowCol[r] >= 0) u[r] = cost[rowArc[r]] - v[rowCol[r]];
      else u[r] += far[nRight + r] < Infinity ? far[nRight + r] : farthest;
    }
  };

  const unmatched: number[] = [];
  const augment = (i: number) => {
    const found = search(i, 'augment');
    phases++;
    if (!found) {
      unmatched.push(i);
      return;
    }
    updateDuals(found.bound);
    shiftInto(i, found.column);
  };
  // Each free row is searched once, in any order (a row that cannot be added now never can be, as
  // in Kuhn's algorithm). Once the searches since the last refresh have settled about as many rows
  // as a refresh costs, the duals are refreshed and the rows still to add are reordered.
  let sinceRefresh = 0;
  const budget = REFRESH_BUDGET * nLeft;
  const pending: number[] = [];
  for (let i = nLeft - 1; i >= 0; i--) if (edgeStart[i + 1] > edgeStart[i] && rowCol[i] < 0) pending.push(i);
  while (pending.length > 0) {
    if (costByColumn && sinceRefresh > budget) {
      refreshDuals(costByColumn);
      sinceRefresh = 0;
      // Nearest the free slots first (a stack: the nearest at the end). Measured on 5,000 × 1,000:
      // 15 % fewer rows settled and fewer refreshes than in index order; farthest first was slower.
      // (Rows no free slot can be reached from are at Infinity: compared, not subtracted.)
      pending.sort((a, b) => (far[nRight + a] < far[nRight + b] ? 1 : far[nRight + a] > far[nRight + b] ? -1 : 0));
    }
    augment(pending.pop()!);
    sinceRefresh += settledRows.length;
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
      updateDuals(colDist[found.column]);
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

/** The hot loop, kept at top level with its arrays as arguments so that V8 keeps them in registers. */
function relaxDenseRow(
  matrix: Float64Array,
  row: number,
  offset: number,
  r: number,
  nRight: number,
  v: Float64Array,
  dist: Float64Array,
  predRow: Int32Array,
): void {
  for (let j = 0; j < nRight; j++) {
    const nd = offset + matrix[row + j] - v[j];
    if (nd < dist[j]) {
      dist[j] = nd;
      predRow[j] = r;
    }
  }
}

/**
 * Position in `todo` of the column with the smallest finite distance, or -1. Among columns at the
 * same distance, one with a free slot comes first, so that a search can end there rather than
 * settle the rest of a plateau of ties (scores tie often). A cheap tie-break: on the 5,000 × 1,000
 * benchmark it changed no count of rows settled measurably.
 */
function nearest(
  todo: Int32Array,
  nTodo: number,
  dist: Float64Array,
  load: Int32Array,
  capacity: ArrayLike<number>,
): number {
  let at = -1;
  let best = Infinity;
  let room = false;
  for (let t = 0; t < nTodo; t++) {
    const j = todo[t];
    const d = dist[j];
    if (d < best || (d === best && d < Infinity && !room && load[j] < capacity[j])) {
      best = d;
      at = t;
      room = load[j] < capacity[j];
    }
  }
  return at;
}

/** Backward relaxation of one settled column over every row (see `refreshDuals`). */
function relaxColumnBackward(
  byColumn: Float64Array,
  base: number,
  from: number,
  nLeft: number,
  offset: Float64Array,
  target: Int32Array,
  far: Float64Array,
): void {
  for (let r = 0; r < nLeft; r++) {
    const through = from + byColumn[base + r] + offset[r];
    const t = target[r];
    if (through < far[t]) far[t] = through;
  }
}
