import type { BMatchingInput, BMatchingResult } from './b-matching.js';
import { maxCardinality } from './max-cardinality.js';

const SCALE = 1e9;
/** ε is divided by this at each scaling phase (4, 6 and 8 measured within 10 % of each other). */
const ALPHA = 6;
/** Each mentee's list of its best mentors at its last full scan (see `Market.rescan`). */
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
  const { nLeft, capacity, edgeStart, edgeRight, edgeWeight } = input;
  const most = maxCardinality(nLeft, capacity, edgeStart, edgeRight, edgeWeight, -Infinity);
  const market = Market.build(input, most);
  if (!market) return null;
  // lastEpsilon > 1 (in the scaled units) only to show, in the specs, that stopping early is wrong.
  let eps = Math.max(lastEpsilon, Math.floor(market.top / ALPHA));
  let phases = 0;
  for (;;) {
    phases++;
    if (!market.phase(eps)) return null;
    if (eps <= lastEpsilon) break;
    eps = Math.max(lastEpsilon, Math.floor(eps / ALPHA));
  }
  return { matchedEdge: market.result(), matched: most, phases };
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
 * Bidders, objects and prices. Object groups: one per mentor (its places) and one for the
 * unmatched places (index m). Within a group, places sit in a min-heap by price + slot cost, so a
 * mentee always bids for a group's cheapest place and sees the second cheapest; bidders' indices:
 * mentees 0…n−1, slack bidders n…n+slack−1.
 */
class Market {
  /** Largest value of an arc in size (scaled), the first ε's base. */
  top = 0;
  private readonly n: number;
  private readonly slack: number;
  private readonly unmatched: number;
  private readonly realPlaces: number;
  private readonly value: Float64Array;
  private readonly groupStart: Int32Array;
  private readonly placeGroup: Int32Array;
  private readonly placeCost: Float64Array;
  private readonly price: Float64Array;
  /** price + place cost: what a mentee pays for the place. */
  private readonly pay: Float64Array;
  private readonly heap: Int32Array;
  private readonly heapAt: Int32Array;
  /** Each group's cheapest and second cheapest pay. */
  private readonly first: Float64Array;
  private readonly second: Float64Array;
  private readonly blockMin: Int32Array;
  private readonly holder: Int32Array;
  private readonly holds: Int32Array;
  private readonly arcOf: Int32Array;
  private readonly list: Int32Array;
  private readonly listGroup: Int32Array;
  private readonly listValue: Float64Array;
  /** The (LIST + 1)-th best value at the last scan: no arc off the list is worth more now. */
  private readonly listFloor: Float64Array;
  private readonly topValue = new Float64Array(LIST + 1);
  private readonly topArc = new Int32Array(LIST + 1);
  private readonly queue: Int32Array;
  /** Set by `choose`: the place to bid for and the price bid. */
  private place = -1;
  private bidPrice = 0;

  private constructor(
    private readonly input: BMatchingInput,
    most: number,
    divisor: number,
    scale: number,
  ) {
    const { nLeft: n, nRight: m, capacity, edgeStart, edgeWeight } = input;
    this.n = n;
    let places = 0;
    for (let j = 0; j < m; j++) places += Math.max(0, capacity[j]);
    let withArcs = 0;
    for (let i = 0; i < n; i++) if (edgeStart[i + 1] > edgeStart[i]) withArcs++;
    this.slack = places - most;
    this.unmatched = withArcs - most;
    // Exact: each rounded weight is a multiple of the divisor.
    this.value = new Float64Array(edgeWeight.length);
    for (let k = 0; k < edgeWeight.length; k++) {
      this.value[k] = (Math.round(edgeWeight[k] * SCALE) / divisor) * scale;
      this.top = Math.max(this.top, Math.abs(this.value[k]));
    }
    const penalty = (Math.round((input.slotPenalty ?? 0) * SCALE) / divisor) * scale;
    this.groupStart = new Int32Array(m + 2);
    for (let j = 0; j < m; j++) this.groupStart[j + 1] = this.groupStart[j] + Math.max(0, capacity[j]);
    this.groupStart[m + 1] = this.groupStart[m] + this.unmatched;
    this.realPlaces = places;
    const total = places + this.unmatched;
    this.placeGroup = new Int32Array(total);
    this.placeCost = new Float64Array(total);
    this.heap = new Int32Array(total);
    this.heapAt = new Int32Array(total);
    for (let g = 0; g <= m; g++) {
      for (let s = this.groupStart[g]; s < this.groupStart[g + 1]; s++) {
        this.placeGroup[s] = g;
        if (g < m) this.placeCost[s] = (s - this.groupStart[g]) * penalty;
        this.heap[s] = s;
        this.heapAt[s] = s - this.groupStart[g];
      }
    }
    this.price = new Float64Array(total);
    this.pay = Float64Array.from(this.placeCost);
    this.first = new Float64Array(m + 1);
    this.second = new Float64Array(m + 1);
    for (let g = 0; g <= m; g++) this.refreshGroup(g);
    this.blockMin = new Int32Array(Math.ceil(places / BLOCK));
    for (let b = 0; b < this.blockMin.length; b++) this.blockMin[b] = b * BLOCK;
    this.holder = new Int32Array(total).fill(-1);
    this.holds = new Int32Array(n + this.slack).fill(-1);
    this.arcOf = new Int32Array(n).fill(-1);
    this.list = new Int32Array(n * LIST).fill(-1);
    this.listGroup = new Int32Array(n * LIST);
    this.listValue = new Float64Array(n * LIST);
    this.listFloor = new Float64Array(n).fill(Infinity);
    this.queue = new Int32Array(n + this.slack + 1);
  }

  /** The market of the instance, or null when its values cannot stay exact integers in a double. */
  static build(input: BMatchingInput, most: number): Market | null {
    const { nLeft, capacity, edgeStart, edgeWeight } = input;
    const penaltyUnits = Math.round((input.slotPenalty ?? 0) * SCALE);
    // Integer values divided by their common divisor: a coarse score grid needs fewer phases.
    let divisor = penaltyUnits;
    let top = 0;
    for (let k = 0; k < edgeWeight.length; k++) {
      const v = Math.round(edgeWeight[k] * SCALE);
      if (divisor !== 1) divisor = gcd(Math.abs(v), divisor);
      top = Math.max(top, Math.abs(v));
    }
    if (divisor === 0) divisor = 1;
    let places = 0;
    for (let j = 0; j < capacity.length; j++) places += Math.max(0, capacity[j]);
    let withArcs = 0;
    for (let i = 0; i < nLeft; i++) if (edgeStart[i + 1] > edgeStart[i]) withArcs++;
    let maxPlaces = 0;
    for (let j = 0; j < capacity.length; j++) maxPlaces = Math.max(maxPlaces, capacity[j]);
    const scale = withArcs + places - most + 1;
    if (((top + penaltyUnits * maxPlaces) / divisor) * scale * 4 > PRICE_LIMIT) return null;
    return new Market(input, most, divisor, scale);
  }

  /**
   * One scaling phase: every bidder starts unassigned (prices kept) and bids until all hold a
   * place. False when a price left the exact range.
   */
  phase(eps: number): boolean {
    const { n, slack, queue, holder, holds } = this;
    const { edgeStart } = this.input;
    holder.fill(-1);
    holds.fill(-1);
    let tail = 0;
    for (let i = 0; i < n; i++) if (edgeStart[i + 1] > edgeStart[i]) queue[tail++] = i;
    for (let x = 0; x < slack; x++) queue[tail++] = n + x;
    const size = queue.length;
    let head = 0;
    let waiting = tail;
    if (tail === size) tail = 0;
    while (waiting > 0) {
      const bidder = queue[head];
      head = head + 1 === size ? 0 : head + 1;
      waiting--;
      if (bidder < n) this.chooseForMentee(bidder, eps);
      else this.chooseForSlack(eps);
      if (!(this.bidPrice < PRICE_LIMIT)) return false;
      const evicted = this.take(bidder);
      if (evicted >= 0) {
        queue[tail] = evicted;
        tail = tail + 1 === size ? 0 : tail + 1;
        waiting++;
      }
    }
    return true;
  }

  /** Each mentee's arc when it holds a mentor's place, else -1. */
  result(): Int32Array {
    const out = new Int32Array(this.n).fill(-1);
    for (let i = 0; i < this.n; i++) if (this.holds[i] >= 0 && this.holds[i] < this.realPlaces) out[i] = this.arcOf[i];
    return out;
  }

  /**
   * A mentee's bid: its best group (a mentor, or the unmatched places), from its list when the
   * list still proves it, and the price that leaves it ε better off there than at its second best.
   */
  private chooseForMentee(i: number, eps: number): void {
    const { list, listGroup, listValue, first, second, value } = this;
    const m = this.input.nRight;
    let best = -Infinity;
    let next = -Infinity;
    let bestArc = -1;
    const base = i * LIST;
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
    // the list is still above it, the list's two best are the mentee's two best.
    if (!(next >= this.listFloor[i])) {
      this.rescan(i);
      best = this.topValue[0];
      bestArc = this.topArc[0];
      next = this.topValue[1];
    }
    let group = bestArc >= 0 ? this.input.edgeRight[bestArc] : m;
    let worth = bestArc >= 0 ? value[bestArc] : 0;
    if (this.unmatched > 0) {
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
    if (next === -Infinity) next = best - this.top - eps;
    const place = this.heap[this.groupStart[group]];
    this.place = place;
    this.bidPrice = worth - next + eps - this.placeCost[place];
    this.arcOf[i] = bestArc;
  }

  /** Rebuilds mentee i's list: its LIST + 1 best arcs at today's prices, best first. */
  private rescan(i: number): void {
    const { topValue, topArc, value, first } = this;
    const { edgeStart, edgeRight } = this.input;
    let count = 0;
    topValue.fill(-Infinity);
    topArc.fill(-1);
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
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
    const base = i * LIST;
    for (let x = 0; x < LIST; x++) {
      const k = topArc[x];
      this.list[base + x] = k;
      if (k >= 0) {
        this.listGroup[base + x] = edgeRight[k];
        this.listValue[base + x] = value[k];
      }
    }
    this.listFloor[i] = count > LIST ? topValue[LIST] : -Infinity;
  }

  /** A slack bidder's bid: the cheapest real place (by price: slack pays no place cost). */
  private chooseForSlack(eps: number): void {
    const { blockMin, price } = this;
    let best = -1;
    let low = Infinity;
    let low2 = Infinity;
    for (let b = 0; b < blockMin.length; b++) {
      const p = price[blockMin[b]];
      if (p < low2) {
        if (p < low) {
          low2 = low;
          low = p;
          best = blockMin[b];
        } else low2 = p;
      }
    }
    const from = best - (best % BLOCK);
    const to = Math.min(this.realPlaces, from + BLOCK);
    for (let s = from; s < to; s++) if (s !== best && price[s] < low2) low2 = price[s];
    if (low2 === Infinity) low2 = low + this.top;
    this.place = best;
    this.bidPrice = low2 + eps;
  }

  /** Gives the chosen place to the bidder at the bid price; returns who held it (-1: nobody). */
  private take(bidder: number): number {
    const { place, price, pay, heap, heapAt } = this;
    const evicted = this.holder[place];
    if (evicted >= 0) this.holds[evicted] = -1;
    this.holder[place] = bidder;
    this.holds[bidder] = place;
    price[place] = this.bidPrice;
    pay[place] = this.bidPrice + this.placeCost[place];
    // The place only got dearer: down its group's heap.
    const g = this.placeGroup[place];
    const base = this.groupStart[g];
    const size = this.groupStart[g + 1] - base;
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
    this.refreshGroup(g);
    if (this.slack > 0 && place < this.realPlaces) {
      const b = Math.floor(place / BLOCK);
      if (this.blockMin[b] === place) {
        let low = place;
        const to = Math.min(this.realPlaces, (b + 1) * BLOCK);
        for (let s = b * BLOCK; s < to; s++) if (price[s] < price[low]) low = s;
        this.blockMin[b] = low;
      }
    }
    return evicted;
  }

  private refreshGroup(g: number): void {
    const { heap, pay } = this;
    const base = this.groupStart[g];
    const size = this.groupStart[g + 1] - base;
    this.first[g] = size > 0 ? pay[heap[base]] : Infinity;
    let next = Infinity;
    if (size > 1) next = pay[heap[base + 1]];
    if (size > 2 && pay[heap[base + 2]] < next) next = pay[heap[base + 2]];
    this.second[g] = next;
  }
}
