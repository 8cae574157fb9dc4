import type {
  CycleLessons,
  MentorshipPolicy,
  Participant,
  ProgramPolicy,
  ReportComparison,
  StrategicObjective,
} from '../../../../../libs/domain/src/index.js';
import type { ExecutionView } from '../program-execution-view.js';

// What the program page shows, part by part (each part's view in its own file imports these types).

type Option = { value: string; label: string };

export interface ProgramView {
  id: string;
  name: string;
  phase: string;
  /** The cycle shown, and every cycle of the program (each one's page is `?cycle=n`). */
  cycle: number;
  cycles: number[];
  now: number;
  reader: { owner: boolean; sponsor: boolean };
  timeline: Array<{ phase: string; at: string }>;
  plan: {
    sponsor: string;
    steering: string[];
    objectives: StrategicObjective[];
    keySuccessFactors: string[];
    policy: ProgramPolicy | null;
    /** The mentorships' rhythm in force: the program's own policy over the company's defaults. */
    rhythm: MentorshipPolicy;
  };
  lessons: CycleLessons[];
  reviews: {
    list: Array<{ review: number; openedAt: string; decision: string | null; notes: string | null }>;
    open: number | null;
    feedback: { answers: number; means: Record<string, number> };
  };
  matching: MatchingView | null;
  competencyOptions: Option[];
  training: TrainingView | null;
  execution: ExecutionView | null;
  /** The effect against comparable managers, as the cycle's report has it; null before mentorships can close. */
  proof: ProofView | null;
  continuing: Option[];
}

/** Per monetised measure: the report's comparison, and its verdict in one sentence (none when withheld). */
export interface ProofView {
  measures: Array<ReportComparison & { verdict: string | null }>;
}

type Decision = { mentee: string; mentor: string; by: string; reason: string };

export interface MatchingView {
  participants: Array<Participant & { name: string }>;
  pins: Decision[];
  bans: Decision[];
  proposals: Array<{
    version: number;
    status: string;
    matched: number | null;
    unmatched: number | null;
    totalScore: number | null;
    approved: boolean;
  }>;
  directory: Option[];
  mentees: Option[];
  mentors: Option[];
}

export interface TrainingView {
  sessions: Array<{ title: string; audience: string; heldAt: string; attendees: string[] }>;
  trained: string[];
  untrained: string[];
  mentors: Option[];
  mentees: Option[];
  supervisors: Option[];
  pairs: Array<{ menteeId: string; mentee: string; mentor: string; supervisor: string | null; status: string | null }>;
}
