import type { BMatchingInput, BMatchingResult } from './b-matching.js';

const SCALE = 1e9;
/**
 * Potentials are refreshed once the searches since the last refresh have settled this many
 * mentors per mentor. Without refreshes 8× more mentors were settled; counted in mentor-graph
 * entries scanned (searches plus refreshes) on the 5,000 × 1,000 families, 0.25 / 0.5 / 1 / 2 gave
 * 227 / 221 / 237 / 272 M on capacities 1–6 and 210 / 195 / 204 / 238 M on the uniform family.
 */
const REFRESH_SETTLES = 0.5;
/** Cost bands of the first, coarse ordering of each mentor's arcs (see arcsByMentorCheapestFirst). */
const BANDS = 2048;

/**
 * The same optimum as `solveBMatching` (most pairs, then the highest total weight, slot penalties
 * included), by successive shortest paths in which every shortest-path search runs over mentors
 * only. A mentee's move between two mentors is an arc of a mentor graph: a → b costs the cheapest
 * "some mentee of a goes to b instead" (c[r][b] − c[r][a]), which depends on who sits in a, not on
 * the duals, so it is kept in an m × m table and rebuilt only for the mentors an augmentation
 * changed. Each search starts from all free mentees at once (a mentor's entry cost is its cheapest
 * free mentee) and ends at the nearest mentor with a free place, priced by its load.
 *
 * Why this shape (measured, see docs/BENCHMARKS.md): searching from one mentee at a time made every
 * mentee that could not be placed cost a full failed search, and places short of mentees made
 * most searches long; here an unplaceable mentee is never searched from, each search ends at the
 * cheapest augmenting path of the whole instance, and a search step costs m, not a row of arcs
 * for each mentee in the mentor reached. One failed search ends the solve: the flow is then maximum
 * and, the paths having been shortest, of least cost among maximum flows.
 */
export function solveBMatchingOverMentors(input: BMatchingInput): BMatchingResult {
  const parts = components(input);
  if (parts.length <= 1) return solveConnected(input);
  // Pairs in different components never interact: each is solved alone, with its own mentor graph
  // (an m × m table and m-long scans shrink with the square of the component's mentors).
  const matchedEdge = new Int32Array(input.nLeft).fill(-1);
  let matched = 0;
  let phases = 0;
  for (const part of parts) {
    const solved = solveConnected(part.input);
    matched += solved.matched;
    phases += solved.phases;
    solved.matchedEdge.forEach((k, local) => {
      if (k >= 0) matchedEdge[part.mentees[local]] = part.arcs[k];
    });
  }
  return { matchedEdge, matched, phases };
}

/**
 * The connected components of the pairs (mentees and mentors linked by feasible arcs), each as an
 * instance of its own with the original indices of its mentees and arcs; mentees without arcs and
 * mentors without arcs belong to none. One component: an empty list (nothing to split).
 */
function components(input: BMatchingInput) {
  const { nLeft, nRight, capacity, edgeStart, edgeRight, edgeWeight } = input;
  const parent = new Int32Array(nLeft + nRight);
  for (let x = 0; x < parent.length; x++) parent[x] = x;
  const find = (x: number) => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let i = 0; i < nLeft; i++) {
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
      const a = find(i);
      const b = find(nLeft + edgeRight[k]);
      if (a !== b) parent[a] = b;
    }
  }
  const index = new Map<number, number>();
  const rootOf = new Int32Array(nLeft).fill(-1);
  for (let i = 0; i < nLeft; i++) {
    if (edgeStart[i + 1] === edgeStart[i]) continue;
    const root = find(i);
    if (!index.has(root)) index.set(root, index.size);
    rootOf[i] = index.get(root)!;
  }
  if (index.size <= 1) return [];
  // Members of each component, in index order, in one pass over mentors and mentees.
  const mentorsOf: number[][] = Array.from({ length: index.size }, () => []);
  const menteesOf: number[][] = Array.from({ length: index.size }, () => []);
  const mentorLocal = new Int32Array(nRight).fill(-1);
  for (let j = 0; j < nRight; j++) {
    const c = index.get(find(nLeft + j));
    if (c === undefined) continue;
    mentorLocal[j] = mentorsOf[c].length;
    mentorsOf[c].push(j);
  }
  for (let i = 0; i < nLeft; i++) if (rootOf[i] >= 0) menteesOf[rootOf[i]].push(i);
  const parts = mentorsOf.map((mentors, c) => {
    const mentees = menteesOf[c];
    const start = new Int32Array(mentees.length + 1);
    let n = 0;
    for (let li = 0; li < mentees.length; li++) {
      n += edgeStart[mentees[li] + 1] - edgeStart[mentees[li]];
      start[li + 1] = n;
    }
    const right = new Int32Array(n);
    const weight = new Float64Array(n);
    const arcs = new Int32Array(n);
    mentees.forEach((i, li) => {
      for (let k = edgeStart[i], at = start[li]; k < edgeStart[i + 1]; k++, at++) {
        right[at] = mentorLocal[edgeRight[k]];
        weight[at] = edgeWeight[k];
        arcs[at] = k;
      }
    });
    const part: BMatchingInput = {
      nLeft: mentees.length,
      nRight: mentors.length,
      capacity: Int32Array.from(mentors, (j) => capacity[j]),
      edgeStart: start,
      edgeRight: right,
      edgeWeight: weight,
      slotPenalty: input.slotPenalty,
    };
    return { input: part, mentees, arcs };
  });
  return parts;
}

function solveConnected(input: BMatchingInput): BMatchingResult {
  const { nLeft, nRight: m, capacity, edgeStart, edgeRight, edgeWeight } = input;
  const nArcs = edgeRight.length;
  const slotCost = Math.round((input.slotPenalty ?? 0) * SCALE);
  const cost = new Float64Array(nArcs);
  for (let k = 0; k < nArcs; k++) cost[k] = -Math.round(edgeWeight[k] * SCALE);
  const usable = Uint8Array.from({ length: m }, (_, j) => (capacity[j] > 0 ? 1 : 0));

  // Arcs by mentor, cheapest first (for the entry costs), and each arc's mentee.
  const arcRow = new Int32Array(nArcs);
  for (let i = 0; i < nLeft; i++) for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) arcRow[k] = i;
  const { colStart, colArc, sortedEnd, sortRun } = arcsByMentorCheapestFirst(m, edgeRight, cost);

  // Who sits where.
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j] + Math.max(0, capacity[j]);
  const slots = new Int32Array(slotStart[m]);
  const load = new Int32Array(m);
  const rowArc = new Int32Array(nLeft).fill(-1);

  // The mentor graph: move[a·m + b] = cheapest c[r][b] − c[r][a] over r in a, and its arc.
  // The same by destination (moveInto[b·m + a]) for the backward search of `refresh`.
  const move = new Float64Array(m * m).fill(Infinity);
  const moveInto = new Float64Array(m * m).fill(Infinity);
  const moveArc = new Int32Array(m * m);
  /** Adds mentee r (now in a) to a's row; `into` also updates the by-destination copy as it goes. */
  const addToMoves = (a: number, r: number, into: boolean) => {
    const base = a * m;
    const back = cost[rowArc[r]];
    for (let k = edgeStart[r]; k < edgeStart[r + 1]; k++) {
      const b = edgeRight[k];
      const c = cost[k] - back;
      if (c < move[base + b] && b !== a && usable[b]) {
        move[base + b] = c;
        if (into) moveInto[b * m + a] = c;
        moveArc[base + b] = k;
      }
    }
  };
  /** Rebuilds a's row from its mentees, then copies it once into the by-destination table. */
  const rebuildMoves = (a: number) => {
    const base = a * m;
    move.fill(Infinity, base, base + m);
    for (let s = slotStart[a]; s < slotStart[a] + load[a]; s++) addToMoves(a, slots[s], false);
    for (let b = 0; b < m; b++) moveInto[b * m + a] = move[base + b];
  };

  // Entry: each mentor's arcs sorted by cost, and a cursor past the mentees no longer free (free
  // mentees only get fewer, so each cursor only moves forward). A buffer of the few cheapest free
  // mentees refilled by scanning the column was tried: with tied scores every buffer held the
  // same first mentees, and all were rescanned together (2.7 s of 4.5 s on the tie-heavy family).
  const entryAt = colStart.slice(0, m);
  // Each mentor's current entry (arc and mentee), checked against `rowArc` before use.
  const entryArc = new Int32Array(m).fill(-1);
  const entryRow = new Int32Array(m).fill(-1);
  /** The arc of mentor j's cheapest free mentee, or -1 when none is left. */
  const entry = (j: number) => {
    const r = entryRow[j];
    if (r >= 0 && rowArc[r] < 0) return entryArc[j];
    let p = entryAt[j];
    const end = colStart[j + 1];
    for (; p < end; p++) {
      if (p >= sortedEnd[j]) sortRun(j, p);
      if (rowArc[arcRow[colArc[p]]] < 0) break;
    }
    entryAt[j] = p;
    entryArc[j] = p < end ? colArc[p] : -1;
    entryRow[j] = p < end ? arcRow[colArc[p]] : -1;
    return entryArc[j];
  };

  // Potentials: reduced costs c + π(from) − π(to) ≥ 0 on every residual arc; the source's is 0.
  // Start: every mentor and the sink at the cheapest arc of all, so that each empty mentor's
  // place is at reduced cost 0 and a search ends at the first mentor with room it settles (with
  // each mentor at its own cheapest arc instead, searches settled ~400 mentors each).
  let piT = 0;
  for (let j = 0; j < m; j++) {
    if (!usable[j]) continue;
    const k = entry(j);
    if (k >= 0 && cost[k] < piT) piT = cost[k];
  }
  const pi = new Float64Array(m).fill(piT);

  const dist = new Float64Array(m);
  // Reduced cost of each mentor's next place (Infinity when full): among mentors at the same
  // distance, the search settles first the one whose place is cheapest, where it may end.
  const sinkSlack = new Float64Array(m);
  const pred = new Int32Array(m);
  const settled = new Uint8Array(m);
  let phases = 0;
  let matched = 0;

  const place = (r: number, j: number, k: number) => {
    slots[slotStart[j] + load[j]++] = r;
    rowArc[r] = k;
  };
  const leave = (r: number, j: number) => {
    const base = slotStart[j];
    for (let s = base; s < base + load[j]; s++) {
      if (slots[s] === r) {
        slots[s] = slots[base + --load[j]];
        return;
      }
    }
    throw new Error('matching bookkeeping is inconsistent');
  };

  // Refresh: potentials from each mentor's reduced distance to the sink (a backward Dijkstra over
  // the mentor graph), so that only mentors on a cheapest augmenting path sit at distance 0 from
  // the source. The searches' own updates measure distance from the source instead, and every
  // search then re-settled the whole tree of the one before.
  const toSinkDist = new Float64Array(m);
  const done = new Uint8Array(m);
  const todo = new Int32Array(m);
  const refresh = () => {
    let nTodo = 0;
    let at = -1;
    let hk = Infinity;
    for (let j = 0; j < m; j++) {
      done[j] = 0;
      toSinkDist[j] = usable[j] && load[j] < capacity[j] ? load[j] * slotCost + pi[j] - piT : Infinity;
      if (!usable[j]) continue;
      if (toSinkDist[j] < hk) {
        hk = toSinkDist[j];
        at = nTodo;
      }
      todo[nTodo++] = j;
    }
    let farthest = 0;
    while (at >= 0) {
      // The mentors still to settle are kept in a list that shrinks (half the work of scanning all).
      const k = todo[at];
      todo[at] = todo[--nTodo];
      done[k] = 1;
      farthest = hk;
      // Relaxes the arcs into k and picks the next nearest in the same pass.
      const base = hk - pi[k];
      const into = k * m;
      at = -1;
      hk = Infinity;
      for (let t = 0; t < nTodo; t++) {
        const a = todo[t];
        const through = base + moveInto[into + a] + pi[a];
        let ha = toSinkDist[a];
        if (through < ha) toSinkDist[a] = ha = through;
        if (ha < hk) {
          hk = ha;
          at = t;
        }
      }
    }
    // The source's distance to the sink bounds the shift (entry arcs stay ≥ 0).
    let sourceToSink = Infinity;
    for (let j = 0; j < m; j++) {
      if (!done[j]) continue;
      const k = entry(j);
      if (k >= 0 && cost[k] - pi[j] + toSinkDist[j] < sourceToSink) sourceToSink = cost[k] - pi[j] + toSinkDist[j];
    }
    if (sourceToSink === Infinity) return;
    const cap = Math.max(farthest, sourceToSink);
    for (let j = 0; j < m; j++) if (usable[j]) pi[j] += sourceToSink - (done[j] ? toSinkDist[j] : cap);
    piT += sourceToSink;
  };
  let sinceRefresh = 0;

  for (;;) {
    phases++;
    if (sinceRefresh > REFRESH_SETTLES * m) {
      refresh();
      sinceRefresh = 0;
    }
    // Dijkstra over mentors from the source (every free mentee), to the sink (a free place).
    let next = -1;
    let best = Infinity;
    for (let j = 0; j < m; j++) {
      settled[j] = 0;
      pred[j] = -1;
      dist[j] = Infinity;
      sinkSlack[j] = load[j] < capacity[j] ? load[j] * slotCost + pi[j] - piT : Infinity;
      if (!usable[j]) continue;
      const k = entry(j);
      if (k < 0) continue;
      const d = cost[k] - pi[j];
      dist[j] = d;
      if (d < best || (d === best && sinkSlack[j] < sinkSlack[next])) {
        best = d;
        next = j;
      }
    }
    let toSink = Infinity;
    let sinkColumn = -1;
    while (next >= 0 && best < toSink) {
      const a = next;
      const da = best;
      settled[a] = 1;
      sinceRefresh++;
      if (sinkSlack[a] < Infinity) {
        const via = da + sinkSlack[a];
        if (via < toSink) {
          toSink = via;
          sinkColumn = a;
          if (via <= da) break;
        }
      }
      next = -1;
      best = Infinity;
      const base = a * m;
      const offset = da + pi[a];
      if (load[a] > 0) {
        for (let b = 0; b < m; b++) {
          if (settled[b]) continue;
          const nd = offset + move[base + b] - pi[b];
          let db = dist[b];
          if (nd < db) {
            dist[b] = db = nd;
            pred[b] = a;
          }
          if (db < best || (db === best && db < Infinity && sinkSlack[b] < sinkSlack[next])) {
            best = db;
            next = b;
          }
        }
      } else {
        for (let b = 0; b < m; b++) {
          if (settled[b]) continue;
          const db = dist[b];
          if (db < best || (db === best && db < Infinity && sinkSlack[b] < sinkSlack[next])) {
            best = db;
            next = b;
          }
        }
      }
    }
    if (sinkColumn < 0) break;

    // Potentials: settled mentors by their distance, the rest (all at least toSink away) by toSink.
    for (let j = 0; j < m; j++) if (usable[j]) pi[j] += settled[j] && dist[j] < toSink ? dist[j] : toSink;
    piT += toSink;

    // The path, from its free place back to its free mentee; mentors that lost someone are rebuilt.
    let b = sinkColumn;
    let gainedOnly = true;
    for (;;) {
      const a = pred[b];
      if (a < 0) {
        const k = entry(b);
        const f = arcRow[k];
        place(f, b, k);
        if (gainedOnly) addToMoves(b, f, true);
        else rebuildMoves(b);
        break;
      }
      const k = moveArc[a * m + b];
      const r = arcRow[k];
      leave(r, a);
      place(r, b, k);
      if (gainedOnly) addToMoves(b, r, true);
      else rebuildMoves(b);
      gainedOnly = false;
      b = a;
    }
    matched++;
  }

  const matchedEdge = new Int32Array(nLeft).fill(-1);
  for (let i = 0; i < nLeft; i++) matchedEdge[i] = rowArc[i];
  return { matchedEdge, matched, phases };
}

/**
 * Arcs grouped by mentor, cheapest first, sorted only as far as each mentor's cursor goes: counting
 * passes group them by mentor and, within a mentor, into 2,048 bands of the cost range (in arc
 * order within a band), and `sortRun` sorts a band of a mentor exactly (ties by arc index) when the
 * cursor first reaches it. With places short, cursors stop halfway; a full radix sort of every arc took about a
 * third of the solve on the realistic family.
 */
export function arcsByMentorCheapestFirst(m: number, edgeRight: Int32Array, cost: Float64Array) {
  const nArcs = edgeRight.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < nArcs; k++) {
    if (cost[k] < lo) lo = cost[k];
    if (cost[k] > hi) hi = cost[k];
  }
  const width = nArcs === 0 ? 1 : Math.max(1, Math.ceil((hi - lo + 1) / BANDS));
  // By mentor first (one scattered pass), then by band within each mentor, where the writes stay
  // in a few kilobytes (by band over all arcs first, then by mentor, took twice as long).
  const colStart = new Int32Array(m + 1);
  for (let k = 0; k < nArcs; k++) colStart[edgeRight[k] + 1]++;
  for (let j = 0; j < m; j++) colStart[j + 1] += colStart[j];
  const fill = colStart.slice(0, m);
  const byMentor = new Int32Array(nArcs);
  for (let k = 0; k < nArcs; k++) byMentor[fill[edgeRight[k]]++] = k;
  const band = new Uint16Array(nArcs);
  const colArc = new Int32Array(nArcs);
  const count = new Int32Array(BANDS + 1);
  for (let j = 0; j < m; j++) {
    const from = colStart[j];
    const to = colStart[j + 1];
    count.fill(0);
    for (let p = from; p < to; p++) {
      const k = byMentor[p];
      const b = Math.floor((cost[k] - lo) / width);
      band[k] = b;
      count[b + 1]++;
    }
    for (let b = 0; b < BANDS; b++) count[b + 1] += count[b];
    for (let p = from; p < to; p++) {
      const k = byMentor[p];
      colArc[from + count[band[k]]++] = k;
    }
  }
  let longest = 0;
  for (let j = 0; j < m; j++) longest = Math.max(longest, colStart[j + 1] - colStart[j]);
  const keys = new Float64Array(longest);
  const arcs = new Int32Array(longest);
  const sortedEnd = colStart.slice(0, m);
  /** Sorts the band that starts at position p of mentor j's arcs (p at or past the sorted part). */
  const sortRun = (j: number, p: number) => {
    const b = band[colArc[p]];
    const end = colStart[j + 1];
    let q = p + 1;
    while (q < end && band[colArc[q]] === b) q++;
    const n = q - p;
    const base = lo + b * width;
    if (n <= 32) {
      for (let x = p + 1; x < q; x++) {
        const k = colArc[x];
        let y = x;
        while (y > p && (cost[colArc[y - 1]] > cost[k] || (cost[colArc[y - 1]] === cost[k] && colArc[y - 1] > k))) {
          colArc[y] = colArc[y - 1];
          y--;
        }
        colArc[y] = k;
      }
    } else if (width * n < Number.MAX_SAFE_INTEGER) {
      // Cost and position packed in one float: the typed-array sort needs no comparator.
      for (let x = 0; x < n; x++) {
        arcs[x] = colArc[p + x];
        keys[x] = (cost[arcs[x]] - base) * n + x;
      }
      const sorted = keys.subarray(0, n).sort();
      for (let x = 0; x < n; x++) colArc[p + x] = arcs[sorted[x] % n];
    } else {
      const sorted = Array.from(colArc.subarray(p, q)).sort((x, y) => cost[x] - cost[y] || x - y);
      colArc.set(sorted, p);
    }
    sortedEnd[j] = q;
  };
  return { colStart, colArc, sortedEnd, sortRun };
}
