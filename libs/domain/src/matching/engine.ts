import { DomainError } from '../shared/domain-error.js';
import { FastPairs, feasibleArcs } from './fast-pairs.js';
import { solveArcs } from './objective.js';
import type { ChainOracle, Criterion, MatchingOptions, MenteeCandidate, MentorCandidate } from './candidates.js';
import { CRITERIA } from './candidates.js';
import { contributions, indexDecisions, pairBlockers, pairKey, type Blocker } from './pair-rules.js';

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
  const arcs = feasibleArcs(fast, free, mentors.length);
  const solved = solveArcs({ nLeft: free.length, nRight: mentors.length, capacity: remaining, ...arcs }, options);

  const pairOf = new Map<number, number>(pinnedOf);
  free.forEach((i, li) => {
    if (solved.mentorOf[li] >= 0) pairOf.set(i, solved.mentorOf[li]);
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
    worstScore: pairs.length === 0 ? null : pairs.reduce((w, p) => Math.min(w, p.score), Infinity),
    stats: {
      mentees: mentees.length,
      mentors: mentors.length,
      feasiblePairs: arcs.edgeRight.length + pinnedOf.size,
      infeasiblePairs: arcs.infeasible,
      phases: solved.phases,
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
  // The three best blocked mentors, kept in order as they come (a full sort of every blocked
  // mentor, for each of thousands of unmatched mentees, cost more than the solve when places are short).
  const infeasible: Array<{ j: number; mentorId: string; score: number }> = [];
  const before = (x: { mentorId: string; score: number }, y: { mentorId: string; score: number }) =>
    y.score - x.score || x.mentorId.localeCompare(y.mentorId);
  for (let j = 0; j < mentors.length; j++) {
    if (fast.feasible(i, j)) {
      feasibleMentors++;
      continue;
    }
    const score = fast.score(i, j);
    if (infeasible.length === 3 && score < infeasible[2].score) continue;
    const candidate = { j, mentorId: mentors[j].personId, score };
    let at = infeasible.length;
    while (at > 0 && before(candidate, infeasible[at - 1]) < 0) at--;
    if (at < 3) infeasible.splice(at, 0, candidate);
    if (infeasible.length > 3) infeasible.pop();
  }
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
