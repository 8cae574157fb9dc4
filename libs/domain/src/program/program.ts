import { DomainError } from '../shared/domain-error.js';
import { DEFAULT_MENTORSHIP_POLICY, policyProblems, type MentorshipPolicy } from '../mentorship/mentorship-policy.js';
import type { ReviewCadence } from './program-reviews.js';
import type { MatchingWeights } from '../matching/candidates.js';
import { hasRole, type Actor } from '../shared/actor.js';
import type { ProgramEvent } from './program-events.js';
import { SYSTEM_ACTOR } from './program-events.js';
import type { ProgramPhase } from './program-phase.js';
import { emptyMatchingState, evolveMatching, type MatchingState } from './program-matching.js';
import { emptyExecutionState, evolveExecution, type ExecutionState } from './program-execution.js';
import { evolveReviews, type ReviewState } from './program-reviews.js';
import { evolveCycle, type CycleLessons } from './program-cycle.js';
import type { Recognition } from './program-recognition.js';
import type { Participant } from './program-matching.js';

export interface Kpi {
  name: string;
  unit: string;
  baseline: number;
  target: number;
}

export interface StrategicObjective {
  title: string;
  kpis: Kpi[];
}

/** What the owner decides for a program at planning; every field falls back to the deployment's defaults. */
export interface ProgramPolicy {
  mentorship?: Partial<MentorshipPolicy>;
  reviews?: Partial<ReviewCadence>;
  /** Default weights of the matching criteria (a request may still set its own). */
  matchingWeights?: Partial<MatchingWeights>;
}

export interface ProgramDraft {
  programId: string;
  name: string;
  ownerId: string;
  sponsorId: string;
  objectives: StrategicObjective[];
  /** Stakeholders beside the sponsor who follow the program (they may read it). */
  steeringGroup?: string[];
  keySuccessFactors?: string[];
  policy?: ProgramPolicy;
}

export interface ProgramState {
  programId: string;
  name: string;
  ownerId: string;
  sponsorId: string;
  objectives: StrategicObjective[];
  steeringGroup?: string[];
  keySuccessFactors?: string[];
  policy?: ProgramPolicy;
  phase: ProgramPhase;
  launchApprovedAt: string | null;
  launchRemindersSent: number;
  launchEscalated: boolean;
  /** Enrolment, proposals, pins and bans of the cycle (absent in states carried by older runs). */
  matching?: MatchingState;
  /** Training sessions and the cycle's mentorships (absent in states carried by older runs). */
  execution?: ExecutionState;
  /** When the cycle entered EXECUTION: re-alignment reviews count from here. */
  executionSince?: string | null;
  /** Periodic re-alignment reviews of the cycle (absent in states carried by older runs). */
  reviews?: ReviewState[];
  /** Cycle number, from 1 (absent = 1 in states carried by older runs). */
  cycle?: number;
  /** Lessons of every cycle so far, carried across renewals. */
  lessons?: CycleLessons[];
  /** Set between a renewal and the start of the next cycle. */
  renewal?: { nextCycle: number; continuing: Participant[] } | null;
  /** Recognition granted to mentors, all cycles. */
  recognitions?: Recognition[];
  /** Mentees whose mentorship ended early with a rematch asked for (absent in older carried states). */
  rematchRequests?: Array<{
    mentorshipId: string;
    menteeId: string;
    mentorId: string;
    reason: string;
    requestedBy: string;
    at: string;
  }>;
  /** The pilot whose recommendations shaped this program (absent in older carried states). */
  pilot?: { pilotId: string; focusCompetencies: string[]; appliedBy: string; at: string } | null;
  /** Number of events in the stream: the next event gets version `version + 1`. */
  version: number;
}

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
export function launchApprovalOverdue(state: ProgramState, maxReminders: number, now: Date): ProgramEvent[] {
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
  if (state.launchEscalated) return [];
  return [
    {
      type: 'LaunchApprovalEscalated',
      at,
      actorId: SYSTEM_ACTOR,
      data: { sponsorId: state.sponsorId, ownerId: state.ownerId },
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

export function initialProgramState(): ProgramState | null {
  return null;
}

/** Folds one event into the state. Pure; the same events always give the same state. */
export function evolveProgram(state: ProgramState | null, event: ProgramEvent): ProgramState {
  if (event.type === 'ProgramCreated') {
    if (state !== null) throw new Error('ProgramCreated must be the first event of its stream');
    return {
      ...event.data,
      phase: 'LAUNCH_PLANNING',
      launchApprovedAt: null,
      launchRemindersSent: 0,
      launchEscalated: false,
      matching: emptyMatchingState(),
      version: 1,
    };
  }
  if (state === null) throw new Error(`${event.type} before ProgramCreated`);
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ProgramPhaseChanged':
      return { ...next, phase: event.data.to, ...(event.data.to === 'EXECUTION' ? { executionSince: event.at } : {}) };
    case 'ReviewOpened':
    case 'ReviewReminderSent':
    case 'ReviewEscalated':
    case 'ReviewDecided':
      return evolveReviews(next, event);
    case 'LessonsRecorded':
    case 'CycleRenewed':
    case 'CycleStarted':
      return evolveCycle(next, event);
    case 'LaunchApproved':
      return { ...next, launchApprovedAt: event.at };
    case 'LaunchApprovalReminderDue':
      return { ...next, launchRemindersSent: event.data.reminder };
    case 'LaunchApprovalEscalated':
      return { ...next, launchEscalated: true };
    case 'PilotRecommendationsApplied':
      // The pilot's weights become the program's defaults; its focus competencies guide the training.
      return {
        ...next,
        policy: { ...(state.policy ?? {}), matchingWeights: event.data.matchingWeights },
        pilot: {
          pilotId: event.data.pilotId,
          focusCompetencies: event.data.focusCompetencies,
          appliedBy: event.actorId,
          at: event.at,
        },
      };
    case 'RecognitionGranted':
      return {
        ...next,
        recognitions: [...(state.recognitions ?? []), { ...event.data, grantedBy: event.actorId, at: event.at }],
      };
    case 'RematchRequested':
      return {
        ...next,
        rematchRequests: [
          ...(state.rematchRequests ?? []),
          { ...event.data, requestedBy: event.actorId, at: event.at },
        ],
      };
    case 'TrainingSessionRecorded':
    case 'MentorshipPlanned':
    case 'MentorshipStarted':
      return { ...next, execution: evolveExecution(next.execution ?? emptyExecutionState(), event) };
    default:
      return { ...next, matching: evolveMatching(next.matching ?? emptyMatchingState(), event) };
  }
}

export const foldProgram = (events: ProgramEvent[], from: ProgramState | null = null): ProgramState | null =>
  events.reduce<ProgramState | null>((s, e) => evolveProgram(s, e), from);
