/** The phases of one program cycle (DOMAIN.md §2). */
export const PROGRAM_PHASES = [
  'LAUNCH_PLANNING',
  'SELECTION_MATCHING',
  'TRAINING',
  'EXECUTION',
  'EVALUATION',
  'CLOSED',
  'RENEWED',
] as const;
export type ProgramPhase = (typeof PROGRAM_PHASES)[number];
