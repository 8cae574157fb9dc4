import { MinHeap } from './min-heap.js';

/**
 * Exact maximum-cardinality, maximum-weight bipartite b-matching (each left node matched at most
 * once, right node j at most capacity[j] times), as a min-cost max-flow solved by the primal-dual
 * method: Dijkstra on reduced costs, then a blocking flow on the zero-reduced-cost graph, repeated
 * until no augmenting path is left. Integer costs (weights scaled by `scale`) keep it exact.
 * The engine solves with `solveBMatchingOverMentors` (much faster, slot penalties included) and
 * `maxCardinality`; this simpler solver stays as the independent referee in their specs.
 *
 * Why our own code: the instance is a flow network with ~10⁶–10⁷ arcs and unit capacities on the
 * left; the npm assignment solvers we looked at (munkres, hungarian variants) take a dense square
 * matrix, so capacities must be expanded into copies and they run in O(n³) — hours at 5,000 × 5,000.
 * LP solvers (HiGHS) are exact but carry a WebAssembly runtime and take seconds to minutes at that
 * size; we use HiGHS in tests as the independent referee instead.
 */
export interface BMatchingInput {
  nLeft: number;
  nRight: number;
  capacity: ArrayLike<number>;
  /** Arcs grouped by left node: arcs of left i are edgeRight[edgeStart[i] .. edgeStart[i+1]). */
  edgeStart: Int32Array;
  edgeRight: Int32Array;
  edgeWeight: Float64Array;
  /** Cost, in weight units, of the k-th extra left node on one right node (k·slotPenalty); 0 = none. */
  slotPenalty?: number;
}

export interface BMatchingResult {
  /** For each left node, the index of its arc in edgeRight, or -1 when unmatched. */
  matchedEdge: Int32Array;
  matched: number;
  phases: number;
}

const SCALE = 1e9;

export function solveBMatching(input: BMatchingInput): BMatchingResult {
  const { nLeft, nRight, capacity, edgeStart, edgeRight, edgeWeight } = input;
  const penalty = Math.round((input.slotPenalty ?? 0) * SCALE);
  const S = 0;
  const T = nLeft + nRight + 1;
  const nNodes = T + 1;
  const nArcs = edgeRight.length;

  // Arc list with reverse arcs at index ^ 1.
  let slotArcs = 0;
  for (let j = 0; j < nRight; j++) slotArcs += penalty > 0 ? capacity[j] : capacity[j] > 0 ? 1 : 0;
  const m = 2 * (nLeft + nArcs + slotArcs);
  const to = new Int32Array(m);
  const cap = new Int32Array(m);
  const cost = new Float64Array(m);
  const from = new Int32Array(m);
  let e = 0;
  const add = (u: number, v: number, c: number, w: number) => {
    from[e] = u;
    to[e] = v;
    cap[e] = c;
    cost[e] = w;
    e++;
    from[e] = v;
    to[e] = u;
    cap[e] = 0;
    cost[e] = -w;
    e++;
  };
  for (let i = 0; i < nLeft; i++) add(S, 1 + i, 1, 0);
  const firstPairArc = e;
  for (let i = 0; i < nLeft; i++) {
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++)
      add(1 + i, 1 + nLeft + edgeRight[k], 1, -Math.round(edgeWeight[k] * SCALE));
  }
  for (let j = 0; j < nRight; j++) {
    const c = capacity[j];
    if (c <= 0) continue;
    if (penalty > 0) for (let s = 0; s < c; s++) add(1 + nLeft + j, T, 1, s * penalty);
    else add(1 + nLeft + j, T, c, 0);
  }
  // Adjacency in CSR form.
  const head = new Int32Array(nNodes + 1);
  for (let a = 0; a < m; a++) head[from[a] + 1]++;
  for (let v = 0; v < nNodes; v++) head[v + 1] += head[v];
  const adj = new Int32Array(m);
  const fill = head.slice(0, nNodes);
  for (let a = 0; a < m; a++) adj[fill[from[a]]++] = a;

  // Feasible initial potentials: the graph is layered and only pair arcs have negative cost.
  const pi = new Float64Array(nNodes);
  for (let a = firstPairArc; a < firstPairArc + 2 * nArcs; a += 2) {
    const v = to[a];
    if (cost[a] < pi[v]) pi[v] = cost[a]!;
  }
  let piT = 0;
  let anyT = false;
  for (let a = 0; a < m; a += 2) {
    if (to[a] === T) {
      const candidate = pi[from[a]] + cost[a];
      if (!anyT || candidate < piT) piT = candidate;
      anyT = true;
    }
  }
  pi[T] = piT;

  const dist = new Float64Array(nNodes);
  const done = new Uint8Array(nNodes);
  const heap = new MinHeap(nNodes);
  const current = new Int32Array(nNodes);
  const stack = new Int32Array(nNodes);
  const arcStack = new Int32Array(nNodes);
  let phases = 0;
  let matched = 0;

  for (;;) {
    // Dijkstra from S on reduced costs, stopped once T is settled.
    dist.fill(Infinity);
    done.fill(0);
    heap.clear();
    dist[S] = 0;
    heap.push(S, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u === T) break;
      const du = dist[u];
      for (let p = head[u]; p < head[u + 1]; p++) {
        const a = adj[p];
        if (cap[a] <= 0) continue;
        const v = to[a];
        if (done[v]) continue;
        const nd = du + cost[a] + pi[u] - pi[v];
        if (nd < dist[v]) {
          dist[v] = nd;
          heap.push(v, nd);
        }
      }
    }
    if (!done[T]) break;
    phases++;
    const dT = dist[T];
    for (let v = 0; v < nNodes; v++) pi[v] += Math.min(dist[v], dT);

    // Blocking flow along arcs of zero reduced cost (iterative DFS with current-arc pointers).
    current.set(head.subarray(0, nNodes));
    const visited = new Uint8Array(nNodes);
    for (;;) {
      let depth = 0;
      stack[0] = S;
      visited.fill(0);
      visited[S] = 1;
      let found = false;
      while (depth >= 0) {
        const u = stack[depth];
        if (u === T) {
          found = true;
          break;
        }
        let advanced = false;
        while (current[u] < head[u + 1]) {
          const a = adj[current[u]];
          const v = to[a];
          if (cap[a] > 0 && !visited[v] && cost[a] + pi[u] - pi[v] === 0) {
            arcStack[depth] = a;
            stack[++depth] = v;
            visited[v] = 1;
            advanced = true;
            break;
          }
          current[u]++;
        }
        if (!advanced) {
          depth--;
          if (depth >= 0) current[stack[depth]]++;
        }
      }
      if (!found) break;
      for (let d = 0; d < depth; d++) {
        const a = arcStack[d];
        cap[a]--;
        cap[a ^ 1]++;
      }
      matched++;
    }
  }

  const matchedEdge = new Int32Array(nLeft).fill(-1);
  for (let i = 0; i < nLeft; i++) {
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
      if (cap[firstPairArc + 2 * k] === 0) matchedEdge[i] = k;
    }
  }
  return { matchedEdge, matched, phases };
}
