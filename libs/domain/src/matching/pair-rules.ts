import type { ChainOracle, Criterion, MatchingOptions, MenteeCandidate, MentorCandidate } from './candidates.js';
import { CRITERIA } from './candidates.js';

export const CONSTRAINTS = [
  'SAME_PERSON',
  'IN_REPORTING_CHAIN',
  'NO_SHARED_LANGUAGE',
  'NO_CAPACITY',
  'EXCLUDED',
  'BANNED',
  'LESS_EXPERIENCED',
  'SAME_DEPARTMENT',
  'TIME_ZONE_TOO_FAR',
  'NOT_TRAINED',
] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

export interface Blocker {
  constraint: Constraint;
  detail: string;
}

export type DecisionIndex = Map<string, { by: string; reason: string }>;
export const pairKey = (menteeId: string, mentorId: string) => `${menteeId}\u0000${mentorId}`;
export const indexDecisions = (decisions: MatchingOptions['exclusions']): DecisionIndex =>
  new Map(decisions.map((d) => [pairKey(d.menteeId, d.mentorId), { by: d.by, reason: d.reason }]));

/** Every hard constraint the pair breaks (empty = feasible). */
export function pairBlockers(
  mentee: MenteeCandidate,
  mentor: MentorCandidate,
  options: MatchingOptions,
  chains: ChainOracle,
  exclusions: DecisionIndex,
  bans: DecisionIndex,
): Blocker[] {
  const out: Blocker[] = [];
  if (mentee.personId === mentor.personId)
    return [{ constraint: 'SAME_PERSON', detail: 'a person cannot mentor themselves' }];
  if (chains.inSameChain(mentee.personId, mentor.personId))
    out.push({ constraint: 'IN_REPORTING_CHAIN', detail: 'one reports to the other, directly or not' });
  if (!mentee.languages.some((l) => mentor.languages.includes(l))) {
    out.push({
      constraint: 'NO_SHARED_LANGUAGE',
      detail: `mentee speaks ${mentee.languages.join('/')}, mentor ${mentor.languages.join('/')}`,
    });
  }
  if (mentor.capacity <= 0) out.push({ constraint: 'NO_CAPACITY', detail: 'the mentor takes no mentee in this cycle' });
  const excluded = exclusions.get(pairKey(mentee.personId, mentor.personId));
  if (excluded) out.push({ constraint: 'EXCLUDED', detail: `${excluded.reason} (${excluded.by})` });
  const banned = bans.get(pairKey(mentee.personId, mentor.personId));
  if (banned) out.push({ constraint: 'BANNED', detail: `${banned.reason} (${banned.by})` });
  if (mentor.managementYears < mentee.managementYears) {
    out.push({
      constraint: 'LESS_EXPERIENCED',
      detail: `mentor ${mentor.managementYears} years of management, mentee ${mentee.managementYears}`,
    });
  }
  if (options.excludeSameDepartment && mentee.department === mentor.department)
    out.push({ constraint: 'SAME_DEPARTMENT', detail: `both in ${mentor.department}` });
  if (options.maxTimeZoneHours !== null) {
    const hours = timeZoneHours(mentee, mentor);
    if (hours > options.maxTimeZoneHours)
      out.push({ constraint: 'TIME_ZONE_TOO_FAR', detail: `${hours} h apart (at most ${options.maxTimeZoneHours})` });
  }
  if (options.requireTrainedMentors && !mentor.trained)
    out.push({ constraint: 'NOT_TRAINED', detail: 'the mentor has not completed the training' });
  return out;
}

/** Hours between the two on a 24-hour clock (at most 12). */
export function timeZoneHours(a: { utcOffsetMinutes: number }, b: { utcOffsetMinutes: number }): number {
  return offsetHoursApart(a.utcOffsetMinutes, b.utcOffsetMinutes);
}

/** The same, from the two UTC offsets in minutes (for callers that keep them in arrays). */
export function offsetHoursApart(aMinutes: number, bMinutes: number): number {
  const diff = Math.abs(aMinutes - bMinutes) % 1440;
  return Math.min(diff, 1440 - diff) / 60;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/**
 * Each criterion normalised to 0..1:
 * - competencyCoverage: over the mentee's needs (gap levels, a stated goal counting at least 1),
 *   how strong the mentor is: level 3 or less 0, 4 → 0.5, 5 → 1; weighted by the size of the need.
 * - experience: management years ahead of the mentee, 10 years or more = 1.
 * - wishRank: the mentee's first wish 1, then linearly down; not wished 0.
 * - timeZone: 1 in the same zone, 0 at 12 hours apart.
 * - trackRecord: the mentor's earlier outcomes; 0.5 when they have none (no penalty, no bonus).
 * - crossDepartment: 1 when the two work in different departments (wider networks).
 */
export function criteria(mentee: MenteeCandidate, mentor: MentorCandidate): Record<Criterion, number> {
  const needs = new Map<string, number>(Object.entries(mentee.gaps).filter(([, g]) => g > 0));
  for (const goal of mentee.goals) needs.set(goal, Math.max(1, needs.get(goal) ?? 0));
  let weighted = 0;
  let total = 0;
  for (const [key, size] of needs) {
    weighted += size * clamp01(((mentor.strengths[key] ?? 0) - 3) / 2);
    total += size;
  }
  const rank = mentee.wishes.indexOf(mentor.personId);
  return {
    competencyCoverage: total === 0 ? 0 : weighted / total,
    experience: clamp01((mentor.managementYears - mentee.managementYears) / 10),
    wishRank: rank < 0 ? 0 : 1 - rank / mentee.wishes.length,
    timeZone: 1 - timeZoneHours(mentee, mentor) / 12,
    trackRecord: mentor.trackRecord ?? 0.5,
    crossDepartment: mentee.department === mentor.department ? 0 : 1,
  };
}

export function contributions(
  mentee: MenteeCandidate,
  mentor: MentorCandidate,
  weights: Record<Criterion, number>,
): { score: number; parts: Record<Criterion, number> } {
  const values = criteria(mentee, mentor);
  const parts = {} as Record<Criterion, number>;
  let score = 0;
  for (const c of CRITERIA) {
    parts[c] = values[c] * weights[c];
    score += parts[c];
  }
  return { score, parts };
}
