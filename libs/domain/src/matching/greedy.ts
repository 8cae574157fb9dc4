import type { ChainOracle, MatchingOptions, MenteeCandidate, MentorCandidate } from './candidates.js';
import { contributions, indexDecisions, pairBlockers } from './pair-rules.js';

/** The baseline the engine must never lose to: best-scoring feasible pairs first, while capacity lasts. */
export function greedyMatching(
  mentees: MenteeCandidate[],
  mentors: MentorCandidate[],
  options: MatchingOptions,
  chains: ChainOracle,
) {
  const exclusions = indexDecisions(options.exclusions);
  const bans = indexDecisions(options.bans);
  const arcs: Array<{ i: number; j: number; score: number }> = [];
  mentees.forEach((mentee, i) =>
    mentors.forEach((mentor, j) => {
      if (pairBlockers(mentee, mentor, options, chains, exclusions, bans).length === 0)
        arcs.push({ i, j, score: contributions(mentee, mentor, options.weights).score });
    }),
  );
  arcs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  const left = mentors.map((m) => m.capacity);
  const taken = new Set<number>();
  let matched = 0;
  let totalScore = 0;
  for (const { i, j, score } of arcs) {
    if (taken.has(i) || left[j] <= 0) continue;
    taken.add(i);
    left[j]--;
    matched++;
    totalScore += score;
  }
  return { matched, totalScore };
}
