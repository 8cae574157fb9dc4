import { casesFor, type TrainingCase } from './case-library.js';

/** A person who may give a training: a supervisor, or a mentor with enough closed mentorships. */
export interface EligibleTrainer {
  personId: string;
  reason: 'supervisor' | 'mentor';
  closedMentorships: number;
}

export interface TrainingPlanItem {
  competencyKey: string;
  title: string;
  audience: 'mentors' | 'mentees';
  /** Mentees of the cycle who target the competency, and their mean gap (target − level) where known. */
  menteesTargeting: number;
  meanGap: number | null;
  /** Enrolled mentors whose level covers it (≥ 4, or the highest target among the mentees if higher). */
  mentorsAbleToCover: string[];
  trainerIds: string[];
  caseIds: string[];
}

export interface TrainingPlan {
  cycle: number;
  /** The experience rule in force when the plan was proposed. */
  minClosedMentorships: number;
  eligibleTrainers: EligibleTrainer[];
  items: TrainingPlanItem[];
  /** The cases the plan cites or may cite (a few more per item), as they were when it was proposed. */
  cases: TrainingCase[];
}

export interface TrainingPlanInput {
  cycle: number;
  mentees: Array<{
    personId: string;
    goals: string[];
    gaps: Record<string, number | null>;
    targets: Record<string, number>;
  }>;
  mentors: Array<{ personId: string; levels: Record<string, number> }>;
  supervisors: string[];
  /** Closed mentorships as a mentor, by person, across every program and the pilot. */
  closedMentorships: ReadonlyMap<string, number>;
  minClosedMentorships: number;
  cases: TrainingCase[];
  competencyNames: ReadonlyMap<string, string>;
}

export const DEFAULT_MIN_CLOSED_MENTORSHIPS = 2;
const COVER_LEVEL = 4;
const round = (x: number) => Math.round(x * 100) / 100;

/** Who the domain accepts as a trainer: experienced, checked here rather than trusted from a form. */
export function eligibleTrainers(
  input: Pick<TrainingPlanInput, 'mentors' | 'supervisors' | 'closedMentorships' | 'minClosedMentorships'>,
): EligibleTrainer[] {
  const out = new Map<string, EligibleTrainer>();
  for (const id of input.supervisors)
    out.set(id, { personId: id, reason: 'supervisor', closedMentorships: input.closedMentorships.get(id) ?? 0 });
  for (const m of input.mentors) {
    const closed = input.closedMentorships.get(m.personId) ?? 0;
    if (!out.has(m.personId) && closed >= input.minClosedMentorships)
      out.set(m.personId, { personId: m.personId, reason: 'mentor', closedMentorships: closed });
  }
  return [...out.values()].sort(
    (a, b) => b.closedMentorships - a.closedMentorships || a.personId.localeCompare(b.personId),
  );
}

/**
 * The proposed training of a cycle: one item per competency the cohort targets, most-targeted and
 * widest gap first, with the mentors able to cover it, experienced trainers (those who cover it
 * first), and the most relevant cases from earlier mentorships. The owner edits it afterwards.
 */
export function proposeTrainingPlanItems(input: TrainingPlanInput): TrainingPlan {
  const trainers = eligibleTrainers(input);
  const targeted = new Map<string, typeof input.mentees>();
  for (const m of input.mentees) for (const g of new Set(m.goals)) targeted.set(g, [...(targeted.get(g) ?? []), m]);
  const items: TrainingPlanItem[] = [...targeted].map(([key, mentees]) => {
    const gaps = mentees.map((m) => m.gaps[key]).filter((g): g is number => g !== null && g !== undefined);
    const need = Math.max(COVER_LEVEL, ...mentees.map((m) => m.targets[key] ?? 0));
    const mentorsAbleToCover = input.mentors
      .filter((m) => (m.levels[key] ?? 0) >= need)
      .map((m) => m.personId)
      .sort();
    const covering = new Set(mentorsAbleToCover);
    const trainerIds = [...trainers]
      .sort((a, b) => Number(covering.has(b.personId)) - Number(covering.has(a.personId)))
      .slice(0, 2)
      .map((t) => t.personId);
    const name = input.competencyNames.get(key) ?? key;
    return {
      competencyKey: key,
      title: `${name}: cases from earlier mentorships`,
      audience: 'mentors' as const,
      menteesTargeting: mentees.length,
      meanGap: gaps.length ? round(gaps.reduce((a, b) => a + b, 0) / gaps.length) : null,
      mentorsAbleToCover,
      trainerIds,
      caseIds: casesFor(input.cases, key).map((c) => c.caseId),
    };
  });
  items.sort(
    (a, b) =>
      b.menteesTargeting - a.menteesTargeting ||
      (b.meanGap ?? -Infinity) - (a.meanGap ?? -Infinity) ||
      a.competencyKey.localeCompare(b.competencyKey),
  );
  // The cases the owner may pick from when editing: a few more per item than the plan cites.
  const cited = new Set([...targeted.keys()].flatMap((key) => casesFor(input.cases, key, 6).map((c) => c.caseId)));
  return {
    cycle: input.cycle,
    minClosedMentorships: input.minClosedMentorships,
    eligibleTrainers: trainers,
    items,
    cases: input.cases.filter((c) => cited.has(c.caseId)),
  };
}
