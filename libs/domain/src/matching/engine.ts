import { DomainError } from '../shared/domain-error.js';
import { maxCardinality } from './max-cardinality.js';
import { solveBMatchingOverMentors } from './mentor-paths.js';
import type { ChainOracle, Criterion, MatchingOptions, MenteeCandidate, MentorCandidate } from './candidates.js';
import { CRITERIA } from './candidates.js';
import { contributions, indexDecisions, offsetHoursApart, pairBlockers, pairKey, type Blocker } from './pair-rules.js';

export interface ProposedPair {
  menteeId: string;
  mentorId: string;
  score: number;
  /** Each criterion's weighted contribution; they add up to `score`. */
  contributions: Record<Criterion, number>;
  pinned: boolean;
}

export interface UnmatchedMentee {
  menteeId: string;
  reason: 'NO_FEASIBLE_MENTOR' | 'CAPACITY_EXHAUSTED';
  feasibleMentors: number;
  /** The best-scoring mentors this mentee could not have, with what blocked each (at most 3). */
  bestBlocked: Array<{ mentorId: string; score: number; blockers: Blocker[] }>;
}

export interface MatchingResult {
  pairs: ProposedPair[];
  unmatched: UnmatchedMentee[];
  totalScore: number;
  worstScore: number | null;
  stats: { mentees: number; mentors: number; feasiblePairs: number; infeasiblePairs: number; phases: number };
}

const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`MATCHING.${code}`, 'INVALID', message, details);

/**
 * Proposes pairs for a cycle: the most mentees matched, then the best total score (or, with the
 * fairness objective, the best worst pair first), within every hard constraint and capacity, with
 * pins kept and bans respected. Deterministic for the same input order.
 */
export function solveMatching(
  mentees: MenteeCandidate[],
  mentors: MentorCandidate[],
  options: MatchingOptions,
  chains: ChainOracle,
): MatchingResult {
  checkInput(mentees, mentors, options);
  const exclusions = indexDecisions(options.exclusions);
  const bans = indexDecisions(options.bans);
  const mentorIndex = new Map(mentors.map((m, j) => [m.personId, j]));
  const menteeIndex = new Map(mentees.map((m, i) => [m.personId, i]));

  // Pins first: checked like any pair, then taken out of the problem.
  const remaining = Int32Array.from(mentors, (m) => m.capacity);
  const pinnedOf = new Map<number, number>();
  for (const pin of options.pins) {
    const i = menteeIndex.get(pin.menteeId);
    const j = mentorIndex.get(pin.mentorId);
    if (i === undefined || j === undefined)
      throw invalid('PIN_UNKNOWN', `pin ${pin.menteeId} → ${pin.mentorId}: both must be enrolled in the cycle`, {
        field: 'pins',
      });
    if (pinnedOf.has(i)) throw invalid('PIN_TWICE', `mentee ${pin.menteeId} is pinned twice`, { field: 'pins' });
    const blockers = pairBlockers(mentees[i], mentors[j], options, chains, exclusions, bans);
    if (blockers.length > 0) {
      throw invalid(
        'PIN_INFEASIBLE',
        `pin ${pin.menteeId} → ${pin.mentorId} breaks: ${blockers.map((b) => `${b.constraint} (${b.detail})`).join('; ')}`,
        { field: 'pins', blockers },
      );
    }
    if (remaining[j] <= 0)
      throw invalid('PIN_OVER_CAPACITY', `mentor ${pin.mentorId} has more pins than capacity`, { field: 'pins' });
    remaining[j]--;
    pinnedOf.set(i, j);
  }

  // Feasible arcs of the free mentees, with their scores (fast path: no explanation objects).
  const free = mentees.map((_, i) => i).filter((i) => !pinnedOf.has(i));
  const fast = new FastPairs(mentees, mentors, options, chains, exclusions, bans);
  const edgeStart = new Int32Array(free.length + 1);
  const rights: number[] = [];
  const weights: number[] = [];
  let infeasible = 0;
  free.forEach((i, li) => {
    for (let j = 0; j < mentors.length; j++) {
      if (fast.feasible(i, j)) {
        rights.push(j);
        weights.push(fast.score(i, j));
      } else infeasible++;
    }
    edgeStart[li + 1] = rights.length;
  });
  const edgeRight = Int32Array.from(rights);
  const edgeWeight = Float64Array.from(weights);

  let solveStart = edgeStart;
  let solveRight = edgeRight;
  let solveWeight = edgeWeight;
  let phases = 0;
  if (options.objective === 'fairness' && edgeRight.length > 0) {
    const bottleneck = bestBottleneck(free.length, remaining, edgeStart, edgeRight, edgeWeight);
    phases += bottleneck.phases;
    ({
      edgeStart: solveStart,
      edgeRight: solveRight,
      edgeWeight: solveWeight,
    } = keepAtLeast(edgeStart, edgeRight, edgeWeight, bottleneck.threshold));
  }
  const problem = {
    nLeft: free.length,
    nRight: mentors.length,
    capacity: remaining,
    edgeStart: solveStart,
    edgeRight: solveRight,
    edgeWeight: solveWeight,
  };
  const solved = solveBMatchingOverMentors({ ...problem, slotPenalty: options.loadBalance });
  phases += solved.phases;

  const pairOf = new Map<number, number>(pinnedOf);
  free.forEach((i, li) => {
    const k = solved.matchedEdge[li];
    if (k >= 0) pairOf.set(i, solveRight[k]);
  });
  const pinnedSet = new Set(pinnedOf.keys());
  const pairs: ProposedPair[] = [];
  for (const [i, j] of [...pairOf].sort(([a], [b]) => a - b)) {
    const { score, parts } = contributions(mentees[i], mentors[j], options.weights);
    pairs.push({
      menteeId: mentees[i].personId,
      mentorId: mentors[j].personId,
      score,
      contributions: parts,
      pinned: pinnedSet.has(i),
    });
  }
  const unmatched = mentees
    .map((_, i) => i)
    .filter((i) => !pairOf.has(i))
    .map((i) => explainUnmatched(i, mentees, mentors, options, chains, exclusions, bans, fast));
  return {
    pairs,
    unmatched,
    totalScore: pairs.reduce((s, p) => s + p.score, 0),
    worstScore: pairs.length === 0 ? null : Math.min(...pairs.map((p) => p.score)),
    stats: {
      mentees: mentees.length,
      mentors: mentors.length,
      feasiblePairs: edgeRight.length + pinnedOf.size,
      infeasiblePairs: infeasible,
      phases,
    },
  };
}

function checkInput(mentees: MenteeCandidate[], mentors: MentorCandidate[], options: MatchingOptions): void {
  for (const c of CRITERIA) {
    const w = options.weights[c];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      throw invalid('BAD_WEIGHT', `weights.${c} must be a number ≥ 0`, { field: `weights.${c}` });
  }
  if (!Number.isFinite(options.loadBalance) || options.loadBalance < 0)
    throw invalid('BAD_OPTION', 'loadBalance must be a number ≥ 0', { field: 'loadBalance' });
  const seen = new Set<string>();
  for (const m of mentees) {
    if (seen.has(`mentee:${m.personId}`))
      throw invalid('DUPLICATE', `mentee ${m.personId} appears twice`, { field: 'mentees' });
    seen.add(`mentee:${m.personId}`);
  }
  for (const m of mentors) {
    if (seen.has(`mentor:${m.personId}`))
      throw invalid('DUPLICATE', `mentor ${m.personId} appears twice`, { field: 'mentors' });
    seen.add(`mentor:${m.personId}`);
    if (!Number.isInteger(m.capacity) || m.capacity < 1)
      throw invalid('BAD_CAPACITY', `mentor ${m.personId}: capacity must be a whole number ≥ 1`, { field: 'capacity' });
  }
  const pinned = new Set(options.pins.map((p) => pairKey(p.menteeId, p.mentorId)));
  for (const ban of options.bans) {
    if (pinned.has(pairKey(ban.menteeId, ban.mentorId)))
      throw invalid('PIN_AND_BAN', `${ban.menteeId} → ${ban.mentorId} is both pinned and banned`, { field: 'bans' });
  }
}

/**
 * Precomputed per-person data so that millions of pairs cost a few operations each: languages as
 * bit sets, competencies and wishes by index instead of by key, reporting-line intervals as
 * numbers. Scores are computed in the same order as `contributions`, so they are the same numbers.
 */
class FastPairs {
  private readonly languageWords: number;
  private readonly menteeLanguages: Uint32Array;
  private readonly mentorLanguages: Uint32Array;
  private readonly needKeys: Int32Array[];
  private readonly needSizes: Float64Array[];
  private readonly needTotal: Float64Array;
  /** Per mentor and competency index: how far their level covers a gap, 0 to 1. */
  private readonly cover: Float64Array;
  private readonly competencies: number;
  private readonly wishRank: Array<Map<number, number>>;
  /** Reporting-line intervals (enter, exit) per mentee and mentor; NaN outside the lines. */
  private readonly menteeSpan: Float64Array;
  private readonly mentorSpan: Float64Array;
  // The rest of each person's fields as numbers (departments and ids by index).
  private readonly menteeYears: Float64Array;
  private readonly mentorYears: Float64Array;
  private readonly menteeOffset: Float64Array;
  private readonly mentorOffset: Float64Array;
  private readonly menteeDepartment: Int32Array;
  private readonly mentorDepartment: Int32Array;
  private readonly menteePerson: Int32Array;
  private readonly mentorPerson: Int32Array;
  private readonly mentorTrack: Float64Array;
  private readonly mentorUsable: Uint8Array;

  constructor(
    private readonly mentees: MenteeCandidate[],
    private readonly mentors: MentorCandidate[],
    private readonly options: MatchingOptions,
    private readonly chains: ChainOracle,
    private readonly exclusions: Map<string, unknown>,
    private readonly bans: Map<string, unknown>,
  ) {
    /** The key's number, given on first sight. */
    const indexOf = (index: Map<string, number>, key: string) => {
      if (!index.has(key)) index.set(key, index.size);
      return index.get(key)!;
    };
    const languageIndex = new Map<string, number>();
    for (const p of [...mentees, ...mentors]) for (const l of p.languages) indexOf(languageIndex, l);
    this.languageWords = Math.max(1, Math.ceil(languageIndex.size / 32));
    const bits = (people: Array<{ languages: string[] }>) => {
      const out = new Uint32Array(people.length * this.languageWords);
      people.forEach((p, i) => {
        for (const l of p.languages) {
          const b = languageIndex.get(l)!;
          out[i * this.languageWords + (b >> 5)] |= 1 << (b & 31);
        }
      });
      return out;
    };
    this.menteeLanguages = bits(mentees);
    this.mentorLanguages = bits(mentors);

    const competencyIndex = new Map<string, number>();
    const needs = mentees.map((m) => {
      const byKey = new Map<string, number>(Object.entries(m.gaps).filter(([, g]) => g > 0));
      for (const goal of m.goals) byKey.set(goal, Math.max(1, byKey.get(goal) ?? 0));
      for (const key of byKey.keys()) indexOf(competencyIndex, key);
      return [...byKey];
    });
    this.needKeys = needs.map((n) => Int32Array.from(n, ([key]) => competencyIndex.get(key)!));
    this.needSizes = needs.map((n) => Float64Array.from(n, ([, size]) => size));
    this.needTotal = Float64Array.from(needs, (n) => n.reduce((s, [, v]) => s + v, 0));
    this.competencies = competencyIndex.size;
    this.cover = new Float64Array(mentors.length * this.competencies);
    mentors.forEach((b, j) => {
      for (const [key, c] of competencyIndex)
        this.cover[j * this.competencies + c] = Math.max(0, Math.min(1, ((b.strengths[key] ?? 0) - 3) / 2));
    });
    const mentorIndex = new Map(mentors.map((m, j) => [m.personId, j]));
    this.wishRank = mentees.map((m) => {
      const ranks = new Map<number, number>();
      m.wishes.forEach((w, r) => {
        const j = mentorIndex.get(w);
        if (j !== undefined && !ranks.has(j)) ranks.set(j, 1 - r / m.wishes.length);
      });
      return ranks;
    });

    const spans = (people: Array<{ personId: string }>) => {
      const out = new Float64Array(people.length * 2).fill(NaN);
      if (chains.span) {
        people.forEach((p, i) => {
          const s = chains.span!(p.personId);
          if (s) [out[2 * i], out[2 * i + 1]] = s;
        });
      }
      return out;
    };
    this.menteeSpan = spans(mentees);
    this.mentorSpan = spans(mentors);

    const departments = new Map<string, number>();
    const persons = new Map<string, number>();
    this.menteeYears = Float64Array.from(mentees, (m) => m.managementYears);
    this.mentorYears = Float64Array.from(mentors, (m) => m.managementYears);
    this.menteeOffset = Float64Array.from(mentees, (m) => m.utcOffsetMinutes);
    this.mentorOffset = Float64Array.from(mentors, (m) => m.utcOffsetMinutes);
    this.menteeDepartment = Int32Array.from(mentees, (m) => indexOf(departments, m.department));
    this.mentorDepartment = Int32Array.from(mentors, (m) => indexOf(departments, m.department));
    this.menteePerson = Int32Array.from(mentees, (m) => indexOf(persons, m.personId));
    this.mentorPerson = Int32Array.from(mentors, (m) => indexOf(persons, m.personId));
    this.mentorTrack = Float64Array.from(mentors, (m) => m.trackRecord ?? 0.5);
    this.mentorUsable = Uint8Array.from(mentors, (m) =>
      m.capacity > 0 && (m.trained || !options.requireTrainedMentors) ? 1 : 0,
    );
  }

  private wishRow = new Float64Array(0);
  private wishRowOf = -1;
  /** Mentee i's wish value for every mentor, kept for the last mentee asked (pairs come by mentee). */
  private wishesOf(i: number): Float64Array {
    if (this.wishRowOf !== i) {
      if (this.wishRow.length !== this.mentors.length) this.wishRow = new Float64Array(this.mentors.length);
      else this.wishRow.fill(0);
      for (const [j, value] of this.wishRank[i]) this.wishRow[j] = value;
      this.wishRowOf = i;
    }
    return this.wishRow;
  }

  private hoursApart(i: number, j: number): number {
    return offsetHoursApart(this.menteeOffset[i], this.mentorOffset[j]);
  }

  private shareLanguage(i: number, j: number): boolean {
    for (let w = 0; w < this.languageWords; w++)
      if ((this.menteeLanguages[i * this.languageWords + w] & this.mentorLanguages[j * this.languageWords + w]) !== 0)
        return true;
    return false;
  }

  private inSameChain(i: number, j: number): boolean {
    if (!this.chains.span) return this.chains.inSameChain(this.mentees[i].personId, this.mentors[j].personId);
    const ae = this.menteeSpan[2 * i];
    const ax = this.menteeSpan[2 * i + 1];
    const be = this.mentorSpan[2 * j];
    const bx = this.mentorSpan[2 * j + 1];
    // NaN (outside the lines) makes every comparison false: not in the same chain.
    return (ae < be && bx < ax) || (be < ae && ax < bx);
  }

  feasible(i: number, j: number): boolean {
    const o = this.options;
    if (
      this.menteePerson[i] === this.mentorPerson[j] ||
      this.mentorYears[j] < this.menteeYears[i] ||
      !this.mentorUsable[j]
    )
      return false;
    if (o.excludeSameDepartment && this.menteeDepartment[i] === this.mentorDepartment[j]) return false;
    if (o.maxTimeZoneHours !== null && this.hoursApart(i, j) > o.maxTimeZoneHours) return false;
    if (!this.shareLanguage(i, j)) return false;
    if (this.inSameChain(i, j)) return false;
    if (this.exclusions.size > 0 || this.bans.size > 0) {
      const key = pairKey(this.mentees[i].personId, this.mentors[j].personId);
      if (this.exclusions.has(key) || this.bans.has(key)) return false;
    }
    return true;
  }

  /** Same value as `contributions(...).score`, without building objects. */
  score(i: number, j: number): number {
    const w = this.options.weights;
    let coverage = 0;
    const total = this.needTotal[i];
    if (total > 0) {
      let weighted = 0;
      const keys = this.needKeys[i];
      const sizes = this.needSizes[i];
      const base = j * this.competencies;
      for (let n = 0; n < keys.length; n++) weighted += sizes[n] * this.cover[base + keys[n]];
      coverage = weighted / total;
    }
    return (
      w.competencyCoverage * coverage +
      w.experience * Math.max(0, Math.min(1, (this.mentorYears[j] - this.menteeYears[i]) / 10)) +
      w.wishRank * this.wishesOf(i)[j] +
      w.timeZone * (1 - this.hoursApart(i, j) / 12) +
      w.trackRecord * this.mentorTrack[j] +
      w.crossDepartment * (this.menteeDepartment[i] === this.mentorDepartment[j] ? 0 : 1)
    );
  }
}

function explainUnmatched(
  i: number,
  mentees: MenteeCandidate[],
  mentors: MentorCandidate[],
  options: MatchingOptions,
  chains: ChainOracle,
  exclusions: ReturnType<typeof indexDecisions>,
  bans: ReturnType<typeof indexDecisions>,
  fast: FastPairs,
): UnmatchedMentee {
  const mentee = mentees[i];
  let feasibleMentors = 0;
  const infeasible: Array<{ j: number; mentorId: string; score: number }> = [];
  mentors.forEach((mentor, j) => {
    if (fast.feasible(i, j)) feasibleMentors++;
    else infeasible.push({ j, mentorId: mentor.personId, score: fast.score(i, j) });
  });
  infeasible.sort((x, y) => y.score - x.score || x.mentorId.localeCompare(y.mentorId));
  // The reasons are spelled out for the three shown only: the explaining path is the slow one.
  const bestBlocked = infeasible.slice(0, 3).map(({ j, mentorId, score }) => ({
    mentorId,
    score,
    blockers: pairBlockers(mentee, mentors[j], options, chains, exclusions, bans),
  }));
  return {
    menteeId: mentee.personId,
    reason: feasibleMentors === 0 ? 'NO_FEASIBLE_MENTOR' : 'CAPACITY_EXHAUSTED',
    feasibleMentors,
    bestBlocked,
  };
}

/** The highest score t such that using only pairs scoring ≥ t still matches as many mentees as possible. */
function bestBottleneck(
  nLeft: number,
  capacity: Int32Array,
  edgeStart: Int32Array,
  edgeRight: Int32Array,
  edgeWeight: Float64Array,
): { threshold: number; phases: number } {
  const cardinality = (threshold: number) =>
    maxCardinality(nLeft, capacity, edgeStart, edgeRight, edgeWeight, threshold);
  let phases = 1;
  const full = cardinality(-Infinity);
  const thresholds = [...new Set(edgeWeight)].sort((a, b) => a - b);
  let lo = 0;
  let hi = thresholds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    phases++;
    if (cardinality(thresholds[mid]) === full) lo = mid;
    else hi = mid - 1;
  }
  return { threshold: thresholds[lo], phases };
}

function keepAtLeast(edgeStart: Int32Array, edgeRight: Int32Array, edgeWeight: Float64Array, threshold: number) {
  const start = new Int32Array(edgeStart.length);
  const right: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i + 1 < edgeStart.length; i++) {
    for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
      if (edgeWeight[k] >= threshold) {
        right.push(edgeRight[k]);
        weight.push(edgeWeight[k]);
      }
    }
    start[i + 1] = right.length;
  }
  return { edgeStart: start, edgeRight: Int32Array.from(right), edgeWeight: Float64Array.from(weight) };
}
