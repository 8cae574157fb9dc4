import type { BMatchingInput, BMatchingResult } from './b-matching.js';
import { maxCardinality } from './max-cardinality.js';

const SCALE = 1e9;
/** ε is divided by this at each scaling phase (4, 6 and 8 measured within 10 % of each other). */
const ALPHA = 6;
/** Each mentee's list of its best mentors at its last full scan (see `bid`). */
const LIST = 8;
/** Real places are grouped in blocks of this many, each with its cheapest, for the slack bidders. */
const BLOCK = 32;
/**
 * Values and prices must stay exact integers in a double, sums of two included: past this the
 * auction gives up (see solveByAuction).
 */
const PRICE_LIMIT = 2 ** 50;

/**
 * The same optimum as `solveBMatching` (most pairs, then the highest total weight, slot penalties
 * included), by an ε-scaling auction (Bertsekas) on an assignment problem built so that its
 * optimum is exactly that:
 *
 * - F, the most pairs possible, is found first (`maxCardinality`);
 * - bidders: every mentee with an arc, plus (places − F) "slack" bidders that value every place at 0;
 * - objects: every place of every mentor (the k-th place of a mentor costs k × slot penalty to a
 *   mentee), plus (mentees with an arc − F) "unmatched" places that every mentee values at 0 and
 *   slack bidders cannot take.
 *
 * Bidders and objects are equally many, and in every complete assignment exactly F mentees hold a
 * mentor's place (the unmatched places take the rest, the slack bidders the places left), so the
 * best complete assignment is the best matching among the largest ones. The auction finds it
 * exactly: weights are integers (scaled by 10⁹, divided by their common divisor) multiplied by
 * (bidders + 1), and the last phase runs at ε = 1, where a complete assignment within ε of every
 * bidder's best is optimal (its total is within bidders × ε < one unit of the optimum).
 *
 * Why an auction (measured, see docs/BENCHMARKS.md): successive shortest paths over the mentor
 * graph spent most of their time on the last augmentations, when the few free places are far from
 * the few free mentees; a bid costs a look at a mentee's short list of best mentors, and the work
 * grows with the arcs, not with mentors squared. Returns null when prices would outgrow exact
 * integers in a double (weights far beyond the product's 0–1 scores); the caller then solves by
 * shortest paths.
 */
export function solveByAuction(input: BMatchingInput, lastEpsilon = 1): BMatchingResult | null {
  const { nLeft: n, nRight: m, capacity, edgeStart, edgeRight, edgeWeight } = input;
  const most = maxCardinality(n, capacity, edgeStart, edgeRight, edgeWeight, -Infinity);
  const market = buildMarket(input, most);
  if (!market) return null;
  const { top, slack, unmatched, realPlaces, value, groupStart, placeGroup, placeCost } = market;
  const total = groupStart[m + 1];
  const price = new Float64Array(total);
  /** price + place cost: what a mentee pays for the place. */
  const pay = Float64Array.from(placeCost);
  // Within a group (a mentor's places, or the unmatched places at index m) places sit in a
  // min-heap by pay, so a mentee always bids for a group's cheapest place and sees the second.
  const heap = new Int32Array(total);
  const heapAt = new Int32Array(total);
  for (let s = 0; s < total; s++) {
    heap[s] = s;
    heapAt[s] = s - groupStart[placeGroup[s]];
  }
  /** Each group's cheapest and second cheapest pay. */
  const first = new Float64Array(m + 1);
  const second = new Float64Array(m + 1);
  const refreshGroup = (g: number) => {
    const base = groupStart[g];
    const size = groupStart[g + 1] - base;
    first[g] = size > 0 ? pay[heap[base]] : Infinity;
    let next = Infinity;
    if (size > 1) next = pay[heap[base + 1]];
    if (size > 2 && pay[heap[base + 2]] < next) next = pay[heap[base + 2]];
    second[g] = next;
  };
  for (let g = 0; g <= m; g++) refreshGroup(g);
  // Slack bidders pay no place cost: they look for the cheapest real place by price, found among
  // the cheapest of each block.
  const blockMin = new Int32Array(Math.ceil(realPlaces / BLOCK));
  for (let b = 0; b < blockMin.length; b++) blockMin[b] = b * BLOCK;
  // Bidders: mentees 0…n−1, slack bidders n…n+slack−1.
  const holder = new Int32Array(total).fill(-1);
  const holds = new Int32Array(n + slack).fill(-1);
  const arcOf = new Int32Array(n).fill(-1);
  const list = new Int32Array(n * LIST).fill(-1);
  const listGroup = new Int32Array(n * LIST);
  const listValue = new Float64Array(n * LIST);
  /** The (LIST + 1)-th best value at the last scan: no arc off the list is worth more now. */
  const listFloor = new Float64Array(n).fill(Infinity);
  const topValue = new Float64Array(LIST + 1);
  const topArc = new Int32Array(LIST + 1);

  /**
   * One bid: the bidder takes the cheapest place of its best group at the price that leaves it ε
   * better off there than at its second best. Returns who held the place (-1: nobody), or -2 when
   * the price left the exact range.
   */
  const bid = (bidder: number, eps: number): number => {
    let place: number;
    let bidPrice: number;
    if (bidder < n) {
      let best = -Infinity;
      let next = -Infinity;
      let bestArc = -1;
      const base = bidder * LIST;
      for (let x = base; x < base + LIST; x++) {
        const k = list[x];
        if (k < 0) break;
        const v = listValue[x] - first[listGroup[x]];
        if (v > next) {
          if (v > best) {
            next = best;
            best = v;
            bestArc = k;
          } else next = v;
        }
      }
      // Prices only rise, so arcs off the list are worth at most the floor: if the second best on
      // the list is still above it, the list's two best are the mentee's two best. Otherwise the
      // list is rebuilt from all the mentee's arcs.
      if (!(next >= listFloor[bidder])) {
        let count = 0;
        topValue.fill(-Infinity);
        topArc.fill(-1);
        for (let k = edgeStart[bidder]; k < edgeStart[bidder + 1]; k++) {
          const v = value[k] - first[edgeRight[k]];
          if (v === -Infinity) continue; // a mentor with no place
          if (count <= LIST || v > topValue[LIST]) {
            let y = count <= LIST ? count++ : LIST;
            while (y > 0 && topValue[y - 1] < v) {
              topValue[y] = topValue[y - 1];
              topArc[y] = topArc[y - 1];
              y--;
            }
            topValue[y] = v;
            topArc[y] = k;
          }
        }
        for (let x = 0; x < LIST; x++) {
          const k = topArc[x];
          list[base + x] = k;
          if (k >= 0) {
            listGroup[base + x] = edgeRight[k];
            listValue[base + x] = value[k];
          }
        }
        listFloor[bidder] = count > LIST ? topValue[LIST] : -Infinity;
        best = topValue[0];
        bestArc = topArc[0];
        next = topValue[1];
      }
      let group = bestArc >= 0 ? edgeRight[bestArc] : m;
      let worth = bestArc >= 0 ? value[bestArc] : 0;
      if (unmatched > 0) {
        const v = -first[m];
        if (v > best) {
          next = best;
          best = v;
          group = m;
          bestArc = -1;
          worth = 0;
        } else if (v > next) next = v;
      }
      // The group's second place may be the second best.
      const inGroup = worth - second[group];
      if (inGroup > next) next = inGroup;
      // A single option: any raise keeps the bid within ε; one of the value range keeps prices small.
      if (next === -Infinity) next = best - top - eps;
      place = heap[groupStart[group]];
      bidPrice = worth - next + eps - placeCost[place];
      arcOf[bidder] = bestArc;
    } else {
      let low = Infinity;
      let low2 = Infinity;
      place = -1;
      for (let b = 0; b < blockMin.length; b++) {
        const p = price[blockMin[b]];
        if (p < low2) {
          if (p < low) {
            low2 = low;
            low = p;
            place = blockMin[b];
          } else low2 = p;
        }
      }
      const from = place - (place % BLOCK);
      const to = Math.min(realPlaces, from + BLOCK);
      for (let s = from; s < to; s++) if (s !== place && price[s] < low2) low2 = price[s];
      if (low2 === Infinity) low2 = low + top;
      bidPrice = low2 + eps;
    }
    if (!(bidPrice < PRICE_LIMIT)) return -2;
    const evicted = holder[place];
    if (evicted >= 0) holds[evicted] = -1;
    holder[place] = bidder;
    holds[bidder] = place;
    price[place] = bidPrice;
    pay[place] = bidPrice + placeCost[place];
    // The place only got dearer: down its group's heap.
    const g = placeGroup[place];
    const base = groupStart[g];
    const size = groupStart[g + 1] - base;
    let h = heapAt[place];
    const key = pay[place];
    for (;;) {
      let c = 2 * h + 1;
      if (c >= size) break;
      if (c + 1 < size && pay[heap[base + c + 1]] < pay[heap[base + c]]) c++;
      const child = heap[base + c];
      if (pay[child] >= key) break;
      heap[base + h] = child;
      heapAt[child] = h;
      h = c;
    }
    heap[base + h] = place;
    heapAt[place] = h;
    refreshGroup(g);
    if (slack > 0 && place < realPlaces) {
      const b = Math.floor(place / BLOCK);
      if (blockMin[b] === place) {
        let low = place;
        const to = Math.min(realPlaces, (b + 1) * BLOCK);
        for (let s = b * BLOCK; s < to; s++) if (price[s] < price[low]) low = s;
        blockMin[b] = low;
      }
    }
    return evicted;
  };

  // Scaling phases: every bidder starts unassigned (prices kept) and bids until all hold a place.
  // lastEpsilon > 1 (in the scaled units) only to show, in the specs, that stopping early is wrong.
  const queue = new Int32Array(n + slack + 1);
  let eps = Math.max(lastEpsilon, Math.floor(top / ALPHA));
  let phases = 0;
  for (;;) {
    phases++;
    holder.fill(-1);
    holds.fill(-1);
    let tail = 0;
    for (let i = 0; i < n; i++) if (edgeStart[i + 1] > edgeStart[i]) queue[tail++] = i;
    for (let x = 0; x < slack; x++) queue[tail++] = n + x;
    let head = 0;
    let waiting = tail;
    if (tail === queue.length) tail = 0;
    while (waiting > 0) {
      const bidder = queue[head];
      head = head + 1 === queue.length ? 0 : head + 1;
      waiting--;
      const evicted = bid(bidder, eps);
      if (evicted === -2) return null;
      if (evicted >= 0) {
        queue[tail] = evicted;
        tail = tail + 1 === queue.length ? 0 : tail + 1;
        waiting++;
      }
    }
    if (eps <= lastEpsilon) break;
    eps = Math.max(lastEpsilon, Math.floor(eps / ALPHA));
  }
  const matchedEdge = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (holds[i] >= 0 && holds[i] < realPlaces) matchedEdge[i] = arcOf[i];
  return { matchedEdge, matched: most, phases };
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/**
 * The instance as a market, or null when its values cannot stay exact integers in a double:
 * values (scaled, divided by their common divisor, times bidders + 1), the groups of places
 * (one per mentor, then the unmatched places at index m), each place's group and cost.
 */
function buildMarket(input: BMatchingInput, most: number) {
  const { nLeft: n, nRight: m, capacity, edgeStart, edgeWeight } = input;
  const penaltyUnits = Math.round((input.slotPenalty ?? 0) * SCALE);
  // Integer values divided by their common divisor: a coarse score grid needs fewer phases.
  let divisor = penaltyUnits;
  let largest = 0;
  for (let k = 0; k < edgeWeight.length; k++) {
    const v = Math.abs(Math.round(edgeWeight[k] * SCALE));
    if (divisor !== 1) divisor = gcd(v, divisor);
    if (v > largest) largest = v;
  }
  if (divisor === 0) divisor = 1;
  let realPlaces = 0;
  let maxPlaces = 0;
  for (let j = 0; j < m; j++) {
    realPlaces += Math.max(0, capacity[j]);
    maxPlaces = Math.max(maxPlaces, capacity[j]);
  }
  let withArcs = 0;
  for (let i = 0; i < n; i++) if (edgeStart[i + 1] > edgeStart[i]) withArcs++;
  const slack = realPlaces - most;
  const unmatched = withArcs - most;
  const scale = withArcs + slack + 1;
  if (((largest + penaltyUnits * maxPlaces) / divisor) * scale * 4 > PRICE_LIMIT) return null;
  // Exact: each rounded weight is a multiple of the divisor.
  const value = new Float64Array(edgeWeight.length);
  let top = 0;
  for (let k = 0; k < edgeWeight.length; k++) {
    value[k] = (Math.round(edgeWeight[k] * SCALE) / divisor) * scale;
    top = Math.max(top, Math.abs(value[k]));
  }
  const penalty = (penaltyUnits / divisor) * scale;
  const groupStart = new Int32Array(m + 2);
  for (let j = 0; j < m; j++) groupStart[j + 1] = groupStart[j] + Math.max(0, capacity[j]);
  groupStart[m + 1] = groupStart[m] + unmatched;
  const placeGroup = new Int32Array(groupStart[m + 1]);
  const placeCost = new Float64Array(groupStart[m + 1]);
  for (let g = 0; g <= m; g++) {
    for (let s = groupStart[g]; s < groupStart[g + 1]; s++) {
      placeGroup[s] = g;
      if (g < m) placeCost[s] = (s - groupStart[g]) * penalty;
    }
  }
  return { top, slack, unmatched, realPlaces, value, groupStart, placeGroup, placeCost };
}
