import type { TrainingPlan, TrainingPlanItem } from '../cases/training-plan.js';
import type { PairDecision } from '../matching/candidates.js';
import type { ProgramPhase } from './program-phase.js';
import type { MatchingRequest, Participant, ProgramDraft, ProposalSummary, TrainingSession } from './program-values.js';

// The program's state as the fold builds it. Decisions read it; only the fold (program-fold.ts) writes it.

export type ProposalStatus = 'SOLVING' | 'READY' | 'FAILED';

export interface ProposalState {
  version: number;
  status: ProposalStatus;
  requestedBy: string;
  /** Options, pins and bans as they were when the proposal was asked for. */
  request: MatchingRequest;
  summary: ProposalSummary | null;
  failure: string | null;
}

export interface MatchingState {
  participants: Participant[];
  pins: PairDecision[];
  bans: PairDecision[];
  proposals: ProposalState[];
  approvedVersion: number | null;
  /** Proposal versions used by earlier cycles: versions number on across renewals (absent = 0). */
  versionOffset?: number;
}

export const emptyMatchingState = (): MatchingState => ({
  participants: [],
  pins: [],
  bans: [],
  proposals: [],
  approvedVersion: null,
});

export type PlannedMentorshipStatus = 'WAITING_FOR_TRAINING' | 'WAITING_FOR_EXECUTION' | 'STARTING' | 'STARTED';

export interface PlannedMentorship {
  mentorshipId: string;
  menteeId: string;
  mentorId: string;
  supervisorId: string;
  plannedBy: string;
  startedAt: string | null;
}

export interface ExecutionState {
  trainingSessions: TrainingSession[];
  mentorships: PlannedMentorship[];
}

export const emptyExecutionState = (): ExecutionState => ({ trainingSessions: [], mentorships: [] });

export interface TrainingPlanState {
  plan: TrainingPlan;
  proposedBy: string;
  proposedAt: string;
  /** Items as the owner last edited them (the proposal's until then). */
  items: TrainingPlanItem[];
  edits: number;
}

export interface ReviewState {
  review: number;
  openedAt: string;
  remindedAt: string | null;
  escalatedAt: string | null;
  /** Escalation rounds so far and the last one's time (absent in older states: the first one's). */
  escalations?: number;
  lastEscalatedAt?: string;
  decision: 'keep' | 'adjust' | null;
  notes: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** What a cycle taught, captured at its evaluation and shown when the next ones are planned. */
export interface CycleLessons {
  cycle: number;
  whatWorked: string[];
  whatToChange: string[];
  recordedBy: string;
  at: string;
}

export interface Recognition {
  mentorId: string;
  note: string;
  grantedBy: string;
  at: string;
  cycle: number;
}

/** The program as drafted (name, people, objectives, policy; objectives change with reviews), then its life. */
export interface ProgramState extends ProgramDraft {
  phase: ProgramPhase;
  launchApprovedAt: string | null;
  launchRemindersSent: number;
  launchEscalated: boolean;
  /** Escalations of the launch approval so far and the last one's time (absent in older states). */
  launchEscalations?: { rounds: number; lastAt: string };
  /** Enrolment, proposals, pins and bans of the cycle (absent in states carried by older runs). */
  matching?: MatchingState;
  /** Training sessions and the cycle's mentorships (absent in states carried by older runs). */
  execution?: ExecutionState;
  /** The cycle's proposed and edited training plan (absent until proposed, and in older carried states). */
  trainingPlan?: TrainingPlanState | null;
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

export const cycleOf = (s: ProgramState): number => s.cycle ?? 1;
