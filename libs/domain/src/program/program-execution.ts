import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import { SYSTEM_ACTOR } from '../shared/system-actor.js';
import type { ExecutionEvent, ProgramEvent } from './program-events.js';
import {
  emptyExecutionState,
  type ExecutionState,
  type PlannedMentorship,
  type PlannedMentorshipStatus,
  type ProgramState,
} from './program-state.js';
import { invalid, notOwner, wrongPhase } from './program-refusals.js';
import { assertSessionFitsPlan } from './program-training-plan.js';
import type { TrainingSession } from './program-values.js';

const execution = (s: ProgramState): ExecutionState => s.execution ?? emptyExecutionState();

const isOwner = (s: ProgramState, actor: Actor) => actor.personId === s.ownerId && hasRole(actor, 'owner');
const enrolled = (s: ProgramState, personId: string, role: 'mentee' | 'mentor' | 'supervisor') =>
  (s.matching?.participants ?? []).some((p) => p.personId === personId && p.role === role);

/** Mentors who attended a mentors' training session of this cycle. */
export const trainedMentors = (s: ProgramState): Set<string> =>
  new Set(
    execution(s)
      .trainingSessions.filter((t) => t.audience === 'mentors')
      .flatMap((t) => t.attendees),
  );

export function assertCanRecordTraining(s: ProgramState, actor: Actor, session: TrainingSession): void {
  if (!isOwner(s, actor)) throw notOwner(actor);
  if (s.phase !== 'TRAINING' && s.phase !== 'EXECUTION') throw wrongPhase(s, ['TRAINING', 'EXECUTION']);
  if (execution(s).trainingSessions.some((t) => t.sessionId === session.sessionId)) {
    throw new DomainError(
      'PROGRAM.TRAINING_ALREADY_RECORDED',
      'CONFLICT',
      `training session ${session.sessionId} is already recorded`,
    );
  }
  assertSessionFitsPlan(s, session);
  const role = session.audience === 'mentors' ? 'mentor' : 'mentee';
  session.attendees.forEach((id, i) => {
    if (!enrolled(s, id, role)) throw invalid(`attendees.${i}`, `${id} is not an enrolled ${role} of this cycle`);
  });
}

/** The owner records a training session and who attended it. */
export function recordTraining(s: ProgramState, actor: Actor, session: TrainingSession, now: Date): ProgramEvent[] {
  assertCanRecordTraining(s, actor, session);
  return [{ type: 'TrainingSessionRecorded', at: now.toISOString(), actorId: actor.personId, data: session }];
}

export function assertCanStartExecution(s: ProgramState, actor: Actor): void {
  if (!isOwner(s, actor)) throw notOwner(actor);
  if (s.phase !== 'TRAINING') throw wrongPhase(s, ['TRAINING']);
}

export function startExecution(s: ProgramState, actor: Actor, now: Date): ProgramEvent[] {
  assertCanStartExecution(s, actor);
  return [
    {
      type: 'ProgramPhaseChanged',
      at: now.toISOString(),
      actorId: actor.personId,
      data: {
        from: s.phase,
        to: 'EXECUTION',
        reason: 'training under way; mentorships start as their mentors are trained',
      },
    },
  ];
}

const approvedPairs = (s: ProgramState) =>
  s.matching?.proposals.find((p) => p.version === s.matching?.approvedVersion)?.summary?.pairs ?? [];

export function assertCanPlanMentorship(s: ProgramState, actor: Actor, menteeId: string, supervisorId: string): void {
  if (!isOwner(s, actor)) throw notOwner(actor);
  if (s.phase !== 'TRAINING' && s.phase !== 'EXECUTION') throw wrongPhase(s, ['TRAINING', 'EXECUTION']);
  const pair = approvedPairs(s).find((p) => p.menteeId === menteeId);
  if (!pair) throw invalid('menteeId', `${menteeId} is not a mentee of the approved matching proposal`);
  if (!enrolled(s, supervisorId, 'supervisor'))
    throw invalid('supervisorId', `${supervisorId} is not enrolled as a supervisor in this program`);
  if (supervisorId === pair.mentorId || supervisorId === pair.menteeId)
    throw invalid('supervisorId', 'the supervisor must be another person than the mentor and the mentee');
  if (execution(s).mentorships.some((m) => m.menteeId === menteeId && m.mentorId === pair.mentorId)) {
    throw new DomainError(
      'PROGRAM.MENTORSHIP_ALREADY_PLANNED',
      'CONFLICT',
      `the mentorship of ${menteeId} with ${pair.mentorId} is already planned`,
    );
  }
}

/**
 * The owner gives an approved pair its supervisor. The program starts the mentorship itself once
 * the cycle is in EXECUTION and the mentor's training is complete (the training gate).
 */
export function planMentorship(
  s: ProgramState,
  actor: Actor,
  mentorshipId: string,
  menteeId: string,
  supervisorId: string,
  now: Date,
): ProgramEvent[] {
  assertCanPlanMentorship(s, actor, menteeId, supervisorId);
  const pair = approvedPairs(s).find((p) => p.menteeId === menteeId)!;
  return [
    {
      type: 'MentorshipPlanned',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { mentorshipId, menteeId, mentorId: pair.mentorId, supervisorId },
    },
  ];
}

export function statusOf(s: ProgramState, m: PlannedMentorship): PlannedMentorshipStatus {
  if (m.startedAt) return 'STARTED';
  if (!trainedMentors(s).has(m.mentorId)) return 'WAITING_FOR_TRAINING';
  return s.phase === 'EXECUTION' ? 'STARTING' : 'WAITING_FOR_EXECUTION';
}

/** Planned mentorships the program may start now: in EXECUTION, with a trained mentor. */
export function mentorshipsToStart(s: ProgramState): PlannedMentorship[] {
  if (s.phase !== 'EXECUTION') return [];
  const trained = trainedMentors(s);
  return execution(s).mentorships.filter((m) => m.startedAt === null && trained.has(m.mentorId));
}

export const mentorshipStarted = (mentorshipId: string, now: Date): ProgramEvent => ({
  type: 'MentorshipStarted',
  at: now.toISOString(),
  actorId: SYSTEM_ACTOR,
  data: { mentorshipId },
});

export function evolveExecution(x: ExecutionState, event: ExecutionEvent): ExecutionState {
  switch (event.type) {
    case 'TrainingSessionRecorded':
      return { ...x, trainingSessions: [...x.trainingSessions, event.data] };
    case 'MentorshipPlanned':
      return { ...x, mentorships: [...x.mentorships, { ...event.data, plannedBy: event.actorId, startedAt: null }] };
    case 'MentorshipStarted':
      return {
        ...x,
        mentorships: x.mentorships.map((m) =>
          m.mentorshipId === event.data.mentorshipId ? { ...m, startedAt: event.at } : m,
        ),
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
