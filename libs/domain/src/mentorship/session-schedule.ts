import type { MentorshipPolicy } from './mentorship-policy.js';

/** What the mentor's session cadence asks for at a given moment. */
export type SessionDue =
  | { kind: 'none'; nextCheckAt: number }
  | { kind: 'remind-mentor'; dueAt: number; nextCheckAt: number }
  | { kind: 'escalate-to-supervisor'; dueAt: number; nextCheckAt: number };

export interface SessionCadenceState {
  /** The last logged session, or the start of ACTIVE when none yet (epoch ms). */
  lastSessionAt: number;
  /** Due date that was already reminded / escalated (so each happens once per due date). */
  remindedFor: number | null;
  escalatedFor: number | null;
}

/**
 * The session cadence as a pure decision: given the last session and what was already sent,
 * what to do now and when to look again. A new session moves the due date and resets both.
 */
export function sessionDue(state: SessionCadenceState, policy: MentorshipPolicy, now: number): SessionDue {
  const dueAt = state.lastSessionAt + policy.sessionEveryMs;
  const remindAt = dueAt - policy.reminderLeadMs;
  const escalateAt = dueAt + policy.escalationDelayMs;
  if (now >= escalateAt && state.escalatedFor !== dueAt) return { kind: 'escalate-to-supervisor', dueAt, nextCheckAt: Number.POSITIVE_INFINITY };
  if (now >= remindAt && now < escalateAt && state.remindedFor !== dueAt) return { kind: 'remind-mentor', dueAt, nextCheckAt: escalateAt };
  if (now < remindAt) return { kind: 'none', nextCheckAt: remindAt };
  if (now < escalateAt) return { kind: 'none', nextCheckAt: escalateAt };
  // Escalated already for this due date: nothing more until a session is logged.
  return { kind: 'none', nextCheckAt: Number.POSITIVE_INFINITY };
}
