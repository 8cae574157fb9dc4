import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AppendEventsInput, AppendOutcome } from './event-append.contract.js';
import type {
  Actor,
  CheckpointDecision,
  InteractionSurvey,
  KickoffInput,
  LoggedSession,
  MentorshipEconomics,
  MentorshipEvent,
  MentorshipPair,
  MentorshipPolicy,
  MentorshipState,
  ReviewStage,
  ReviewSubmission,
} from '../../domain/src/index.js';

/** Mentorships run on the same task queue (and worker) as programs. */
export const mentorshipWorkflowId = (mentorshipId: string): string => `mentorship:${mentorshipId}`;
export const mentorshipStreamId = mentorshipWorkflowId;

/** Cadences and ROI economics of new mentorships (a deployment's defaults; a program may override cadences). */
export interface MentorshipTerms {
  policy: MentorshipPolicy;
  economics: MentorshipEconomics;
}

export interface MentorshipWorkflowInput {
  pair: MentorshipPair;
  createdBy: string;
  /** Every cadence is an input: tests pass seconds to the same code. */
  policy: MentorshipPolicy;
  economics: MentorshipEconomics;
  /** Set on continue-as-new: the state carried over; absent on the first run. */
  carried?: MentorshipState;
  /** Set on continue-as-new: ids of the Updates already handled, so that a retried one is not applied again. */
  handledUpdates?: string[];
}

export interface MentorshipOutcome {
  phase: MentorshipState['phase'];
  version: number;
}

interface Acting {
  actor: Actor;
}
export type ApproveMentorshipInput = Acting;
export interface AgreeKickoffInput extends Acting {
  kickoff: KickoffInput;
}
export interface LogSessionInput extends Acting {
  session: LoggedSession;
}
export interface SubmitPulseInput extends Acting {
  survey: InteractionSurvey;
}
export interface DecideCheckpointInput extends Acting {
  checkpoint: number;
  decision: CheckpointDecision;
  guidance: string | null;
}
export interface SubmitReviewInput extends Acting {
  stage: ReviewStage;
  review: Omit<ReviewSubmission, 'by'>;
}
export interface PauseMentorshipInput extends Acting {
  reason: string;
}
export type ResumeMentorshipInput = Acting;
export interface ExtraCheckpointInput extends Acting {
  reason: string;
}
export interface TerminateMentorshipInput extends Acting {
  reason: string;
  rematch: boolean;
}

/** Resolves once the creation events are stored, so the API answers with a readable mentorship. */
export const mentorshipReadyUpdate = defineUpdate<MentorshipState, []>('mentorshipReady');
export const approveMentorshipUpdate = defineUpdate<MentorshipState, [ApproveMentorshipInput]>('approveMentorship');
export const agreeKickoffUpdate = defineUpdate<MentorshipState, [AgreeKickoffInput]>('agreeKickoff');
export const logSessionUpdate = defineUpdate<MentorshipState, [LogSessionInput]>('logSession');
export const submitPulseUpdate = defineUpdate<MentorshipState, [SubmitPulseInput]>('submitPulse');
export const decideCheckpointUpdate = defineUpdate<MentorshipState, [DecideCheckpointInput]>('decideCheckpoint');
export const submitReviewUpdate = defineUpdate<MentorshipState, [SubmitReviewInput]>('submitReview');
export const pauseMentorshipUpdate = defineUpdate<MentorshipState, [PauseMentorshipInput]>('pauseMentorship');
export const resumeMentorshipUpdate = defineUpdate<MentorshipState, [ResumeMentorshipInput]>('resumeMentorship');
export const requestExtraCheckpointUpdate = defineUpdate<MentorshipState, [ExtraCheckpointInput]>(
  'requestExtraCheckpoint',
);
export const terminateMentorshipUpdate = defineUpdate<MentorshipState, [TerminateMentorshipInput]>(
  'terminateMentorship',
);
export const mentorshipStateQuery = defineQuery<MentorshipState | null>('mentorshipState');

/** Sent by a mentorship ended early with a rematch request to its program's workflow. */
export interface RematchRequest {
  mentorshipId: string;
  menteeId: string;
  mentorId: string;
  reason: string;
  requestedBy: string;
}
export const rematchRequestedSignal = defineSignal<[RematchRequest]>('rematchRequested');

export type AppendMentorshipEventsInput = AppendEventsInput<MentorshipEvent>;

/** Activities a MentorshipWorkflow may call (types only on the workflow side). */
export interface MentorshipActivities {
  /** Stores the events, projects the read models and queues their emails, in one transaction. */
  appendMentorshipEvents(input: AppendMentorshipEventsInput): Promise<AppendOutcome<MentorshipEvent>>;
}
