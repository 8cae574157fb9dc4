import { describe, expect, it } from '@jest/globals';
import { codeOf } from '../shared/code-of.js';
import { foldProgram } from './program-fold.js';
import type { ProgramState } from './program-state.js';
import type { ProgramEvent } from './program-events.js';
import {
  mentorshipsToStart,
  mentorshipStarted,
  planMentorship,
  recordTraining,
  startExecution,
  statusOf,
  trainedMentors,
} from './program-execution.js';

const now = new Date('2027-03-01T09:00:00.000Z');
const at = now.toISOString();
const owner = { personId: 'claire', roles: ['owner' as const] };
const participant = (personId: string, role: 'mentee' | 'mentor' | 'supervisor') => ({
  personId,
  role,
  capacity: role === 'mentor' ? 2 : null,
  goals: [],
  wishes: [],
});
const history: ProgramEvent[] = [
  {
    type: 'ProgramCreated',
    at,
    actorId: 'claire',
    data: { programId: 'p-1', name: 'Cycle', ownerId: 'claire', sponsorId: 'sam', objectives: [] },
  },
  { type: 'ParticipantEnrolled', at, actorId: 'claire', data: participant('zoe', 'mentee') },
  { type: 'ParticipantEnrolled', at, actorId: 'claire', data: participant('hugo', 'mentee') },
  { type: 'ParticipantEnrolled', at, actorId: 'claire', data: participant('eloise', 'mentor') },
  { type: 'ParticipantEnrolled', at, actorId: 'claire', data: participant('ravi', 'mentor') },
  { type: 'ParticipantEnrolled', at, actorId: 'claire', data: participant('paul', 'supervisor') },
  {
    type: 'MatchingProposalRequested',
    at,
    actorId: 'claire',
    data: {
      version: 1,
      request: {
        weights: {},
        excludeSameDepartment: false,
        maxTimeZoneHours: null,
        objective: 'total',
        loadBalance: 0,
        pins: [],
        bans: [],
      },
    },
  },
  {
    type: 'MatchingProposalProduced',
    at,
    actorId: 'system',
    data: {
      version: 1,
      matched: 2,
      unmatched: 0,
      totalScore: 1,
      worstScore: 0.5,
      pairs: [
        { menteeId: 'zoe', mentorId: 'eloise' },
        { menteeId: 'hugo', mentorId: 'ravi' },
      ],
    },
  },
  {
    type: 'MatchingApproved',
    at,
    actorId: 'claire',
    data: {
      version: 1,
      pairs: [
        { menteeId: 'zoe', mentorId: 'eloise' },
        { menteeId: 'hugo', mentorId: 'ravi' },
      ],
    },
  },
  {
    type: 'ProgramPhaseChanged',
    at,
    actorId: 'claire',
    data: { from: 'SELECTION_MATCHING', to: 'TRAINING', reason: 'approved' },
  },
];
const training = foldProgram(history)!;
const apply = (s: ProgramState, events: ProgramEvent[]) => foldProgram(events, s)!;
const mentorsSession = {
  sessionId: 't-1',
  audience: 'mentors' as const,
  title: 'Mentoring 101',
  heldAt: at,
  materials: [],
  attendees: ['eloise'],
};

describe('training and the training gate', () => {
  it('starts nothing before EXECUTION, then only the mentorships whose mentor is trained', () => {
    let s = apply(training, planMentorship(training, owner, 'm-zoe', 'zoe', 'paul', now));
    s = apply(s, planMentorship(s, owner, 'm-hugo', 'hugo', 'paul', now));
    s = apply(s, recordTraining(s, owner, mentorsSession, now));
    expect([...trainedMentors(s)]).toEqual(['eloise']);
    expect(mentorshipsToStart(s)).toEqual([]);
    expect(s.execution?.mentorships.map((m) => statusOf(s, m))).toEqual([
      'WAITING_FOR_EXECUTION',
      'WAITING_FOR_TRAINING',
    ]);
    s = apply(s, startExecution(s, owner, now));
    expect(mentorshipsToStart(s).map((m) => m.mentorshipId)).toEqual(['m-zoe']);
    s = apply(s, [mentorshipStarted('m-zoe', now)]);
    expect(mentorshipsToStart(s)).toEqual([]);
    s = apply(s, recordTraining(s, owner, { ...mentorsSession, sessionId: 't-2', attendees: ['ravi'] }, now));
    expect(mentorshipsToStart(s).map((m) => m.mentorshipId)).toEqual(['m-hugo']);
    expect(s.execution?.mentorships.map((m) => statusOf(s, m))).toEqual(['STARTED', 'STARTING']);
  });

  it('refuses what does not fit the cycle, naming the field', () => {
    expect(codeOf(() => planMentorship(training, { personId: 'sam', roles: ['owner'] }, 'm', 'zoe', 'paul', now))).toBe(
      'PROGRAM.NOT_OWNER',
    );
    expect(codeOf(() => planMentorship(training, owner, 'm', 'eloise', 'paul', now))).toBe('PROGRAM.INVALID');
    expect(codeOf(() => planMentorship(training, owner, 'm', 'zoe', 'ravi', now))).toBe('PROGRAM.INVALID');
    const planned = apply(training, planMentorship(training, owner, 'm', 'zoe', 'paul', now));
    expect(codeOf(() => planMentorship(planned, owner, 'm2', 'zoe', 'paul', now))).toBe(
      'PROGRAM.MENTORSHIP_ALREADY_PLANNED',
    );
    expect(codeOf(() => recordTraining(training, owner, { ...mentorsSession, attendees: ['zoe'] }, now))).toBe(
      'PROGRAM.INVALID',
    );
    const recorded = apply(training, recordTraining(training, owner, mentorsSession, now));
    expect(codeOf(() => recordTraining(recorded, owner, mentorsSession, now))).toBe(
      'PROGRAM.TRAINING_ALREADY_RECORDED',
    );
    const executing = apply(training, startExecution(training, owner, now));
    expect(codeOf(() => startExecution(executing, owner, now))).toBe('PROGRAM.WRONG_PHASE');
  });
});
