import type { Criterion, MatchingWeights, PairDecision } from '../matching/candidates.js';
import type { MentorshipPolicy } from '../mentorship/mentorship-policy.js';

// The values a program's drafts, Updates and events carry. They depend on nothing of the program
// itself, so the events, the state and the decisions can all import them without a circle.

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

/** Cadence of the periodic re-alignment reviews, in ms so that tests run the same code with seconds. */
export interface ReviewCadence {
  /** A review opens this long after EXECUTION starts, then as often again (default: quarterly). */
  reviewEveryMs: number;
  /** The owner is reminded after this long without a decision; the sponsor is told after twice this. */
  reviewDecisionMs: number;
  /** After the sponsor was told, they and the owner are told again this often while it stays undecided. */
  followUpRepeatMs?: number;
}

const DAY = 24 * 3600 * 1000;
export const DEFAULT_REVIEW_CADENCE: ReviewCadence = { reviewEveryMs: 91 * DAY, reviewDecisionMs: 7 * DAY };

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

export interface ReviewDecisionInput {
  decision: 'keep' | 'adjust';
  /** What the owner saw and why they decide so (strategy notes, feedback). */
  notes: string;
  /** With `adjust`: the objectives and KPIs from now on (replace the current ones). */
  objectives?: StrategicObjective[];
}

export const PARTICIPANT_ROLES = ['mentee', 'mentor', 'supervisor'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export interface Participant {
  personId: string;
  role: ParticipantRole;
  /** Mentors only: mentees they take in this cycle. */
  capacity: number | null;
  /** Mentees only: competencies they chose to work on. */
  goals: string[];
  /** Mentees only: wished mentors, most wanted first. */
  wishes: string[];
}

/** What the owner asks of a solve; pins and bans come from the program's recorded decisions. */
export interface MatchingRequest {
  weights: Partial<Record<Criterion, number>>;
  excludeSameDepartment: boolean;
  maxTimeZoneHours: number | null;
  objective: 'total' | 'fairness';
  loadBalance: number;
  pins: PairDecision[];
  bans: PairDecision[];
}

export interface ProposalSummary {
  version: number;
  matched: number;
  unmatched: number;
  totalScore: number;
  worstScore: number | null;
  pairs: Array<{ menteeId: string; mentorId: string }>;
}

export const TRAINING_AUDIENCES = ['mentors', 'mentees'] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export interface TrainingSession {
  sessionId: string;
  audience: TrainingAudience;
  title: string;
  heldAt: string;
  /** Links to material: cases and lessons from earlier cycles, slides, exercises. */
  materials: string[];
  attendees: string[];
  /** The training plan item (competency key) the session delivers, when recorded against the plan. */
  planItem?: string;
  /** Who gave it; checked as experienced against the plan. */
  trainerIds?: string[];
}

/** What the owner may change in a proposed training plan item; the figures (gaps, coverage) stay as proposed. */
export interface TrainingPlanItemEdit {
  competencyKey: string;
  title: string;
  audience: TrainingAudience;
  trainerIds: string[];
  caseIds: string[];
}

export interface PilotRecommendations {
  pilotId: string;
  matchingWeights: MatchingWeights;
  focusCompetencies: string[];
}
