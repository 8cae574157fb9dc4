import { describe, expect, it } from '@jest/globals';
import { codeOf } from '../shared/code-of.js';
import { foldProgram } from './program-fold.js';
import type { ProgramEvent } from './program-events.js';
import { cycleOf, type ProgramState } from './program-state.js';
import { closeProgram, recordLessons, renewProgram, startEvaluation, startNextCycle } from './program-cycle.js';

const now = new Date('2027-12-01T09:00:00.000Z');
const at = now.toISOString();
const owner = { personId: 'claire', roles: ['owner' as const] };
const participant = (personId: string, role: 'mentee' | 'mentor' | 'supervisor') => ({
  personId,
  role,
  capacity: role === 'mentor' ? 2 : null,
  goals: [],
  wishes: [],
});
const executing = foldProgram([
  {
    type: 'ProgramCreated',
    at,
    actorId: 'claire',
    data: { programId: 'p', name: 'Cycle', ownerId: 'claire', sponsorId: 'sam', objectives: [] },
  },
  { type: 'LaunchApproved', at, actorId: 'sam', data: { sponsorId: 'sam', comment: null } },
  { type: 'ParticipantEnrolled', at, actorId: 'claire', data: participant('zoe', 'mentee') },
  { type: 'ParticipantEnrolled', at, actorId: 'claire', data: participant('eloise', 'mentor') },
  { type: 'ParticipantEnrolled', at, actorId: 'claire', data: participant('paul', 'supervisor') },
  { type: 'ProgramPhaseChanged', at, actorId: 'claire', data: { from: 'TRAINING', to: 'EXECUTION', reason: 'go' } },
] as ProgramEvent[])!;
const apply = (s: ProgramState, events: ProgramEvent[]) => foldProgram(events, s)!;

describe('evaluation, closure and renewal', () => {
  it('renews into a new cycle that keeps the lessons and the continuing participants only', () => {
    const evaluating = apply(executing, startEvaluation(executing, owner, now));
    expect(codeOf(() => renewProgram(evaluating, owner, [], now))).toBe('PROGRAM.LESSONS_MISSING');
    const learned = apply(
      evaluating,
      recordLessons(
        evaluating,
        owner,
        { whatWorked: ['monthly supervision'], whatToChange: ['train before matching', ' '] },
        now,
      ),
    );
    expect(codeOf(() => recordLessons(learned, owner, { whatWorked: ['again'], whatToChange: [] }, now))).toBe(
      'PROGRAM.LESSONS_ALREADY_RECORDED',
    );
    expect(codeOf(() => renewProgram(learned, owner, ['ghost'], now))).toBe('PROGRAM.INVALID');
    const renewed = apply(learned, renewProgram(learned, owner, ['eloise', 'paul'], now));
    expect(renewed.phase).toBe('RENEWED');
    const next = apply(renewed, startNextCycle(renewed, now));
    expect(cycleOf(next)).toBe(2);
    expect(next).toMatchObject({ phase: 'LAUNCH_PLANNING', launchApprovedAt: null, reviews: [], executionSince: null });
    expect(next.matching?.participants.map((p) => p.personId)).toEqual(['eloise', 'paul']);
    expect(next.lessons).toEqual([
      {
        cycle: 1,
        whatWorked: ['monthly supervision'],
        whatToChange: ['train before matching'],
        recordedBy: 'claire',
        at,
      },
    ]);
  });

  it('closes only from EVALUATION, by the owner', () => {
    expect(codeOf(() => closeProgram(executing, owner, now))).toBe('PROGRAM.WRONG_PHASE');
    const evaluating = apply(executing, startEvaluation(executing, owner, now));
    expect(codeOf(() => closeProgram(evaluating, { personId: 'sam', roles: ['sponsor'] }, now))).toBe(
      'PROGRAM.NOT_OWNER',
    );
    expect(apply(evaluating, closeProgram(evaluating, owner, now)).phase).toBe('CLOSED');
  });
});
