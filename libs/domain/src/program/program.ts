import { DEFAULT_MENTORSHIP_POLICY, policyProblems } from '../mentorship/mentorship-policy.js';
import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import { SYSTEM_ACTOR } from '../shared/system-actor.js';
import type { ProgramEvent } from './program-events.js';
import type { ProgramPhase } from './program-phase.js';
import type { ProgramState } from './program-state.js';
import type { ProgramDraft } from './program-values.js';

export const ProgramErrors = {
  wrongPhase: (expected: ProgramPhase, actual: ProgramPhase) =>
    new DomainError(
      'PROGRAM.WRONG_PHASE',
      'WRONG_PHASE',
      `the program is in phase ${actual}; this needs phase ${expected}`,
      {
        expected,
        actual,
      },
    ),
  notSponsor: (personId: string) =>
    new DomainError(
      'PROGRAM.NOT_SPONSOR',
      'FORBIDDEN',
      `only the program's sponsor may approve its launch; ${personId} is not its sponsor`,
    ),
  invalid: (field: string, message: string) =>
    new DomainError('PROGRAM.INVALID', 'INVALID', `${field}: ${message}`, { field, reason: message }),
};

/** Checks a new program's content; throws the first problem found, naming the field. */
export function validateDraft(draft: ProgramDraft): void {
  if (draft.name.trim().length === 0) throw ProgramErrors.invalid('name', 'must not be blank');
  if (draft.ownerId === draft.sponsorId)
    throw ProgramErrors.invalid('sponsorId', 'the sponsor must be another person than the owner');
  if (draft.objectives.length === 0)
    throw ProgramErrors.invalid('objectives', 'at least one strategic objective is needed');
  const group = draft.steeringGroup ?? [];
  if (new Set(group).size !== group.length) throw ProgramErrors.invalid('steeringGroup', 'each person once');
  if (draft.policy?.mentorship) {
    const problem = policyProblems({ ...DEFAULT_MENTORSHIP_POLICY, ...draft.policy.mentorship })[0];
    if (problem) throw ProgramErrors.invalid(`policy.mentorship.${problem.field}`, problem.message);
  }
  for (const [field, value] of Object.entries(draft.policy?.reviews ?? {})) {
    if (!Number.isFinite(value) || value <= 0)
      throw ProgramErrors.invalid(`policy.reviews.${field}`, 'must be a positive duration');
  }
  draft.objectives.forEach((objective, i) => {
    if (objective.kpis.length === 0)
      throw ProgramErrors.invalid(`objectives.${i}.kpis`, 'each objective needs at least one KPI');
    const names = new Set<string>();
    objective.kpis.forEach((kpi, j) => {
      if (names.has(kpi.name))
        throw ProgramErrors.invalid(`objectives.${i}.kpis.${j}.name`, `duplicate KPI name "${kpi.name}"`);
      names.add(kpi.name);
      if (kpi.baseline === kpi.target) {
        throw ProgramErrors.invalid(`objectives.${i}.kpis.${j}.target`, 'the target must differ from the baseline');
      }
    });
  });
}

export function createProgram(draft: ProgramDraft, actorId: string, now: Date): ProgramEvent[] {
  validateDraft(draft);
  const at = now.toISOString();
  return [
    { type: 'ProgramCreated', at, actorId, data: { ...draft } },
    {
      type: 'ProgramPhaseChanged',
      at,
      actorId,
      data: { from: null, to: 'LAUNCH_PLANNING', reason: 'program created' },
    },
  ];
}

/** The validator half of the launch approval: no events, only a refusal when it must not happen. */
export function assertCanApproveLaunch(state: ProgramState, actor: Actor): void {
  if (actor.personId !== state.sponsorId || !hasRole(actor, 'sponsor')) throw ProgramErrors.notSponsor(actor.personId);
  if (state.phase !== 'LAUNCH_PLANNING') throw ProgramErrors.wrongPhase('LAUNCH_PLANNING', state.phase);
}

export function approveLaunch(state: ProgramState, actor: Actor, comment: string | null, now: Date): ProgramEvent[] {
  assertCanApproveLaunch(state, actor);
  const at = now.toISOString();
  return [
    { type: 'LaunchApproved', at, actorId: actor.personId, data: { sponsorId: state.sponsorId, comment } },
    {
      type: 'ProgramPhaseChanged',
      at,
      actorId: actor.personId,
      data: { from: state.phase, to: 'SELECTION_MATCHING', reason: 'launch approved by the sponsor' },
    },
  ];
}

/**
 * The launch approval is overdue: remind the sponsor, and once `maxReminders` went unanswered,
 * escalate to the owner (once). Returns no events when the phase moved on meanwhile.
 */
/**
 * The sponsor has not approved the launch in time: a reminder (up to `maxReminders`), then the owner
 * is told; with `repeatMs` (the follow-up ladder) the owner is told again every `repeatMs` after that.
 */
export function launchApprovalOverdue(
  state: ProgramState,
  maxReminders: number,
  now: Date,
  repeatMs?: number,
): ProgramEvent[] {
  if (state.phase !== 'LAUNCH_PLANNING') return [];
  const at = now.toISOString();
  if (state.launchRemindersSent < maxReminders) {
    return [
      {
        type: 'LaunchApprovalReminderDue',
        at,
        actorId: SYSTEM_ACTOR,
        data: { sponsorId: state.sponsorId, reminder: state.launchRemindersSent + 1 },
      },
    ];
  }
  const escalation = { sponsorId: state.sponsorId, ownerId: state.ownerId };
  if (!state.launchEscalated) return [{ type: 'LaunchApprovalEscalated', at, actorId: SYSTEM_ACTOR, data: escalation }];
  const last = state.launchEscalations;
  if (repeatMs === undefined || last === undefined || now.getTime() < Date.parse(last.lastAt) + repeatMs) return [];
  return [
    {
      type: 'LaunchApprovalEscalated',
      at,
      actorId: SYSTEM_ACTOR,
      data: { ...escalation, round: last.rounds + 1 },
    },
  ];
}

/** A mentorship ended early asks for its mentee to be matched again; recorded once per mentorship. */
export function requestRematch(
  state: ProgramState,
  request: { mentorshipId: string; menteeId: string; mentorId: string; reason: string; requestedBy: string },
  now: Date,
): ProgramEvent[] {
  if ((state.rematchRequests ?? []).some((r) => r.mentorshipId === request.mentorshipId)) return [];
  const { requestedBy, ...data } = request;
  return [{ type: 'RematchRequested', at: now.toISOString(), actorId: requestedBy, data }];
}
