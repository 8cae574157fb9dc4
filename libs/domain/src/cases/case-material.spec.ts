import { describe, expect, it } from '@jest/globals';
import {
  agreeKickoff,
  createMentorship,
  decideCheckpoint,
  DEFAULT_ECONOMICS,
  foldMentorship,
  submitReview,
  supervisorApproves,
  type MentorshipEvent,
  type MentorshipState,
} from '../mentorship/mentorship.js';
import type { ProgramEvent } from '../program/program-events.js';
import { codeOf } from '../shared/code-of.js';
import { closedAsMentor, mentorshipCaseMaterial, mentorshipCycles, pilotCaseMaterial } from './case-material.js';

const now = new Date('2027-02-01T09:00:00.000Z');
const pair = {
  mentorshipId: 'm-1',
  programId: 'p-1',
  menteeId: 'zoe',
  mentorId: 'eloise',
  supervisorId: 'paul',
  ownerId: 'claire',
};
const zoe = { personId: 'zoe', roles: ['mentee' as const] };
const eloise = { personId: 'eloise', roles: ['mentor' as const] };
const paul = { personId: 'paul', roles: ['supervisor' as const] };
const goals = [{ competencyKey: 'delegation', targetLevel: 3 }];
const facts = [
  { name: 'Team turnover', unit: '%', source: 'HR report', value: 18, lowerIsBetter: true, valuePerUnit: 2000 },
];
const survey = (comment: string | null) => ({
  scores: { challenge: 4, guidedExperience: 4, trust: 5, practiceChange: 3 },
  comment,
});
const apply = (s: MentorshipState, events: MentorshipEvent[]) => foldMentorship(events, s)!;
const created = foldMentorship(createMentorship(pair, 'claire', now))!;
const kickoff = apply(created, supervisorApproves(created, paul, now));

describe('case consent asked at kickoff', () => {
  it('is carried by the party’s kickoff when given, and absent otherwise (older kickoffs replay unchanged)', () => {
    const [granted] = agreeKickoff(
      kickoff,
      eloise,
      { goals, baselines: { delegation: 2 }, facts, caseConsent: 'granted' },
      now,
    );
    expect(granted).toMatchObject({ type: 'KickoffAgreed', data: { by: 'mentor', caseConsent: 'granted' } });
    const [silent] = agreeKickoff(kickoff, zoe, { goals, baselines: {}, facts: [] }, now);
    expect(silent.data).not.toHaveProperty('caseConsent');
  });

  it('refuses an answer that is neither granted nor refused, naming the field', () => {
    const input = { goals, baselines: {}, facts: [], caseConsent: 'maybe' as 'granted' };
    expect(codeOf(() => agreeKickoff(kickoff, zoe, input, now))).toBe('MENTORSHIP.INVALID');
  });
});

describe('case material', () => {
  const half = apply(kickoff, agreeKickoff(kickoff, eloise, { goals, baselines: { delegation: 2 }, facts }, now));
  const active = apply(half, agreeKickoff(half, zoe, { goals, baselines: {}, facts: [] }, now));
  const opened = apply(active, [
    {
      type: 'CheckpointOpened',
      at: now.toISOString(),
      actorId: 'system',
      data: { checkpoint: 1, decideBy: now.toISOString() },
    },
  ]);
  const decided = apply(opened, decideCheckpoint(opened, paul, 1, 'request-changes', 'One case per session.', now));
  const final = { ...decided, phase: 'FINAL_EVALUATION' as const };
  const mentorDone = apply(
    final,
    submitReview(
      final,
      eloise,
      'final',
      { survey: survey('Zoé delegates now.'), levels: { delegation: 3 }, factsAfter: { 'Team turnover': 12 } },
      DEFAULT_ECONOMICS,
      now,
    ),
  );
  const closed = apply(
    mentorDone,
    submitReview(
      mentorDone,
      zoe,
      'final',
      { survey: survey('  '), levels: {}, factsAfter: {} },
      DEFAULT_ECONOMICS,
      now,
    ),
  );

  it('takes a closed mentorship’s goals, guidance, final comments and levels, and the sessions’ shared part', () => {
    expect(closed.phase).toBe('CLOSED');
    const sessions = [{ topics: ['the Monday report'], competencies: ['feedback'], sharedNotes: 'Try it.' }];
    expect(mentorshipCaseMaterial(closed, sessions, 2)).toEqual({
      source: 'mentorship',
      ref: 'm-1',
      cycle: 2,
      menteeId: 'zoe',
      mentorId: 'eloise',
      supervisorId: 'paul',
      declaredCompetencies: ['delegation', 'feedback'],
      sessions: [{ topics: ['the Monday report'], sharedNotes: 'Try it.' }],
      guidance: ['One case per session.'],
      // A blank comment is no change to learn from.
      changes: [{ by: 'mentor', text: 'Zoé delegates now.' }],
      anecdotes: [],
      levelsGained: 1,
    });
  });

  it('numbers each planned mentorship with the cycle it was planned in', () => {
    const planned = (mentorshipId: string) =>
      ({
        type: 'MentorshipPlanned',
        data: { mentorshipId, menteeId: 'a', mentorId: 'b', supervisorId: 'c' },
      }) as Pick<ProgramEvent, 'type' | 'data'>;
    const started = { type: 'CycleStarted', data: { cycle: 2, continuing: [] } } as Pick<ProgramEvent, 'type' | 'data'>;
    expect([...mentorshipCycles([planned('x'), started, planned('y')])]).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });

  it('makes pilot mentorships material from their anecdotes and closing comments, and sums experience', () => {
    const [m] = pilotCaseMaterial('pilot-1', [
      {
        ref: 'P1',
        mentorId: 'eloise',
        menteeId: 'zoe',
        startedOn: '2026-01-05',
        endedOn: '2026-06-30',
        sessions: 8,
        competencies: ['delegation'],
        baseline: { delegation: 2 },
        final: { delegation: 4 },
        surveys: [
          { respondent: 'mentee', moment: 'close', answers: { comment: 'I let go.' } },
          { respondent: 'mentor', moment: 'midpoint', answers: { comment: 'Halfway.' } },
        ],
        facts: [],
        anecdotes: ['The Monday report.'],
      },
    ]);
    expect(m).toMatchObject({
      source: 'pilot',
      ref: 'pilot-1/P1',
      cycle: null,
      changes: [{ by: 'mentee', text: 'I let go.' }],
      anecdotes: ['The Monday report.'],
      levelsGained: 2,
    });
    expect([
      ...closedAsMentor(
        new Map([['eloise', 1]]),
        new Map([
          ['eloise', 2],
          ['hugo', 1],
        ]),
      ),
    ]).toEqual([
      ['eloise', 3],
      ['hugo', 1],
    ]);
  });
});
