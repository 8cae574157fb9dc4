import type { BMatchingInput, BMatchingResult } from './b-matching.js';

const SCALE = 1e9;
/** Free mentees kept per mentor, cheapest first, between two scans of its column. */
const ENTRY_BUFFER = 8;

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
  const { nLeft, nRight: m, capacity, edgeStart, edgeRight, edgeWeight } = input;
  const nArcs = edgeRight.length;
  const slotCost = Math.round((input.slotPenalty ?? 0) * SCALE);
  const cost = new Float64Array(nArcs);
  for (let k = 0; k < nArcs; k++) cost[k] = -Math.round(edgeWeight[k] * SCALE);
  const usable = Uint8Array.from({ length: m }, (_, j) => (capacity[j] > 0 ? 1 : 0));

  // Arcs by mentor (for the entry costs), and each arc's mentee.
  const arcRow = new Int32Array(nArcs);
  const colStart = new Int32Array(m + 1);
  for (let i = 0; i < nLeft; i++) {
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
      arcRow[k] = i;
      colStart[edgeRight[k] + 1]++;
    }
  }
  for (let j = 0; j < m; j++) colStart[j + 1] += colStart[j];
  const colArc = new Int32Array(nArcs);
  const fill = colStart.slice(0, m);
  for (let k = 0; k < nArcs; k++) colArc[fill[edgeRight[k]]++] = k;

  // Who sits where.
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j] + Math.max(0, capacity[j]);
  const slots = new Int32Array(slotStart[m]);
  const load = new Int32Array(m);
  const rowArc = new Int32Array(nLeft).fill(-1);

  // The mentor graph: move[a·m + b] = cheapest c[r][b] − c[r][a] over r in a, and its arc.
  const move = new Float64Array(m * m).fill(Infinity);
  const moveArc = new Int32Array(m * m);
  const addToMoves = (a: number, r: number) => {
    const base = a * m;
    const back = cost[rowArc[r]];
    for (let k = edgeStart[r]; k < edgeStart[r + 1]; k++) {
      const b = edgeRight[k];
      const c = cost[k] - back;
      if (c < move[base + b] && b !== a && usable[b]) {
        move[base + b] = c;
        moveArc[base + b] = k;
      }
    }
  };
  const rebuildMoves = (a: number) => {
    move.fill(Infinity, a * m, (a + 1) * m);
    for (let s = slotStart[a]; s < slotStart[a] + load[a]; s++) addToMoves(a, slots[s]);
  };

  // Entry: per mentor, a few of its cheapest free mentees (arcs), refilled by a scan when used up.
  const entryArcs = new Int32Array(m * ENTRY_BUFFER);
  const entryLength = new Int32Array(m);
  const entryAt = new Int32Array(m);
  const refill = (j: number) => {
    const base = j * ENTRY_BUFFER;
    let n = 0;
    for (let p = colStart[j]; p < colStart[j + 1]; p++) {
      const k = colArc[p];
      if (rowArc[arcRow[k]] >= 0) continue;
      const c = cost[k];
      if (n === ENTRY_BUFFER && c >= cost[entryArcs[base + n - 1]]) continue;
      // Insertion into the short sorted buffer.
      let q = n < ENTRY_BUFFER ? n++ : n - 1;
      while (q > 0 && cost[entryArcs[base + q - 1]] > c) {
        entryArcs[base + q] = entryArcs[base + q - 1];
        q--;
      }
      entryArcs[base + q] = k;
    }
    entryLength[j] = n;
    entryAt[j] = 0;
  };
  /** The arc of mentor j's cheapest free mentee, or -1 when none is left (free mentees only get fewer). */
  const entry = (j: number) => {
    const base = j * ENTRY_BUFFER;
    for (;;) {
      while (entryAt[j] < entryLength[j] && rowArc[arcRow[entryArcs[base + entryAt[j]]]] >= 0) entryAt[j]++;
      if (entryAt[j] < entryLength[j]) return entryArcs[base + entryAt[j]];
      if (entryLength[j] < ENTRY_BUFFER) return -1;
      refill(j);
    }
  };

  // Potentials: reduced costs c + π(from) − π(to) ≥ 0 on every residual arc; the source's is 0.
  // Start: every mentor and the sink at the cheapest arc of all, so that each empty mentor's
  // place is at reduced cost 0 and a search ends at the first mentor with room it settles (with
  // each mentor at its own cheapest arc instead, searches settled ~400 mentors each).
  let piT = 0;
  for (let j = 0; j < m; j++) {
    if (!usable[j]) continue;
    refill(j);
    const k = entry(j);
    if (k >= 0 && cost[k] < piT) piT = cost[k];
  }
  const pi = new Float64Array(m).fill(piT);

  const dist = new Float64Array(m);
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

  for (;;) {
    phases++;
    // Dijkstra over mentors from the source (every free mentee), to the sink (a free place).
    let next = -1;
    let best = Infinity;
    for (let j = 0; j < m; j++) {
      settled[j] = 0;
      pred[j] = -1;
      dist[j] = Infinity;
      if (!usable[j]) continue;
      const k = entry(j);
      if (k < 0) continue;
      const d = cost[k] - pi[j];
      dist[j] = d;
      if (d < best || (d === best && load[j] < capacity[j])) {
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
      (globalThis as any).SETTLES = ((globalThis as any).SETTLES ?? 0) + 1;
      if (load[a] < capacity[a]) {
        const via = da + load[a] * slotCost + pi[a] - piT;
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
          if (db < best || (db === best && db < Infinity && load[b] < capacity[b])) {
            best = db;
            next = b;
          }
        }
      } else {
        for (let b = 0; b < m; b++) {
          if (settled[b]) continue;
          const db = dist[b];
          if (db < best || (db === best && db < Infinity && load[b] < capacity[b])) {
            best = db;
            next = b;
          }
        }
      }
    }
    if (sinkColumn < 0) break;
    { const g = globalThis as any; g.HIST = g.HIST ?? []; g.HIST.push(g.SETTLES - (g.LAST ?? 0)); g.LAST = g.SETTLES; }

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
        if (gainedOnly) addToMoves(b, f);
        else rebuildMoves(b);
        break;
      }
      const k = moveArc[a * m + b];
      const r = arcRow[k];
      leave(r, a);
      place(r, b, k);
      if (gainedOnly) addToMoves(b, r);
      else rebuildMoves(b);
      gainedOnly = false;
      b = a;
    }
    matched++;
  }

  { const g = globalThis as any; const h: number[] = g.HIST ?? []; const q = (f: number) => [...h].sort((x, y) => x - y)[Math.floor(f * (h.length - 1))]; console.error('searches', phases, 'settles', g.SETTLES, 'p50', q(0.5), 'p90', q(0.9), 'max', q(1)); const t = h.length; console.error('by decile', Array.from({length:10},(_,d)=>h.slice(Math.floor(d*t/10),Math.floor((d+1)*t/10)).reduce((a,b)=>a+b,0)).join(' ')); g.SETTLES=0; g.HIST=[]; g.LAST=0; }
  const matchedEdge = new Int32Array(nLeft).fill(-1);
  for (let i = 0; i < nLeft; i++) matchedEdge[i] = rowArc[i];
  return { matchedEdge, matched, phases };
}
