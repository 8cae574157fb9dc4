import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import { SYSTEM_ACTOR } from '../shared/system-actor.js';
import type { CycleEvent, ProgramEvent } from './program-events.js';
import { cycleOf, type ProgramState } from './program-state.js';
import type { Participant } from './program-values.js';

const notOwner = (actor: Actor) =>
  new DomainError(
    'PROGRAM.NOT_OWNER',
    'FORBIDDEN',
    `only the program's owner may do this; ${actor.personId} is not its owner`,
  );
const wrongPhase = (s: ProgramState, expected: string) =>
  new DomainError(
    'PROGRAM.WRONG_PHASE',
    'WRONG_PHASE',
    `the program is in phase ${s.phase}; this needs phase ${expected}`,
    { expected, actual: s.phase },
  );
const invalid = (field: string, reason: string) =>
  new DomainError('PROGRAM.INVALID', 'INVALID', `${field}: ${reason}`, { field, reason });
const ownerIn = (s: ProgramState, actor: Actor, phase: string) => {
  if (actor.personId !== s.ownerId || !hasRole(actor, 'owner')) throw notOwner(actor);
  if (s.phase !== phase) throw wrongPhase(s, phase);
};
const lessonsOfThisCycle = (s: ProgramState) => (s.lessons ?? []).find((l) => l.cycle === cycleOf(s));

export const assertCanStartEvaluation = (s: ProgramState, actor: Actor): void => ownerIn(s, actor, 'EXECUTION');
export function startEvaluation(s: ProgramState, actor: Actor, now: Date): ProgramEvent[] {
  assertCanStartEvaluation(s, actor);
  return [
    {
      type: 'ProgramPhaseChanged',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { from: s.phase, to: 'EVALUATION', reason: 'the cycle is evaluated' },
    },
  ];
}

export function assertCanRecordLessons(s: ProgramState, actor: Actor): void {
  ownerIn(s, actor, 'EVALUATION');
  if (lessonsOfThisCycle(s))
    throw new DomainError(
      'PROGRAM.LESSONS_ALREADY_RECORDED',
      'CONFLICT',
      `the lessons of cycle ${cycleOf(s)} are already recorded`,
    );
}
export function recordLessons(
  s: ProgramState,
  actor: Actor,
  lessons: { whatWorked: string[]; whatToChange: string[] },
  now: Date,
): ProgramEvent[] {
  assertCanRecordLessons(s, actor);
  const clean = (list: string[]) => list.map((x) => x.trim()).filter((x) => x.length > 0);
  const whatWorked = clean(lessons.whatWorked);
  const whatToChange = clean(lessons.whatToChange);
  if (whatWorked.length + whatToChange.length === 0)
    throw invalid('whatWorked', 'say at least one thing that worked or should change');
  return [
    {
      type: 'LessonsRecorded',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { cycle: cycleOf(s), whatWorked, whatToChange },
    },
  ];
}

export const assertCanClose = (s: ProgramState, actor: Actor): void => ownerIn(s, actor, 'EVALUATION');
export function closeProgram(s: ProgramState, actor: Actor, now: Date): ProgramEvent[] {
  assertCanClose(s, actor);
  return [
    {
      type: 'ProgramPhaseChanged',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { from: s.phase, to: 'CLOSED', reason: `closed after cycle ${cycleOf(s)}` },
    },
  ];
}

export function assertCanRenew(s: ProgramState, actor: Actor, continuing: string[]): void {
  ownerIn(s, actor, 'EVALUATION');
  if (!lessonsOfThisCycle(s))
    throw new DomainError(
      'PROGRAM.LESSONS_MISSING',
      'CONFLICT',
      `record the lessons of cycle ${cycleOf(s)} before renewing: the next cycle starts from them`,
    );
  const enrolled = new Set((s.matching?.participants ?? []).map((p) => p.personId));
  continuing.forEach((id, i) => {
    if (!enrolled.has(id)) throw invalid(`continuing.${i}`, `${id} is not a participant of cycle ${cycleOf(s)}`);
  });
}

/** Renewal: the next cycle starts through continue-as-new with the lessons and the continuing participants. */
export function renewProgram(s: ProgramState, actor: Actor, continuing: string[], now: Date): ProgramEvent[] {
  assertCanRenew(s, actor, continuing);
  const keep: Participant[] = (s.matching?.participants ?? []).filter((p) => continuing.includes(p.personId));
  const at = now.toISOString();
  return [
    {
      type: 'ProgramPhaseChanged',
      at,
      actorId: actor.personId,
      data: { from: s.phase, to: 'RENEWED', reason: `cycle ${cycleOf(s)} renewed` },
    },
    { type: 'CycleRenewed', at, actorId: actor.personId, data: { nextCycle: cycleOf(s) + 1, continuing: keep } },
  ];
}

/** Opens the renewed cycle: planning again, with the lessons of every earlier cycle at hand. */
export function startNextCycle(s: ProgramState, now: Date): ProgramEvent[] {
  if (s.phase !== 'RENEWED') return [];
  const at = now.toISOString();
  return [
    {
      type: 'CycleStarted',
      at,
      actorId: SYSTEM_ACTOR,
      data: { cycle: s.renewal?.nextCycle ?? cycleOf(s) + 1, continuing: s.renewal?.continuing ?? [] },
    },
    {
      type: 'ProgramPhaseChanged',
      at,
      actorId: SYSTEM_ACTOR,
      data: { from: 'RENEWED', to: 'LAUNCH_PLANNING', reason: 'a new cycle begins' },
    },
  ];
}

export function evolveCycle(s: ProgramState, event: CycleEvent): ProgramState {
  switch (event.type) {
    case 'LessonsRecorded':
      return { ...s, lessons: [...(s.lessons ?? []), { ...event.data, recordedBy: event.actorId, at: event.at }] };
    case 'CycleRenewed':
      return { ...s, renewal: event.data };
    case 'CycleStarted':
      // Everything of the cycle starts afresh except the program, its objectives, lessons and continuing people.
      return {
        ...s,
        cycle: event.data.cycle,
        renewal: null,
        launchApprovedAt: null,
        launchRemindersSent: 0,
        launchEscalated: false,
        matching: {
          participants: event.data.continuing,
          pins: [],
          bans: [],
          proposals: [],
          approvedVersion: null,
          versionOffset: (s.matching?.versionOffset ?? 0) + (s.matching?.proposals.length ?? 0),
        },
        execution: { trainingSessions: [], mentorships: [] },
        trainingPlan: null,
        reviews: [],
        executionSince: null,
        rematchRequests: [],
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
