import type { CaseConsent } from '../cases/case-consent.js';
import type { MentorshipPhase } from './mentorship-phase.js';
import type { RoiEvidence } from './roi.js';
import type { InteractionSurvey } from './interaction-survey.js';

export interface GoalCompetency {
  competencyKey: string;
  /** Level (1–5) the mentee aims to reach. */
  targetLevel: number;
}

/** An operational fact measured at kickoff (before) and again at the final evaluation (after). */
export interface BaselineFact {
  name: string;
  unit: string;
  /** Where the figure comes from (HR report, engagement survey, delivery dashboard…). */
  source: string;
  value: number;
  lowerIsBetter: boolean;
  /** Money one unit of improvement is worth, when the company agreed such a value; null = not monetised. */
  valuePerUnit: number | null;
}

export interface MentorshipPair {
  mentorshipId: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  supervisorId: string;
  ownerId: string;
}

export type CheckpointDecision = 'approve' | 'request-changes' | 'escalate';
export type ReviewStage = 'midterm' | 'final';
export type Party = 'mentor' | 'mentee';

/** Human steps whose deadlines send reminders and escalations. */
export type FollowUpSubject =
  'supervisor-approval' | 'kickoff' | 'session' | 'checkpoint' | 'midterm-review' | 'final-review';

export interface LoggedSession {
  sessionId: string;
  heldAt: string;
  minutes: number;
  topics: string[];
  competencies: string[];
  sharedNotes: string | null;
  /** Seen by its author (the mentor) only; the API strips it for everyone else. */
  privateNotes: string | null;
}

export interface ReviewSubmission {
  by: Party;
  survey: InteractionSurvey;
  /** Mentor only: re-assessed level (1–5) of each goal competency. */
  levels: Record<string, number>;
  /** Mentor only, final stage: each baseline fact measured again, by name. */
  factsAfter: Record<string, number>;
}

export type MentorshipEvent =
  | { type: 'MentorshipCreated'; at: string; actorId: string; data: MentorshipPair }
  | {
      type: 'MentorshipPhaseChanged';
      at: string;
      actorId: string;
      data: { from: MentorshipPhase | null; to: MentorshipPhase; reason: string };
    }
  | {
      type: 'KickoffAgreed';
      at: string;
      actorId: string;
      data: {
        by: Party;
        goals: GoalCompetency[];
        baselines: Record<string, number>;
        facts: BaselineFact[];
        /** The party's answer on case consent, when they gave one (absent in older events). */
        caseConsent?: CaseConsent;
      };
    }
  | { type: 'SessionLogged'; at: string; actorId: string; data: LoggedSession }
  | { type: 'PulseSubmitted'; at: string; actorId: string; data: { survey: InteractionSurvey } }
  | {
      type: 'CheckpointOpened';
      at: string;
      actorId: string;
      data: { checkpoint: number; decideBy: string; reason?: string };
    }
  | {
      type: 'CheckpointDecided';
      at: string;
      actorId: string;
      data: { checkpoint: number; decision: CheckpointDecision; guidance: string | null };
    }
  | { type: 'ReviewSubmitted'; at: string; actorId: string; data: { stage: ReviewStage } & ReviewSubmission }
  | {
      type: 'ReminderSent';
      at: string;
      actorId: string;
      data: { subject: FollowUpSubject; occurrence: string; to: string[] };
    }
  | {
      type: 'Escalated';
      at: string;
      actorId: string;
      /** `round`: 1 (or absent) for the escalation itself, 2, 3… for each repeat to the owner. */
      data: { subject: FollowUpSubject; occurrence: string; to: string; missing: string; round?: number };
    }
  | { type: 'RoiEvidenceRecorded'; at: string; actorId: string; data: RoiEvidence }
  | { type: 'MentorshipTerminated'; at: string; actorId: string; data: { reason: string; rematch: boolean } };

export type MentorshipEventType = MentorshipEvent['type'];
