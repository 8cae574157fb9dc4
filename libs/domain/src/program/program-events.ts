import type { TrainingPlan } from '../cases/training-plan.js';
import type { MatchingWeights } from '../matching/candidates.js';
import type { ProgramPhase } from './program-phase.js';
import type {
  MatchingRequest,
  Participant,
  ParticipantRole,
  ProgramDraft,
  ProposalSummary,
  StrategicObjective,
  TrainingPlanItemEdit,
  TrainingSession,
} from './program-values.js';

/** Events of a program stream. `at` is an ISO instant chosen by the caller (workflow time). */
export type ProgramEvent =
  | {
      type: 'ProgramCreated';
      at: string;
      actorId: string;
      data: ProgramDraft;
    }
  | {
      type: 'ProgramPhaseChanged';
      at: string;
      actorId: string;
      data: { from: ProgramPhase | null; to: ProgramPhase; reason: string };
    }
  | { type: 'LaunchApproved'; at: string; actorId: string; data: { sponsorId: string; comment: string | null } }
  | { type: 'LaunchApprovalReminderDue'; at: string; actorId: string; data: { sponsorId: string; reminder: number } }
  | {
      type: 'LaunchApprovalEscalated';
      at: string;
      actorId: string;
      /** `round`: 1 (or absent) for the escalation, 2, 3… for each repeat (the follow-up ladder). */
      data: { sponsorId: string; ownerId: string; round?: number };
    }
  | {
      type: 'ParticipantEnrolled';
      at: string;
      actorId: string;
      data: { personId: string; role: ParticipantRole; capacity: number | null; goals: string[]; wishes: string[] };
    }
  | {
      type: 'MatchingProposalRequested';
      at: string;
      actorId: string;
      data: { version: number; request: MatchingRequest };
    }
  | { type: 'MatchingProposalProduced'; at: string; actorId: string; data: ProposalSummary }
  | {
      type: 'MatchingProposalFailed';
      at: string;
      actorId: string;
      data: { version: number; code: string; message: string };
    }
  | {
      type: 'MatchingPairDecided';
      at: string;
      actorId: string;
      data: { decision: 'pin' | 'ban'; menteeId: string; mentorId: string; reason: string };
    }
  | {
      type: 'MatchingApproved';
      at: string;
      actorId: string;
      data: { version: number; pairs: Array<{ menteeId: string; mentorId: string }> };
    }
  | { type: 'TrainingSessionRecorded'; at: string; actorId: string; data: TrainingSession }
  | { type: 'TrainingPlanProposed'; at: string; actorId: string; data: TrainingPlan }
  | { type: 'TrainingPlanEdited'; at: string; actorId: string; data: { items: TrainingPlanItemEdit[] } }
  | {
      type: 'MentorshipPlanned';
      at: string;
      actorId: string;
      data: { mentorshipId: string; menteeId: string; mentorId: string; supervisorId: string };
    }
  | { type: 'MentorshipStarted'; at: string; actorId: string; data: { mentorshipId: string } }
  | { type: 'ReviewOpened'; at: string; actorId: string; data: { review: number } }
  | { type: 'ReviewReminderSent'; at: string; actorId: string; data: { review: number; ownerId: string } }
  | {
      type: 'ReviewEscalated';
      at: string;
      actorId: string;
      /** `round`: 1 (or absent) for the escalation, 2, 3… for each repeat (the follow-up ladder). */
      data: { review: number; sponsorId: string; round?: number };
    }
  | {
      type: 'ReviewDecided';
      at: string;
      actorId: string;
      data: { review: number; decision: 'keep' | 'adjust'; notes: string; objectives: StrategicObjective[] | null };
    }
  | {
      type: 'LessonsRecorded';
      at: string;
      actorId: string;
      data: { cycle: number; whatWorked: string[]; whatToChange: string[] };
    }
  | { type: 'CycleRenewed'; at: string; actorId: string; data: { nextCycle: number; continuing: Participant[] } }
  | { type: 'CycleStarted'; at: string; actorId: string; data: { cycle: number; continuing: Participant[] } }
  | { type: 'RecognitionGranted'; at: string; actorId: string; data: { mentorId: string; note: string; cycle: number } }
  | {
      type: 'PilotRecommendationsApplied';
      at: string;
      actorId: string;
      data: { pilotId: string; matchingWeights: MatchingWeights; focusCompetencies: string[] };
    }
  | {
      type: 'RematchRequested';
      at: string;
      actorId: string;
      data: { mentorshipId: string; menteeId: string; mentorId: string; reason: string };
    };

export type ProgramEventType = ProgramEvent['type'];

// The parts of the state each group of events changes; each group's fold handles all of its types.
export type MatchingEvent = Extract<
  ProgramEvent,
  {
    type:
      | 'ParticipantEnrolled'
      | 'MatchingProposalRequested'
      | 'MatchingProposalProduced'
      | 'MatchingProposalFailed'
      | 'MatchingPairDecided'
      | 'MatchingApproved';
  }
>;
export type ExecutionEvent = Extract<
  ProgramEvent,
  { type: 'TrainingSessionRecorded' | 'MentorshipPlanned' | 'MentorshipStarted' }
>;
export type ReviewEvent = Extract<
  ProgramEvent,
  { type: 'ReviewOpened' | 'ReviewReminderSent' | 'ReviewEscalated' | 'ReviewDecided' }
>;
export type CycleEvent = Extract<ProgramEvent, { type: 'LessonsRecorded' | 'CycleRenewed' | 'CycleStarted' }>;
