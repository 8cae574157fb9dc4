import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import type { ProgramEvent } from './program-events.js';
import type { ProgramState } from './program-state.js';
import type { PilotRecommendations } from './program-values.js';

/** A pilot's lessons shape a program while it is planned: before people enrol and are matched. */
export function assertCanApplyPilot(s: ProgramState, actor: Actor): void {
  if (actor.personId !== s.ownerId || !hasRole(actor, 'owner')) {
    throw new DomainError(
      'PROGRAM.NOT_OWNER',
      'FORBIDDEN',
      `only the program's owner applies a pilot's recommendations; ${actor.personId} is not its owner`,
    );
  }
  if (s.phase !== 'LAUNCH_PLANNING') {
    throw new DomainError(
      'PROGRAM.WRONG_PHASE',
      'WRONG_PHASE',
      `the program is in phase ${s.phase}; recommendations apply in LAUNCH_PLANNING`,
      { expected: 'LAUNCH_PLANNING', actual: s.phase },
    );
  }
}

export function applyPilotRecommendations(
  s: ProgramState,
  actor: Actor,
  recommendations: PilotRecommendations,
  now: Date,
): ProgramEvent[] {
  assertCanApplyPilot(s, actor);
  const weights = Object.values(recommendations.matchingWeights);
  if (weights.some((w) => typeof w !== 'number' || !Number.isFinite(w) || w < 0)) {
    throw new DomainError('PROGRAM.INVALID', 'INVALID', 'matchingWeights: non-negative numbers', {
      field: 'matchingWeights',
    });
  }
  return [
    { type: 'PilotRecommendationsApplied', at: now.toISOString(), actorId: actor.personId, data: recommendations },
  ];
}
