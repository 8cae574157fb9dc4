import { evolveCycle } from './program-cycle.js';
import type { ProgramEvent } from './program-events.js';
import { evolveExecution } from './program-execution.js';
import { evolveMatching } from './program-matching.js';
import { evolveReviews } from './program-reviews.js';
import { evolveTrainingPlan } from './program-training-plan.js';
import { emptyExecutionState, emptyMatchingState, type ProgramState } from './program-state.js';

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
      return {
        ...next,
        launchEscalated: true,
        launchEscalations: { rounds: (next.launchEscalations?.rounds ?? 0) + 1, lastAt: event.at },
      };
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
    case 'TrainingPlanProposed':
    case 'TrainingPlanEdited':
      return evolveTrainingPlan(next, event);
    case 'TrainingSessionRecorded':
    case 'MentorshipPlanned':
    case 'MentorshipStarted':
      return { ...next, execution: evolveExecution(next.execution ?? emptyExecutionState(), event) };
    case 'ParticipantEnrolled':
    case 'MatchingProposalRequested':
    case 'MatchingProposalProduced':
    case 'MatchingProposalFailed':
    case 'MatchingPairDecided':
    case 'MatchingApproved':
      return { ...next, matching: evolveMatching(next.matching ?? emptyMatchingState(), event) };
    default: {
      // A new event type fails to compile here until the fold handles it.
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const foldProgram = (events: ProgramEvent[], from: ProgramState | null = null): ProgramState | null =>
  events.reduce<ProgramState | null>((s, e) => evolveProgram(s, e), from);
