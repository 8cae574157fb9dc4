import type { RoiEvidence } from '../../../../../libs/domain/src/index.js';

/** What the reader may do now: each flag mirrors the workflow's own check, which still decides. */
export interface MentorshipCan {
  approve: boolean;
  /** The reader's side when the goals wait for their agreement. */
  kickoff: 'mentor' | 'mentee' | null;
  logSession: boolean;
  pulse: boolean;
  /** The open checkpoint this supervisor decides. */
  decide: number | null;
  /** The review stage waiting for the reader's answers. */
  review: 'midterm' | 'final' | null;
  pause: boolean;
  resume: boolean;
  extraCheckpoint: boolean;
  terminate: boolean;
}

export interface MentorshipView {
  id: string;
  programId: string;
  programName: string | null;
  /** Mentee ← mentor, by their names. */
  title: string;
  names: { mentee: string; mentor: string; supervisor: string };
  viewpoint: 'mentee' | 'mentor' | 'supervisor' | 'owner';
  phase: string;
  now: number;
  goals: Array<{
    competencyKey: string;
    targetLevel: number;
    baselineLevel: number | null;
    latestLevel: number | null;
  }>;
  agreedBy: string[];
  sessions: Array<{
    heldAt: string;
    minutes: number;
    topics: string[];
    competencies: string[];
    sharedNotes: string | null;
    privateNotes?: string | null;
  }>;
  nextSessionDue: string | null;
  checkpoints: Array<{
    checkpoint: number;
    openedAt: string;
    decision: string | null;
    guidance: string | null;
    dueBy: string;
  }>;
  /** The mentee's latest pulse; undefined for the mentor, who does not see it. */
  latestPulse?: { scores: Record<string, number>; comment: string | null } | null;
  reviewsAnswered: { midterm: string[]; final: string[] };
  facts: Array<{ name: string; unit: string }>;
  competencyOptions: Array<{ value: string; label: string }>;
  roi: RoiEvidence | null;
  terminationReason: string | null;
  can: MentorshipCan;
}
