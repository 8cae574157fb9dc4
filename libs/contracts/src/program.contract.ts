import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  MatchingRequest,
  ReviewDecisionInput,
  MentorshipEconomics,
  MentorshipPolicy,
  Participant,
  PilotRecommendations,
  ProgramDraft,
  ProgramState,
  TrainingPlan,
  TrainingPlanItemEdit,
  TrainingSession,
} from '../../domain/src/index.js';

/** Shared by the API (client side), the worker and the workflow code: one place for names and shapes. */
export const PROGRAM_TASK_QUEUE = 'mentorflow-programs';

export const programWorkflowId = (programId: string): string => `program:${programId}`;
export const programStreamId = programWorkflowId;

/** Every duration is an input so that tests run the same code with seconds. */
export interface ProgramTimings {
  /** How long the sponsor has to approve the launch before a reminder (ms). */
  launchApprovalReminderAfterMs: number;
  /** Reminders sent before the owner is told. */
  launchApprovalMaxReminders: number;
  /** Re-alignment reviews during EXECUTION (defaults: quarterly, 7 days to decide; absent in older inputs). */
  reviewEveryMs?: number;
  reviewDecisionMs?: number;
  /**
   * The follow-up ladder: after an escalation (launch approval, a review), told again this often while
   * nobody acts. Absent in the inputs of programs started before it: no repeats.
   */
  followUpRepeatMs?: number;
}

export const DEFAULT_PROGRAM_TIMINGS: ProgramTimings = {
  launchApprovalReminderAfterMs: 7 * 24 * 3600 * 1000,
  launchApprovalMaxReminders: 2,
  followUpRepeatMs: 7 * 24 * 3600 * 1000,
};

export interface ProgramWorkflowInput {
  draft: ProgramDraft;
  createdBy: string;
  timings: ProgramTimings;
  /** Cadences and economics of the cycle's mentorships (defaults when absent, as in older runs). */
  mentorshipTerms?: { policy: MentorshipPolicy; economics: MentorshipEconomics };
  /** Set on continue-as-new: the state carried over; absent on the first run. */
  carried?: ProgramState;
  /** Set on continue-as-new: ids of the Updates already handled, so that a retried one is not applied again. */
  handledUpdates?: string[];
}

export interface ApproveLaunchInput {
  actor: Actor;
  comment: string | null;
}

/** Resolves once the creation events are stored, so the API can answer with a readable program. */
export const programReadyUpdate = defineUpdate<ProgramState, []>('programReady');
export const approveLaunchUpdate = defineUpdate<ProgramState, [ApproveLaunchInput]>('approveLaunch');
export const programStateQuery = defineQuery<ProgramState | null>('programState');

export interface EnrolParticipantInput {
  actor: Actor;
  participant: Participant;
}
export interface RequestProposalInput {
  actor: Actor;
  options: Omit<MatchingRequest, 'pins' | 'bans'>;
}
export interface DecidePairInput {
  actor: Actor;
  decision: 'pin' | 'ban';
  menteeId: string;
  mentorId: string;
  reason: string;
}
export interface ApproveProposalInput {
  actor: Actor;
  version: number;
}

export const enrolParticipantUpdate = defineUpdate<ProgramState, [EnrolParticipantInput]>('enrolParticipant');
/** Answers at once with the new version number; the solve runs as an activity afterwards. */
export const requestMatchingProposalUpdate = defineUpdate<{ version: number }, [RequestProposalInput]>(
  'requestMatchingProposal',
);
export const decideMatchingPairUpdate = defineUpdate<ProgramState, [DecidePairInput]>('decideMatchingPair');
export const approveMatchingProposalUpdate = defineUpdate<ProgramState, [ApproveProposalInput]>(
  'approveMatchingProposal',
);

export interface RecordTrainingInput {
  actor: Actor;
  session: TrainingSession;
}
export interface StartExecutionInput {
  actor: Actor;
}
export interface PlanMentorshipInput {
  actor: Actor;
  mentorshipId: string;
  menteeId: string;
  supervisorId: string;
}
export const recordTrainingUpdate = defineUpdate<ProgramState, [RecordTrainingInput]>('recordTraining');
export const startExecutionUpdate = defineUpdate<ProgramState, [StartExecutionInput]>('startExecution');
export const planMentorshipUpdate = defineUpdate<ProgramState, [PlanMentorshipInput]>('planMentorship');

export interface ProposeTrainingPlanInput {
  actor: Actor;
  /** Computed by the API from the cohort, the mentors and the case library (proposeTrainingPlanItems). */
  plan: TrainingPlan;
}
export interface EditTrainingPlanInput {
  actor: Actor;
  items: TrainingPlanItemEdit[];
}
/** The owner records the proposed training plan of the cycle (replacing an earlier one), then edits it. */
export const proposeTrainingPlanUpdate = defineUpdate<ProgramState, [ProposeTrainingPlanInput]>('proposeTrainingPlan');
export const editTrainingPlanUpdate = defineUpdate<ProgramState, [EditTrainingPlanInput]>('editTrainingPlan');

export interface DecideReviewInput {
  actor: Actor;
  review: number;
  decision: ReviewDecisionInput;
}
export const decideReviewUpdate = defineUpdate<ProgramState, [DecideReviewInput]>('decideReview');

export interface OwnerInput {
  actor: Actor;
}
export interface RecordLessonsInput {
  actor: Actor;
  whatWorked: string[];
  whatToChange: string[];
}
export interface RenewProgramInput {
  actor: Actor;
  /** People of this cycle who continue into the next one (enrolled there with the same role). */
  continuing: string[];
}
export const startEvaluationUpdate = defineUpdate<ProgramState, [OwnerInput]>('startEvaluation');
export const recordLessonsUpdate = defineUpdate<ProgramState, [RecordLessonsInput]>('recordLessons');
export const closeProgramUpdate = defineUpdate<ProgramState, [OwnerInput]>('closeProgram');
export const renewProgramUpdate = defineUpdate<ProgramState, [RenewProgramInput]>('renewProgram');

export interface GrantRecognitionInput {
  actor: Actor;
  mentorId: string;
  note: string;
}
export const grantRecognitionUpdate = defineUpdate<ProgramState, [GrantRecognitionInput]>('grantRecognition');

export interface ApplyPilotInput {
  actor: Actor;
  recommendations: PilotRecommendations;
}
/** The owner applies a pilot's recommended matching weights and training focus while planning. */
export const applyPilotRecommendationsUpdate = defineUpdate<ProgramState, [ApplyPilotInput]>(
  'applyPilotRecommendations',
);
