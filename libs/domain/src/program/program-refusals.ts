import type { Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import type { ProgramState } from './program-state.js';

// Refusals the cycle's decisions share (training, the training plan, execution). They sit below the
// decisions, so two decision files can use them without importing each other.

export const notOwner = (actor: Actor) =>
  new DomainError(
    'PROGRAM.NOT_OWNER',
    'FORBIDDEN',
    `only the program's owner may do this; ${actor.personId} is not its owner`,
  );
export const invalid = (field: string, reason: string) =>
  new DomainError('PROGRAM.INVALID', 'INVALID', `${field}: ${reason}`, { field, reason });
export const wrongPhase = (s: ProgramState, expected: string[]) =>
  new DomainError(
    'PROGRAM.WRONG_PHASE',
    'WRONG_PHASE',
    `the program is in phase ${s.phase}; this needs ${expected.join(' or ')}`,
    { expected, actual: s.phase },
  );
