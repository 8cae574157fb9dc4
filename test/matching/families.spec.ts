import { describe, expect, it } from '@jest/globals';
import {
  contributions,
  indexDecisions,
  pairBlockers,
  solveMatching,
  type MatchingOptions,
  type MatchingResult,
} from '../../libs/domain/src/index.js';
import { loadHighs, type Highs } from './highs.js';
import { FAMILIES, familyInstance, type FamilyName } from './families.js';

interface Arc {
  i: number;
  j: number;
  score: number;
}
interface Optimum {
  matched: number;
  objective: number;
  worst: number | null;
}

/** Feasible pairs and scores by the explaining code path (pairBlockers, contributions), not the engine's. */
function instanceArcs(name: FamilyName, seed: number, nMentees: number, nMentors: number) {
  const { options, candidates } = familyInstance(name, seed, nMentees, nMentors);
  const { mentees, mentors, chains } = candidates();
  const none = indexDecisions([]);
  const arcs: Arc[] = [];
  mentees.forEach((a, i) =>
    mentors.forEach((b, j) => {
      if (pairBlockers(a, b, options, chains, none, none).length === 0)
        arcs.push({ i, j, score: contributions(a, b, options.weights).score });
    }),
  );
  const capacity = mentors.map((m) => m.capacity);
  const engine = solveMatching(mentees, mentors, options, chains);
  return { options, mentees, mentors, arcs, capacity, engine };
}

/** The engine's own figures: pairs, total less the load-balance price, worst pair. */
function engineOptimum(result: MatchingResult, options: MatchingOptions): Optimum {
  const load = new Map<string, number>();
  for (const p of result.pairs) load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
  const price = [...load.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0) * options.loadBalance;
  return { matched: result.pairs.length, objective: result.totalScore - price, worst: result.worstScore };
}

/** Every assignment of each mentee to a mentor or to none, kept when better in the objective's order. */
function exhaustive(nMentees: number, capacity: number[], arcs: Arc[], options: MatchingOptions): Optimum {
  const byMentee = Array.from({ length: nMentees }, (_, i) => arcs.filter((a) => a.i === i));
  const load = capacity.map(() => 0);
  let best: Optimum = { matched: 0, objective: 0, worst: null };
  const better = (x: Optimum, y: Optimum) => {
    if (x.matched !== y.matched) return x.matched > y.matched;
    if (options.objective === 'fairness' && x.worst !== y.worst && x.worst !== null && y.worst !== null)
      if (Math.abs(x.worst - y.worst) > 1e-12) return x.worst > y.worst;
    return x.objective > y.objective + 1e-12;
  };
  const walk = (i: number, matched: number, objective: number, worst: number | null) => {
    if (i === nMentees) {
      const here = { matched, objective, worst };
      if (better(here, best)) best = here;
      return;
    }
    walk(i + 1, matched, objective, worst);
    for (const a of byMentee[i]) {
      if (load[a.j] >= capacity[a.j]) continue;
      const price = load[a.j] * options.loadBalance;
      load[a.j]++;
      walk(i + 1, matched + 1, objective + a.score - price, worst === null ? a.score : Math.min(worst, a.score));
      load[a.j]--;
    }
  };
  walk(0, 0, 0, null);
  return best;
}

/**
 * The same problem as linear programs for HiGHS (a network: mentee → mentor → the mentor's k-th
 * place priced k × loadBalance → sink, so the LP optimum is integral). Stage 1: most pairs. With
 * the fairness objective, a binary search over the scores for the best worst pair, each step an LP.
 * Last stage: the pairs fixed at their maximum, the highest total less the places' price.
 */
function highsOptimum(highs: Highs, capacity: number[], arcs: Arc[], options: MatchingOptions): Optimum {
  const lp = (kept: Arc[], objective: 'pairs' | 'score', atLeast: number | null) => {
    const x = (a: Arc) => `x${a.i}_${a.j}`;
    const rows: string[] = [];
    const mentees = [...new Set(kept.map((a) => a.i))];
    for (const i of mentees)
      rows.push(
        ` e${i}: ${kept
          .filter((a) => a.i === i)
          .map(x)
          .join(' + ')} <= 1`,
      );
    const places: string[] = [];
    capacity.forEach((c, j) => {
      const into = kept.filter((a) => a.j === j).map(x);
      if (into.length === 0) return;
      const slots = Array.from({ length: c }, (_, k) => `y${j}_${k}`);
      places.push(...slots.map((y, k) => ` ${(k * options.loadBalance).toFixed(12)} ${y}`));
      rows.push(` m${j}: ${into.join(' + ')} - ${slots.join(' - ')} = 0`);
    });
    if (atLeast !== null) rows.push(` card: ${kept.map(x).join(' + ')} >= ${atLeast}`);
    const goal =
      objective === 'pairs'
        ? kept.map(x).join(' + ')
        : `${kept.map((a) => `${a.score.toFixed(12)} ${x(a)}`).join(' + ')}${places.map((p) => ` -${p}`).join('')}`;
    const bounds = [
      ...kept.map((a) => ` 0 <= ${x(a)} <= 1`),
      ...capacity.flatMap((c, j) => Array.from({ length: c }, (_, k) => ` 0 <= y${j}_${k} <= 1`)),
    ];
    const text = `Maximize\n obj: ${goal}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
    const solved = highs.solve(text);
    expect(solved.Status).toBe('Optimal');
    return solved.ObjectiveValue;
  };
  if (arcs.length === 0) return { matched: 0, objective: 0, worst: null };
  const matched = Math.round(lp(arcs, 'pairs', null));
  let kept = arcs;
  let worst: number | null = null;
  if (options.objective === 'fairness') {
    const levels = [...new Set(arcs.map((a) => a.score))].sort((a, b) => a - b);
    let lo = 0;
    let hi = levels.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (
        Math.round(
          lp(
            arcs.filter((a) => a.score >= levels[mid]),
            'pairs',
            null,
          ),
        ) === matched
      )
        lo = mid;
      else hi = mid - 1;
    }
    worst = levels[lo];
    kept = arcs.filter((a) => a.score >= levels[lo]);
  }
  return { matched, objective: lp(kept, 'score', matched), worst };
}

/** Every mentee is either in one pair or explained, with the right reason. */
function expectExplained(result: MatchingResult, arcs: Arc[], menteeIds: string[]) {
  const paired = new Set(result.pairs.map((p) => p.menteeId));
  expect(paired.size).toBe(result.pairs.length);
  const feasible = menteeIds.map((_, i) => arcs.filter((a) => a.i === i).length);
  const explained = new Map(result.unmatched.map((u) => [u.menteeId, u]));
  menteeIds.forEach((id, i) => {
    expect(paired.has(id) !== explained.has(id)).toBe(true);
    const u = explained.get(id);
    if (u) {
      expect(u.feasibleMentors).toBe(feasible[i]);
      expect(u.reason).toBe(feasible[i] === 0 ? 'NO_FEASIBLE_MENTOR' : 'CAPACITY_EXHAUSTED');
    }
  });
  for (const p of result.pairs)
    expect(Math.abs(Object.values(p.contributions).reduce((s, v) => s + v, 0) - p.score)).toBeLessThan(1e-12);
}

function expectSame(got: Optimum, want: Optimum, label: string) {
  expect({ label, matched: got.matched }).toEqual({ label, matched: want.matched });
  expect({ label, objective: Math.abs(got.objective - want.objective) < 1e-6 }).toEqual({ label, objective: true });
  if (want.worst !== null)
    expect({ label, worst: Math.abs((got.worst ?? NaN) - want.worst) < 1e-9 }).toEqual({ label, worst: true });
}

describe('matching engine on every family of cohort', () => {
  it('equals exhaustive search on small instances (places short, sparse pairs, ties, load balance, fairness…)', () => {
    for (const name of FAMILIES) {
      for (const [seed, nMentees, nMentors] of [
        [1, 6, 3],
        [2, 7, 3],
        [3, 8, 2],
        [4, 5, 4],
      ] as const) {
        const { options, mentees, arcs, capacity, engine } = instanceArcs(name, seed, nMentees, nMentors);
        const want = exhaustive(mentees.length, capacity, arcs, options);
        const label = `${name} seed ${seed} ${nMentees}×${nMentors}`;
        expectSame(
          engineOptimum(engine, options),
          options.objective === 'fairness' ? want : { ...want, worst: null },
          label,
        );
        expectExplained(
          engine,
          arcs,
          mentees.map((m) => m.personId),
        );
      }
    }
  });

  it('equals HiGHS on instances up to 160 mentees × 40 mentors of every family', async () => {
    const highs = await loadHighs();
    for (const name of FAMILIES) {
      for (const [seed, nMentees, nMentors] of [
        [11, 30, 8],
        [12, 80, 20],
        [13, 160, 40],
      ] as const) {
        const { options, mentees, arcs, capacity, engine } = instanceArcs(name, seed, nMentees, nMentors);
        const want = highsOptimum(highs, capacity, arcs, options);
        expectSame(engineOptimum(engine, options), want, `${name} seed ${seed} ${nMentees}×${nMentors}`);
        expectExplained(
          engine,
          arcs,
          mentees.map((m) => m.personId),
        );
      }
    }
  }, 300_000);

  it('builds each family as described: places short, pairs sparse, scores on a grid', () => {
    const share = (name: FamilyName) => {
      const { mentees, arcs, capacity } = instanceArcs(name, 5, 500, 100);
      return {
        places: capacity.reduce((s, c) => s + c, 0) / mentees.length,
        feasible: arcs.length / (500 * 100),
        arcs,
      };
    };
    expect(share('scarce').places).toBeCloseTo(0.6, 1);
    expect(share('capacities').places).toBeGreaterThan(0.85);
    expect(share('capacities').places).toBeLessThan(1.05);
    expect(share('sparse').feasible).toBeGreaterThan(0.09);
    expect(share('sparse').feasible).toBeLessThan(0.15);
    expect(new Set(share('ties').arcs.map((a) => Math.round(a.score * 1e9))).size).toBeLessThanOrEqual(11);
  });
});
