import type { Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import { isFinished } from './mentorship-phase.js';
import type { CheckpointDecision, MentorshipEvent } from './mentorship-events.js';
import { ALL_LIVE, err, inPhase, isOwner, isSupervisor, phaseChange } from './mentorship-rules.js';
import { openCheckpoint, type MentorshipState } from './mentorship-state.js';

// Supervision and the owner's hand on a mentorship: checkpoints, extra supervision, pause, resume, early end.

export function assertCanDecideCheckpoint(s: MentorshipState, actor: Actor, checkpoint: number): void {
  if (!isSupervisor(s, actor))
    throw err.forbidden('NOT_SUPERVISOR', 'only the supervisor of this mentorship decides its checkpoints');
  inPhase(s, 'ACTIVE', 'MIDTERM_REVIEW', 'FINAL_EVALUATION');
  const open = openCheckpoint(s);
  if (!open || open.checkpoint !== checkpoint) {
    throw new DomainError(
      'MENTORSHIP.NO_OPEN_CHECKPOINT',
      'CONFLICT',
      open ? `checkpoint ${open.checkpoint} is the open one, not ${checkpoint}` : 'no checkpoint is open',
      {
        open: open?.checkpoint ?? null,
      },
    );
  }
}

/** Approve, request changes (guidance goes to the mentor) or escalate to the program's owner. */
export function decideCheckpoint(
  s: MentorshipState,
  actor: Actor,
  checkpoint: number,
  decision: CheckpointDecision,
  guidance: string | null,
  now: Date,
): MentorshipEvent[] {
  assertCanDecideCheckpoint(s, actor, checkpoint);
  if (decision === 'request-changes' && !guidance?.trim())
    throw err.invalid('guidance', 'requesting changes needs guidance for the mentor');
  if (decision === 'escalate' && !guidance?.trim())
    throw err.invalid('guidance', 'say why the owner should look at this mentorship');
  return [
    {
      type: 'CheckpointDecided',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { checkpoint, decision, guidance: guidance?.trim() || null },
    },
  ];
}

export function assertCanRequestExtraCheckpoint(s: MentorshipState, actor: Actor): void {
  if (!isOwner(s, actor)) throw err.forbidden('NOT_OWNER', "only the program's owner asks for extra supervision");
  inPhase(s, 'ACTIVE', 'MIDTERM_REVIEW');
  const open = openCheckpoint(s);
  if (open)
    throw new DomainError(
      'MENTORSHIP.CHECKPOINT_ALREADY_OPEN',
      'CONFLICT',
      `checkpoint ${open.checkpoint} is open; extra supervision starts once it is decided`,
    );
}

/** Extra supervision for a mentorship at risk: the owner opens a checkpoint now, with the reason for the supervisor. */
export function requestExtraCheckpoint(
  s: MentorshipState,
  actor: Actor,
  reason: string,
  decisionMs: number,
  now: Date,
): MentorshipEvent[] {
  assertCanRequestExtraCheckpoint(s, actor);
  if (reason.trim().length < 3) throw err.invalid('reason', 'say why the mentorship needs extra supervision');
  const checkpoint = s.checkpoints.length + 1;
  return [
    {
      type: 'CheckpointOpened',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { checkpoint, decideBy: new Date(now.getTime() + decisionMs).toISOString(), reason: reason.trim() },
    },
  ];
}

export function assertCanPause(s: MentorshipState, actor: Actor): void {
  if (!isOwner(s, actor)) throw err.forbidden('NOT_OWNER', "only the program's owner pauses or resumes a mentorship");
  inPhase(s, 'ACTIVE', 'KICKOFF', 'MIDTERM_REVIEW');
}

export function pause(s: MentorshipState, actor: Actor, reason: string, now: Date): MentorshipEvent[] {
  assertCanPause(s, actor);
  if (reason.trim().length < 3) throw err.invalid('reason', 'say why the mentorship pauses');
  return [phaseChange(s, 'PAUSED', actor.personId, now.toISOString(), reason.trim())];
}

export function assertCanResume(s: MentorshipState, actor: Actor): void {
  if (!isOwner(s, actor)) throw err.forbidden('NOT_OWNER', "only the program's owner pauses or resumes a mentorship");
  inPhase(s, 'PAUSED');
}

export function resume(s: MentorshipState, actor: Actor, now: Date): MentorshipEvent[] {
  assertCanResume(s, actor);
  return [phaseChange(s, s.pausedFrom ?? 'ACTIVE', actor.personId, now.toISOString(), 'resumed by the owner')];
}

export function assertCanTerminate(s: MentorshipState, actor: Actor): void {
  if (!isOwner(s, actor)) throw err.forbidden('NOT_OWNER', "only the program's owner ends a mentorship early");
  if (isFinished(s.phase)) throw err.phase(s.phase, ALL_LIVE);
}

/** The program's owner ends a mentorship early, with a reason, optionally asking the program for a rematch. */
export function terminate(
  s: MentorshipState,
  actor: Actor,
  reason: string,
  rematch: boolean,
  now: Date,
): MentorshipEvent[] {
  assertCanTerminate(s, actor);
  if (reason.trim().length < 3) throw err.invalid('reason', 'say why the mentorship ends');
  const at = now.toISOString();
  return [
    { type: 'MentorshipTerminated', at, actorId: actor.personId, data: { reason: reason.trim(), rematch } },
    phaseChange(s, 'TERMINATED', actor.personId, at, reason.trim()),
  ];
}
