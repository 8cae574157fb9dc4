import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import type { MentorshipPhase } from './mentorship-phase.js';
import type { MentorshipEvent, Party } from './mentorship-events.js';
import type { MentorshipState } from './mentorship-state.js';

// What every mentorship decision checks: who the actor is to the mentorship, and its phase.

export const ALL_LIVE: MentorshipPhase[] = [
  'AWAITING_SUPERVISOR_APPROVAL',
  'KICKOFF',
  'ACTIVE',
  'MIDTERM_REVIEW',
  'FINAL_EVALUATION',
  'PAUSED',
];

export const err = {
  phase: (actual: MentorshipPhase, expected: MentorshipPhase[]) =>
    new DomainError(
      'MENTORSHIP.WRONG_PHASE',
      'WRONG_PHASE',
      `the mentorship is ${actual}; this needs ${expected.join(' or ')}`,
      { expected, actual },
    ),
  forbidden: (code: string, message: string) => new DomainError(`MENTORSHIP.${code}`, 'FORBIDDEN', message),
  invalid: (field: string, reason: string) =>
    new DomainError('MENTORSHIP.INVALID', 'INVALID', `${field}: ${reason}`, { field, reason }),
};

export const inPhase = (s: MentorshipState, ...expected: MentorshipPhase[]) => {
  if (!expected.includes(s.phase)) throw err.phase(s.phase, expected);
};
export const phaseChange = (
  s: MentorshipState,
  to: MentorshipPhase,
  actorId: string,
  at: string,
  reason: string,
): MentorshipEvent => ({
  type: 'MentorshipPhaseChanged',
  at,
  actorId,
  data: { from: s.phase, to, reason },
});

export const isSupervisor = (s: MentorshipState, actor: Actor) =>
  actor.personId === s.supervisorId && hasRole(actor, 'supervisor');
export const isOwner = (s: MentorshipState, actor: Actor) => actor.personId === s.ownerId && hasRole(actor, 'owner');
export const partyOf = (s: MentorshipState, actor: Actor): Party | null =>
  actor.personId === s.mentorId && hasRole(actor, 'mentor')
    ? 'mentor'
    : actor.personId === s.menteeId && hasRole(actor, 'mentee')
      ? 'mentee'
      : null;

// Levels are whole numbers, like every assessment of the competency model.
export const isLevel = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5;
