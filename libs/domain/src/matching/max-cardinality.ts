/**
 * The largest number of mentees that can be matched using only arcs of weight ≥ `threshold`
 * (Hopcroft–Karp with mentor capacities: a breadth-first layering from every free mentee, then
 * depth-first augmentations along the layers). The fairness objective asks this some 20 times in
 * a binary search on the threshold; a min-cost flow with zero costs did the same job 7× slower,
 * and copying the arcs above each threshold cost as much again.
 */
export function maxCardinality(
  nLeft: number,
  capacity: ArrayLike<number>,
  edgeStart: Int32Array,
  edgeRight: Int32Array,
  edgeWeight: Float64Array,
  threshold: number,
  /**
   * Optional: each mentee's arc (-1: none) in a matching that uses only arcs ≥ threshold, to start
   * from instead of the greedy start; overwritten with the maximum matching found.
   */
  arcs?: Int32Array,
): number {
  const nRight = capacity.length;
  const slotStart = new Int32Array(nRight + 1);
  for (let j = 0; j < nRight; j++) slotStart[j + 1] = slotStart[j] + Math.max(0, capacity[j]);
  const slots = new Int32Array(slotStart[nRight]);
  const load = new Int32Array(nRight);
  const rowCol = new Int32Array(nLeft).fill(-1);
  const rowArc = new Int32Array(nLeft).fill(-1);
  const layer = new Int32Array(nLeft);
  const queue = new Int32Array(nLeft);
  const UNREACHED = 0x7fffffff;
  // The layer of the mentees a mentor's expansion reached (-1: not expanded in this phase). A
  // search step into a full mentor can only go on from the layer before; once all its mentees
  // there have failed it is dead for the phase (a failed search from each of hundreds of free
  // mentees walked its slots again for every arc reaching it: capacities 1–6, 5,000 × 1,000, 560 ms).
  const expandedAt = new Int32Array(nRight);
  const dead = new Uint8Array(nRight);
  let matched = 0;

  const leave = (r: number) => {
    const j = rowCol[r];
    if (j < 0) return;
    const base = slotStart[j];
    for (let s = base; s < base + load[j]; s++) {
      if (slots[s] === r) {
        slots[s] = slots[base + --load[j]];
        return;
      }
    }
  };
  const enter = (r: number, j: number, k: number) => {
    leave(r);
    slots[slotStart[j] + load[j]++] = r;
    rowCol[r] = j;
    rowArc[r] = k;
  };
  // Depth-first search along the layers, with an explicit stack (paths can be thousands of rows
  // long): per depth, the row, its arc cursor, and the column being walked with its slot cursor.
  const stackRow = new Int32Array(nLeft);
  const arcAt = new Int32Array(nLeft);
  const columnAt = new Int32Array(nLeft);
  const slotAt = new Int32Array(nLeft);
  const usable = (r: number, k: number) =>
    edgeWeight[k] >= threshold && edgeRight[k] !== rowCol[r] && capacity[edgeRight[k]] > 0;
  /** Moves the rows of a path from free row `root` to a free slot, if the layers hold one. */
  const augment = (root: number): boolean => {
    let depth = 0;
    stackRow[0] = root;
    arcAt[0] = edgeStart[root];
    columnAt[0] = -1;
    while (depth >= 0) {
      const r = stackRow[depth];
      const j = columnAt[depth];
      if (j >= 0) {
        if (slotAt[depth] < slotStart[j] + load[j]) {
          const x = slots[slotAt[depth]++];
          if (layer[x] === layer[r] + 1) {
            depth++;
            stackRow[depth] = x;
            arcAt[depth] = edgeStart[x];
            columnAt[depth] = -1;
          }
        } else {
          dead[j] = 1;
          columnAt[depth] = -1;
          arcAt[depth]++;
        }
        continue;
      }
      let k = arcAt[depth];
      const next = layer[r] + 1;
      for (; k < edgeStart[r + 1]; k++) {
        if (!usable(r, k)) continue;
        const c = edgeRight[k];
        if (load[c] < capacity[c] || (expandedAt[c] === next && !dead[c])) break;
      }
      if (k >= edgeStart[r + 1]) {
        layer[r] = UNREACHED;
        depth--;
        continue;
      }
      arcAt[depth] = k;
      const c = edgeRight[k];
      if (load[c] < capacity[c]) {
        // Deepest first: each row leaves its column before the row above takes that place.
        enter(r, c, k);
        for (let d = depth - 1; d >= 0; d--) enter(stackRow[d], columnAt[d], arcAt[d]);
        return true;
      }
      columnAt[depth] = c;
      slotAt[depth] = slotStart[c];
    }
    return false;
  };

  // Start from the given matching, then greedily: each mentee left takes the first mentor with
  // room; the phases then fix the rest.
  if (arcs) {
    for (let r = 0; r < nLeft; r++) {
      const k = arcs[r];
      if (k >= 0 && usable(r, k) && load[edgeRight[k]] < capacity[edgeRight[k]]) {
        enter(r, edgeRight[k], k);
        matched++;
      }
    }
  }
  for (let r = 0; r < nLeft; r++) {
    if (rowCol[r] >= 0) continue;
    for (let k = edgeStart[r]; k < edgeStart[r + 1]; k++) {
      if (usable(r, k) && load[edgeRight[k]] < capacity[edgeRight[k]]) {
        enter(r, edgeRight[k], k);
        matched++;
        break;
      }
    }
  }
  const done = () => {
    arcs?.set(rowArc);
    return matched;
  };
  for (;;) {
    let tail = 0;
    for (let r = 0; r < nLeft; r++) {
      if (rowCol[r] < 0) {
        layer[r] = 0;
        queue[tail++] = r;
      } else layer[r] = UNREACHED;
    }
    let reachesRoom = false;
    // A mentor's mentees are all reached from the first row that reaches it: each mentor is
    // expanded once (before, every arc walked its mentor's slots: 3–5× the work).
    expandedAt.fill(-1);
    dead.fill(0);
    for (let head = 0; head < tail; head++) {
      const r = queue[head];
      for (let k = edgeStart[r]; k < edgeStart[r + 1]; k++) {
        const j = edgeRight[k];
        if (expandedAt[j] >= 0 || edgeWeight[k] < threshold || j === rowCol[r] || capacity[j] <= 0) continue;
        expandedAt[j] = layer[r] + 1;
        if (load[j] < capacity[j]) reachesRoom = true;
        for (let s = slotStart[j]; s < slotStart[j] + load[j]; s++) {
          const x = slots[s];
          if (layer[x] === UNREACHED) {
            layer[x] = layer[r] + 1;
            queue[tail++] = x;
          }
        }
      }
    }
    if (!reachesRoom) return done();
    let grew = false;
    for (let r = 0; r < nLeft; r++) {
      if (rowCol[r] < 0 && layer[r] === 0 && augment(r)) {
        matched++;
        grew = true;
      }
    }
    if (!grew) return done();
  }
}
