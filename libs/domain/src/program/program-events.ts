import type { ProgramPhase } from './program-phase.js';
import type { StrategicObjective } from './program.js';

/** Events of a program stream. `at` is an ISO instant chosen by the caller (workflow time). */
export type ProgramEvent =
  | {
      type: 'ProgramCreated';
      at: string;
      actorId: string;
      data: {
        programId: string;
        name: string;
        ownerId: string;
        sponsorId: string;
        objectives: StrategicObjective[];
      };
    }
  | { type: 'ProgramPhaseChanged'; at: string; actorId: string; data: { from: ProgramPhase | null; to: ProgramPhase; reason: string } }
  | { type: 'LaunchApproved'; at: string; actorId: string; data: { sponsorId: string; comment: string | null } }
  | { type: 'LaunchApprovalReminderDue'; at: string; actorId: string; data: { sponsorId: string; reminder: number } }
  | { type: 'LaunchApprovalEscalated'; at: string; actorId: string; data: { sponsorId: string; ownerId: string } };

export type ProgramEventType = ProgramEvent['type'];

/** Actor id used for decisions the process itself takes (timeouts, reminders). */
export const SYSTEM_ACTOR = 'system';
