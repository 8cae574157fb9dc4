/** Phases of one mentorship (issue 6). PAUSED keeps the phase to return to. */
export const MENTORSHIP_PHASES = [
  'AWAITING_SUPERVISOR_APPROVAL',
  'KICKOFF',
  'ACTIVE',
  'MIDTERM_REVIEW',
  'FINAL_EVALUATION',
  'CLOSED',
  'PAUSED',
  'TERMINATED',
] as const;
export type MentorshipPhase = (typeof MENTORSHIP_PHASES)[number];

export const isFinished = (phase: MentorshipPhase): boolean => phase === 'CLOSED' || phase === 'TERMINATED';
