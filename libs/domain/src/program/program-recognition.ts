import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import type { ProgramEvent } from './program-events.js';
import type { ProgramState } from './program-state.js';

export function assertCanGrantRecognition(s: ProgramState, actor: Actor, mentorId: string): void {
  if (actor.personId !== s.ownerId || !hasRole(actor, 'owner')) {
    throw new DomainError(
      'PROGRAM.NOT_OWNER',
      'FORBIDDEN',
      `only the program's owner grants recognition; ${actor.personId} is not its owner`,
    );
  }
  if (s.phase !== 'EXECUTION' && s.phase !== 'EVALUATION') {
    throw new DomainError(
      'PROGRAM.WRONG_PHASE',
      'WRONG_PHASE',
      `the program is in phase ${s.phase}; this needs EXECUTION or EVALUATION`,
      { actual: s.phase },
    );
  }
  if (!(s.matching?.participants ?? []).some((p) => p.personId === mentorId && p.role === 'mentor')) {
    throw new DomainError('PROGRAM.INVALID', 'INVALID', `mentorId: ${mentorId} is not a mentor of this cycle`, {
      field: 'mentorId',
    });
  }
}

/** The owner recognises a mentor's contribution; the note is what internal communication may quote. */
export function grantRecognition(
  s: ProgramState,
  actor: Actor,
  mentorId: string,
  note: string,
  now: Date,
): ProgramEvent[] {
  assertCanGrantRecognition(s, actor, mentorId);
  if (note.trim().length < 3)
    throw new DomainError('PROGRAM.INVALID', 'INVALID', 'note: say what is recognised', { field: 'note' });
  return [
    {
      type: 'RecognitionGranted',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { mentorId, note: note.trim(), cycle: s.cycle ?? 1 },
    },
  ];
}
