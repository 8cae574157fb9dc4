/** A mentee enrolled in a cycle, as matching sees them. */
export interface MenteeCandidate {
  personId: string;
  department: string;
  managementYears: number;
  languages: string[];
  /** UTC offset now, in minutes (computed by the caller from the person's time zone). */
  utcOffsetMinutes: number;
  /** Development needs: competency key → how many levels below target (> 0). */
  gaps: Record<string, number>;
  /** Competencies the mentee chose to work on (count as a need of one level at least). */
  goals: string[];
  /** Mentor person ids, most wanted first. */
  wishes: string[];
}

/** A mentor enrolled in a cycle. */
export interface MentorCandidate {
  personId: string;
  department: string;
  managementYears: number;
  languages: string[];
  utcOffsetMinutes: number;
  /** How many mentees they take in this cycle. */
  capacity: number;
  /** Competency key → current level (1 to 5). */
  strengths: Record<string, number>;
  trained: boolean;
  /** Mean outcome of their earlier mentorships, 0 to 1; null when they have none. */
  trackRecord: number | null;
}

export const CRITERIA = [
  'competencyCoverage',
  'experience',
  'wishRank',
  'timeZone',
  'trackRecord',
  'crossDepartment',
] as const;
export type Criterion = (typeof CRITERIA)[number];
export type MatchingWeights = Record<Criterion, number>;

/**
 * Defaults: covering the mentee's gaps matters most; experience and the mentee's own wishes next;
 * then practicalities and track record. A program may replace them (e.g. from the pilot analysis).
 */
export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = {
  competencyCoverage: 0.4,
  experience: 0.15,
  wishRank: 0.15,
  timeZone: 0.1,
  trackRecord: 0.1,
  crossDepartment: 0.1,
};

export interface PairDecision {
  menteeId: string;
  mentorId: string;
  by: string;
  reason: string;
}

export interface MatchingOptions {
  weights: MatchingWeights;
  /** Forbid pairs inside one department. */
  excludeSameDepartment: boolean;
  /** Largest time-zone distance allowed, in hours; null = any. */
  maxTimeZoneHours: number | null;
  /** Only mentors whose training is complete. */
  requireTrainedMentors: boolean;
  /** Pairs excluded by policy (conflict of interest, HR request…). */
  exclusions: PairDecision[];
  /** Pairs people fixed in a review: kept as they are by every re-solve. */
  pins: PairDecision[];
  /** Pairs people forbade in a review. */
  bans: PairDecision[];
  /** total: most pairs, then the highest total score; fairness: most pairs, then the best worst pair, then the total. */
  objective: 'total' | 'fairness';
  /** Score given up for each extra mentee on the same mentor (0 = off); spreads mentees across mentors. */
  loadBalance: number;
}

export const DEFAULT_MATCHING_OPTIONS: MatchingOptions = {
  weights: DEFAULT_MATCHING_WEIGHTS,
  excludeSameDepartment: false,
  maxTimeZoneHours: null,
  requireTrainedMentors: false,
  exclusions: [],
  pins: [],
  bans: [],
  objective: 'total',
  loadBalance: 0,
};

/** Answers "is one of them above the other in the reporting line" (see ReportingChains). */
export interface ChainOracle {
  inSameChain(a: string, b: string): boolean;
  /**
   * Optional: the person's entry and exit numbers in a depth-first walk of the reporting lines
   * (one is above the other exactly when its interval holds the other's), so that millions of
   * pairs need no lookup by id; undefined for someone outside the lines.
   */
  span?(id: string): readonly [number, number] | undefined;
}
