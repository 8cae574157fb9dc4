import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import type { TrainingPlan } from '../cases/training-plan.js';
import type { ProgramEvent } from './program-events.js';
import { invalid, notOwner, wrongPhase } from './program-refusals.js';
import { cycleOf, type ProgramState, type TrainingPlanState } from './program-state.js';
import type { TrainingPlanItemEdit, TrainingSession } from './program-values.js';

const noPlan = () =>
  new DomainError('PROGRAM.NO_TRAINING_PLAN', 'CONFLICT', 'no training plan has been proposed for this cycle yet');
const ownerIn = (s: ProgramState, actor: Actor, phases: string[]) => {
  if (actor.personId !== s.ownerId || !hasRole(actor, 'owner')) throw notOwner(actor);
  if (!phases.includes(s.phase)) throw wrongPhase(s, phases);
};

export const trainingPlanOf = (s: ProgramState): TrainingPlanState | null => s.trainingPlan ?? null;

/** The validator half of a proposal: the owner, in TRAINING, a plan for this cycle. */
export function assertCanProposeTrainingPlan(s: ProgramState, actor: Actor, plan: TrainingPlan): void {
  ownerIn(s, actor, ['TRAINING']);
  if (plan.cycle !== cycleOf(s))
    throw invalid('plan.cycle', `the program is in cycle ${cycleOf(s)}, not ${plan.cycle}`);
  if (plan.minClosedMentorships < 0 || !Number.isInteger(plan.minClosedMentorships))
    throw invalid('plan.minClosedMentorships', 'a whole number ≥ 0');
  const enrolled = new Map((s.matching?.participants ?? []).map((p) => [`${p.role}:${p.personId}`, p]));
  plan.eligibleTrainers.forEach((t, i) => {
    const ok =
      t.reason === 'supervisor'
        ? enrolled.has(`supervisor:${t.personId}`)
        : enrolled.has(`mentor:${t.personId}`) && t.closedMentorships >= plan.minClosedMentorships;
    if (!ok)
      throw invalid(
        `plan.eligibleTrainers.${i}`,
        `${t.personId} is neither an enrolled supervisor nor a mentor with ${plan.minClosedMentorships} closed mentorships`,
      );
  });
}

/**
 * Records the proposed plan (computed from the cohort, the mentors and the case library by
 * proposeTrainingPlanItems). A new proposal replaces the earlier one and its edits.
 */
export function proposeTrainingPlan(s: ProgramState, actor: Actor, plan: TrainingPlan, now: Date): ProgramEvent[] {
  assertCanProposeTrainingPlan(s, actor, plan);
  return [{ type: 'TrainingPlanProposed', at: now.toISOString(), actorId: actor.personId, data: plan }];
}

/** Trainers must be experienced: a supervisor, or a mentor with enough closed mentorships, as recorded in the proposal. */
export function assertCanEditTrainingPlan(s: ProgramState, actor: Actor, items: TrainingPlanItemEdit[]): void {
  ownerIn(s, actor, ['TRAINING', 'EXECUTION']);
  const current = trainingPlanOf(s);
  if (!current) throw noPlan();
  const trainers = new Set(current.plan.eligibleTrainers.map((t) => t.personId));
  const cases = new Set(current.plan.cases.map((c) => c.caseId));
  const proposed = new Set(current.plan.items.map((i) => i.competencyKey));
  const seen = new Set<string>();
  if (items.length === 0) throw invalid('items', 'at least one item');
  items.forEach((item, i) => {
    if (!proposed.has(item.competencyKey))
      throw invalid(`items.${i}.competencyKey`, `"${item.competencyKey}" is not a competency of the proposed plan`);
    if (seen.has(item.competencyKey)) throw invalid(`items.${i}.competencyKey`, 'each competency once');
    seen.add(item.competencyKey);
    if (item.title.trim().length === 0 || item.title.length > 200)
      throw invalid(`items.${i}.title`, '1-200 characters');
    if (item.trainerIds.length === 0) throw invalid(`items.${i}.trainerIds`, 'at least one trainer');
    item.trainerIds.forEach((id, j) => {
      if (!trainers.has(id))
        throw invalid(
          `items.${i}.trainerIds.${j}`,
          `${id} is not an experienced trainer (a supervisor, or a mentor with ${current.plan.minClosedMentorships} closed mentorships)`,
        );
    });
    item.caseIds.forEach((id, j) => {
      if (!cases.has(id)) throw invalid(`items.${i}.caseIds.${j}`, `${id} is not a case offered by the proposal`);
    });
  });
}

export function editTrainingPlan(
  s: ProgramState,
  actor: Actor,
  items: TrainingPlanItemEdit[],
  now: Date,
): ProgramEvent[] {
  assertCanEditTrainingPlan(s, actor, items);
  const clean = items.map((i) => ({ ...i, title: i.title.trim() }));
  return [{ type: 'TrainingPlanEdited', at: now.toISOString(), actorId: actor.personId, data: { items: clean } }];
}

/** A session recorded against the plan: its item must be in the plan, its trainers experienced. */
export function assertSessionFitsPlan(s: ProgramState, session: TrainingSession): void {
  if (session.planItem === undefined && session.trainerIds === undefined) return;
  const current = trainingPlanOf(s);
  if (!current) throw noPlan();
  if (session.planItem !== undefined && !current.items.some((i) => i.competencyKey === session.planItem))
    throw invalid('planItem', `"${session.planItem}" is not an item of the training plan`);
  const trainers = new Set(current.plan.eligibleTrainers.map((t) => t.personId));
  (session.trainerIds ?? []).forEach((id, i) => {
    if (!trainers.has(id)) throw invalid(`trainerIds.${i}`, `${id} is not an experienced trainer of this cycle's plan`);
  });
}

export function evolveTrainingPlan(s: ProgramState, event: ProgramEvent): ProgramState {
  switch (event.type) {
    case 'TrainingPlanProposed':
      return {
        ...s,
        trainingPlan: {
          plan: event.data,
          proposedBy: event.actorId,
          proposedAt: event.at,
          items: event.data.items,
          edits: 0,
        },
      };
    case 'TrainingPlanEdited': {
      const current = s.trainingPlan;
      if (!current) return s;
      const byKey = new Map(current.plan.items.map((i) => [i.competencyKey, i]));
      return {
        ...s,
        trainingPlan: {
          ...current,
          items: event.data.items.map((edit) => ({ ...byKey.get(edit.competencyKey)!, ...edit })),
          edits: current.edits + 1,
        },
      };
    }
    default:
      return s;
  }
}
