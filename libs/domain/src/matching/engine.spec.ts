import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../shared/domain-error.js';
import { ReportingChains } from '../people/reporting-chain.js';
import {
  DEFAULT_MATCHING_OPTIONS,
  type MatchingOptions,
  type MenteeCandidate,
  type MentorCandidate,
} from './candidates.js';
import { solveMatching } from './engine.js';
import { greedyMatching } from './greedy.js';
import { contributions, indexDecisions, pairBlockers } from './pair-rules.js';
import { randomInstance } from '../../../../test/support/matching-instances.js';

const mentee = (id: string, over: Partial<MenteeCandidate> = {}): MenteeCandidate => ({
  personId: id,
  department: 'Ops',
  managementYears: 1,
  languages: ['fr'],
  utcOffsetMinutes: 60,
  gaps: { delegation: 2 },
  goals: [],
  wishes: [],
  ...over,
});
const mentor = (id: string, over: Partial<MentorCandidate> = {}): MentorCandidate => ({
  personId: id,
  department: 'Sales',
  managementYears: 10,
  languages: ['fr', 'en'],
  utcOffsetMinutes: 60,
  capacity: 1,
  strengths: { delegation: 5 },
  trained: true,
  trackRecord: null,
  ...over,
});
const noChains = new ReportingChains([]);
const opts = (over: Partial<MatchingOptions> = {}): MatchingOptions => ({ ...DEFAULT_MATCHING_OPTIONS, ...over });

describe('hard constraints', () => {
  const chains = new ReportingChains([
    { id: 'boss', managerId: null },
    { id: 'mid', managerId: 'boss' },
    { id: 'junior', managerId: 'mid' },
  ]);
  const blockers = (a: MenteeCandidate, b: MentorCandidate, o = opts(), c = chains) =>
    pairBlockers(a, b, o, c, indexDecisions(o.exclusions), indexDecisions(o.bans)).map((x) => x.constraint);

  it('keeps each reason a pair is infeasible', () => {
    expect(blockers(mentee('junior'), mentor('boss'))).toEqual(['IN_REPORTING_CHAIN']);
    expect(blockers(mentee('a', { languages: ['pt'] }), mentor('b'))).toEqual(['NO_SHARED_LANGUAGE']);
    expect(blockers(mentee('a', { managementYears: 12 }), mentor('b'))).toEqual(['LESS_EXPERIENCED']);
    expect(blockers(mentee('a', { department: 'Sales' }), mentor('b'), opts({ excludeSameDepartment: true }))).toEqual([
      'SAME_DEPARTMENT',
    ]);
    expect(blockers(mentee('a', { utcOffsetMinutes: -300 }), mentor('b'), opts({ maxTimeZoneHours: 3 }))).toEqual([
      'TIME_ZONE_TOO_FAR',
    ]);
    expect(blockers(mentee('a'), mentor('b', { trained: false }), opts({ requireTrainedMentors: true }))).toEqual([
      'NOT_TRAINED',
    ]);
    const decision = { menteeId: 'a', mentorId: 'b', by: 'owner-1', reason: 'conflict of interest' };
    expect(blockers(mentee('a'), mentor('b'), opts({ exclusions: [decision] }))).toEqual(['EXCLUDED']);
    expect(blockers(mentee('a'), mentor('b'), opts({ bans: [decision] }))).toEqual(['BANNED']);
    expect(blockers(mentee('junior', { languages: ['pt'] }), mentor('boss'))).toEqual([
      'IN_REPORTING_CHAIN',
      'NO_SHARED_LANGUAGE',
    ]);
  });
});

describe('score', () => {
  it('adds up weighted, normalised criteria', () => {
    const { score, parts } = contributions(
      mentee('a', { gaps: { delegation: 2, feedback: 1 }, wishes: ['b', 'c'], managementYears: 1 }),
      mentor('b', {
        strengths: { delegation: 5, feedback: 4 },
        managementYears: 6,
        trackRecord: 0.8,
        utcOffsetMinutes: 0,
      }),
      DEFAULT_MATCHING_OPTIONS.weights,
    );
    expect(parts.competencyCoverage).toBeCloseTo(0.4 * ((2 * 1 + 1 * 0.5) / 3));
    expect(parts.experience).toBeCloseTo(0.15 * 0.5);
    expect(parts.wishRank).toBeCloseTo(0.15);
    expect(parts.timeZone).toBeCloseTo(0.1 * (1 - 1 / 12));
    expect(parts.trackRecord).toBeCloseTo(0.08);
    expect(parts.crossDepartment).toBeCloseTo(0.1);
    expect(score).toBeCloseTo(Object.values(parts).reduce((s, v) => s + v, 0));
  });
});

describe('matching', () => {
  it('prefers more matched mentees over a higher score', () => {
    // Greedy gives the star mentor to m1 and leaves m2 without anyone; the engine matches both.
    const result = solveMatching(
      [mentee('m1', { languages: ['fr', 'en'] }), mentee('m2')],
      [mentor('star', { languages: ['fr'] }), mentor('other', { languages: ['en'], strengths: {} })],
      opts(),
      noChains,
    );
    expect(result.pairs.map((p) => `${p.menteeId}→${p.mentorId}`).sort()).toEqual(['m1→other', 'm2→star']);
    expect(result.unmatched).toEqual([]);
  });

  it('explains an unmatched mentee: no feasible mentor, with the best blocked candidates', () => {
    const result = solveMatching(
      [mentee('a', { languages: ['pt'] })],
      [mentor('b'), mentor('c', { managementYears: 0 })],
      opts(),
      noChains,
    );
    expect(result.unmatched[0]).toMatchObject({ menteeId: 'a', reason: 'NO_FEASIBLE_MENTOR', feasibleMentors: 0 });
    expect(result.unmatched[0].bestBlocked.map((b) => b.mentorId)).toEqual(['b', 'c']);
    expect(result.unmatched[0].bestBlocked[1].blockers.map((b) => b.constraint)).toEqual([
      'NO_SHARED_LANGUAGE',
      'LESS_EXPERIENCED',
    ]);
  });

  it('explains capacity exhausted', () => {
    const result = solveMatching([mentee('a'), mentee('b')], [mentor('only')], opts(), noChains);
    expect(result.pairs).toHaveLength(1);
    expect(result.unmatched[0]).toMatchObject({ reason: 'CAPACITY_EXHAUSTED', feasibleMentors: 1 });
  });

  it('keeps pins, respects bans, and refuses an infeasible pin', () => {
    const mentees = [mentee('a'), mentee('b')];
    const mentors = [mentor('x', { strengths: { delegation: 5 } }), mentor('y', { strengths: { delegation: 3 } })];
    const free = solveMatching(mentees, mentors, opts(), noChains);
    expect(free.pairs.every((p) => !p.pinned)).toBe(true);
    const pinned = solveMatching(
      mentees,
      mentors,
      opts({ pins: [{ menteeId: 'a', mentorId: 'y', by: 'sup', reason: 'asked' }] }),
      noChains,
    );
    expect(pinned.pairs.find((p) => p.menteeId === 'a')).toMatchObject({ mentorId: 'y', pinned: true });
    expect(pinned.pairs.find((p) => p.menteeId === 'b')!.mentorId).toBe('x');
    const banned = solveMatching(
      mentees,
      mentors,
      opts({
        bans: [
          { menteeId: 'b', mentorId: 'x', by: 'sup', reason: 'clash' },
          { menteeId: 'b', mentorId: 'y', by: 'sup', reason: 'clash' },
        ],
      }),
      noChains,
    );
    expect(banned.unmatched.map((u) => u.menteeId)).toEqual(['b']);
    expect(banned.unmatched[0].bestBlocked[0].blockers[0].constraint).toBe('BANNED');
    expect(() =>
      solveMatching(
        [mentee('a', { languages: ['pt'] })],
        mentors,
        opts({ pins: [{ menteeId: 'a', mentorId: 'x', by: 's', reason: 'r' }] }),
        noChains,
      ),
    ).toThrow(DomainError);
  });

  it('refuses bad input with a field', () => {
    const bad = (o: Partial<MatchingOptions>, mentors = [mentor('x')]) => {
      try {
        solveMatching([mentee('a')], mentors, opts(o), noChains);
      } catch (e) {
        return (e as DomainError).details.field;
      }
      return null;
    };
    expect(bad({ weights: { ...DEFAULT_MATCHING_OPTIONS.weights, experience: Number.NaN } })).toBe(
      'weights.experience',
    );
    expect(bad({}, [mentor('x', { capacity: 0 })])).toBe('capacity');
  });

  it('with the fairness objective, raises the worst pair even at some cost in total', () => {
    // total objective: a→x (1.0) + b→y (0) = 1.0 beats a→y (0.5) + b→x (0.25) = 0.75; fairness picks the latter.
    const mentees = [mentee('a', { gaps: { delegation: 1 } }), mentee('b', { gaps: { feedback: 1, conflict: 3 } })];
    const w = { competencyCoverage: 1, experience: 0, wishRank: 0, timeZone: 0, trackRecord: 0, crossDepartment: 0 };
    const mentors = [
      mentor('x', { strengths: { delegation: 5, feedback: 5, conflict: 3 } }),
      mentor('y', { strengths: { delegation: 4, feedback: 3, conflict: 3 } }),
    ];
    const total = solveMatching(mentees, mentors, opts({ weights: w }), noChains);
    expect(total.totalScore).toBeCloseTo(1.0);
    expect(total.worstScore).toBeCloseTo(0);
    const fair = solveMatching(mentees, mentors, opts({ weights: w, objective: 'fairness' }), noChains);
    expect(fair.worstScore).toBeCloseTo(0.25);
    expect(fair.totalScore).toBeCloseTo(0.75);
  });

  it('with load balance, spreads mentees across mentors', () => {
    const mentees = [mentee('a'), mentee('b')];
    const mentors = [mentor('x', { capacity: 2 }), mentor('y', { capacity: 2, strengths: { delegation: 4 } })];
    expect(new Set(solveMatching(mentees, mentors, opts(), noChains).pairs.map((p) => p.mentorId)).size).toBe(1);
    expect(
      new Set(solveMatching(mentees, mentors, opts({ loadBalance: 0.5 }), noChains).pairs.map((p) => p.mentorId)).size,
    ).toBe(2);
  });
});

/** Exhaustive search over all assignments: the referee for tiny instances. */
function bruteForce(
  mentees: MenteeCandidate[],
  mentors: MentorCandidate[],
  o: MatchingOptions,
  chains: ReportingChains,
) {
  const ex = indexDecisions(o.exclusions);
  const bans = indexDecisions(o.bans);
  const options = mentees.map((a) =>
    mentors.map((b, j) => (pairBlockers(a, b, o, chains, ex, bans).length === 0 ? j : -1)).filter((j) => j >= 0),
  );
  let best = { matched: -1, total: -Infinity };
  const left = mentors.map((m) => m.capacity);
  const walk = (i: number, matched: number, total: number) => {
    if (i === mentees.length) {
      if (matched > best.matched || (matched === best.matched && total > best.total + 1e-12)) best = { matched, total };
      return;
    }
    walk(i + 1, matched, total);
    for (const j of options[i]) {
      if (left[j] <= 0) continue;
      left[j]--;
      walk(i + 1, matched + 1, total + contributions(mentees[i], mentors[j], o.weights).score);
      left[j]++;
    }
  };
  walk(0, 0, 0);
  return best;
}

describe('optimality', () => {
  it('equals exhaustive search on 200 random tiny instances, and never loses to greedy', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { mentees, mentors, chains } = randomInstance(seed, 2 + (seed % 5), 1 + (seed % 3), () => 1 + (seed % 2));
      const engine = solveMatching(mentees, mentors, opts(), chains);
      const exact = bruteForce(mentees, mentors, opts(), chains);
      expect([seed, engine.pairs.length]).toEqual([seed, exact.matched]);
      expect(Math.abs(engine.totalScore - exact.total)).toBeLessThan(1e-6);
      const greedy = greedyMatching(mentees, mentors, opts(), chains);
      expect(
        engine.pairs.length > greedy.matched ||
          (engine.pairs.length === greedy.matched && engine.totalScore >= greedy.totalScore - 1e-9),
      ).toBe(true);
    }
  });

  it('gives the same pairs with a chain oracle that only answers inSameChain (no intervals)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { mentees, mentors, chains } = randomInstance(seed, 30, 10, () => 2);
      const plain = { inSameChain: (a: string, b: string) => chains.inSameChain(a, b) };
      expect(solveMatching(mentees, mentors, opts(), plain).pairs).toEqual(
        solveMatching(mentees, mentors, opts(), chains).pairs,
      );
    }
  });
});
