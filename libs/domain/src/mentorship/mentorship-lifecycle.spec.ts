import { describe, expect, it } from '@jest/globals';
import { codeOf } from '../shared/code-of.js';
import {
  agreeKickoff,
  createMentorship,
  decideCheckpoint,
  DEFAULT_ECONOMICS,
  foldMentorship,
  logSession,
  pause,
  resume,
  submitPulse,
  submitReview,
  supervisorApproves,
  terminate,
  type MentorshipEvent,
  type MentorshipState,
} from './mentorship.js';

const now = new Date('2027-02-01T09:00:00.000Z');
const hourLater = new Date('2027-02-01T10:00:00.000Z');
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
const claire = { personId: 'claire', roles: ['owner' as const] };
const goals = [{ competencyKey: 'delegation', targetLevel: 3 }];
const facts = [
  { name: 'Team turnover', unit: '%', source: 'HR report', value: 18, lowerIsBetter: true, valuePerUnit: 2000 },
];
const mentorKickoff = { goals, baselines: { delegation: 2 }, facts };
const menteeKickoff = { goals, baselines: {}, facts: [] };
const survey = { scores: { challenge: 4, guidedExperience: 4, trust: 5, practiceChange: 3 }, comment: null };
const session = {
  sessionId: 's-1',
  heldAt: '2027-02-01T09:30:00.000Z',
  minutes: 60,
  topics: ['delegating the weekly report'],
  competencies: ['delegation'],
  sharedNotes: null,
  privateNotes: null,
};

const apply = (s: MentorshipState, events: MentorshipEvent[]) => foldMentorship(events, s)!;
const created = foldMentorship(createMentorship(pair, 'claire', now))!;
const kickoff = apply(created, supervisorApproves(created, paul, now));
const half = apply(kickoff, agreeKickoff(kickoff, eloise, mentorKickoff, now));
const active = apply(half, agreeKickoff(half, zoe, menteeKickoff, now));

describe('mentorship lifecycle', () => {
  it('waits for its supervisor, then for mentor and mentee to agree on the same goals', () => {
    expect(created.phase).toBe('AWAITING_SUPERVISOR_APPROVAL');
    expect(codeOf(() => supervisorApproves(created, eloise, now))).toBe('MENTORSHIP.NOT_SUPERVISOR');
    expect(kickoff.phase).toBe('KICKOFF');
    expect(codeOf(() => supervisorApproves(kickoff, paul, now))).toBe('MENTORSHIP.WRONG_PHASE');
    expect(half.phase).toBe('KICKOFF');
    expect(codeOf(() => agreeKickoff(half, eloise, mentorKickoff, now))).toBe('MENTORSHIP.ALREADY_AGREED');
    expect(active).toMatchObject({
      phase: 'ACTIVE',
      activeSince: now.toISOString(),
      facts,
      baselines: { delegation: 2 },
    });
  });

  it('restarts the agreement when the second party proposes other goals, and checks the mentor’s baselines', () => {
    const other = apply(
      half,
      agreeKickoff(half, zoe, { ...menteeKickoff, goals: [{ competencyKey: 'feedback', targetLevel: 3 }] }, now),
    );
    expect(other).toMatchObject({ phase: 'KICKOFF', agreedBy: ['mentee'] });
    expect(codeOf(() => agreeKickoff(kickoff, eloise, { ...mentorKickoff, goals: [] }, now))).toBe(
      'MENTORSHIP.INVALID',
    );
    expect(codeOf(() => agreeKickoff(kickoff, eloise, { ...mentorKickoff, baselines: {} }, now))).toBe(
      'MENTORSHIP.INVALID',
    );
    expect(codeOf(() => agreeKickoff(kickoff, eloise, { ...mentorKickoff, facts: [] }, now))).toBe(
      'MENTORSHIP.INVALID',
    );
    expect(codeOf(() => agreeKickoff(kickoff, paul, mentorKickoff, now))).toBe('MENTORSHIP.NOT_A_PARTY');
  });

  it('counts sessions logged by the mentor and takes the decision of the open checkpoint only', () => {
    const logged = apply(active, logSession(active, eloise, session, hourLater));
    expect(logged).toMatchObject({ sessions: 1, sessionMinutes: 60, lastSessionAt: session.heldAt });
    expect(codeOf(() => logSession(active, zoe, session, now))).toBe('MENTORSHIP.NOT_MENTOR');
    expect(codeOf(() => logSession(logged, eloise, session, hourLater))).toBe('MENTORSHIP.SESSION_ALREADY_LOGGED');
    expect(codeOf(() => logSession(active, eloise, { ...session, heldAt: '2030-01-01T00:00:00.000Z' }, now))).toBe(
      'MENTORSHIP.INVALID',
    );
    expect(codeOf(() => logSession(active, eloise, { ...session, competencies: ['negotiation'] }, now))).toBe(
      'MENTORSHIP.INVALID',
    );
    expect(codeOf(() => decideCheckpoint(logged, paul, 1, 'approve', null, now))).toBe('MENTORSHIP.NO_OPEN_CHECKPOINT');
    const open = apply(logged, [
      {
        type: 'CheckpointOpened',
        at: now.toISOString(),
        actorId: 'system',
        data: { checkpoint: 1, decideBy: now.toISOString() },
      },
    ]);
    expect(codeOf(() => decideCheckpoint(open, paul, 2, 'approve', null, now))).toBe('MENTORSHIP.NO_OPEN_CHECKPOINT');
    expect(codeOf(() => decideCheckpoint(open, paul, 1, 'request-changes', ' ', now))).toBe('MENTORSHIP.INVALID');
    expect(codeOf(() => decideCheckpoint(open, eloise, 1, 'approve', null, now))).toBe('MENTORSHIP.NOT_SUPERVISOR');
    const decided = apply(
      open,
      decideCheckpoint(open, paul, 1, 'request-changes', 'Prepare each session with one concrete case.', now),
    );
    expect(decided.checkpoints[0]).toMatchObject({
      decision: 'request-changes',
      guidance: 'Prepare each session with one concrete case.',
    });
  });

  it('takes a pulse from the mentee only, with every answer on the 1–5 scale', () => {
    expect(apply(active, submitPulse(active, zoe, survey, now)).latestPulse).toEqual(survey);
    expect(codeOf(() => submitPulse(active, eloise, survey, now))).toBe('MENTORSHIP.NOT_MENTEE');
    expect(codeOf(() => submitPulse(active, zoe, { ...survey, scores: { ...survey.scores, trust: 6 } }, now))).toBe(
      'MENTORSHIP.INVALID',
    );
  });

  it('closes after both final reviews with ROI evidence citing the facts', () => {
    const logged = apply(active, logSession(active, eloise, session, hourLater));
    const final = apply(logged, [
      {
        type: 'MentorshipPhaseChanged',
        at: now.toISOString(),
        actorId: 'system',
        data: { from: 'ACTIVE', to: 'FINAL_EVALUATION', reason: 'end' },
      },
    ]);
    const mentorFinal = { survey, levels: { delegation: 3 }, factsAfter: { 'Team turnover': 12 } };
    expect(
      codeOf(() => submitReview(final, eloise, 'final', { ...mentorFinal, factsAfter: {} }, DEFAULT_ECONOMICS, now)),
    ).toBe('MENTORSHIP.INVALID');
    expect(codeOf(() => submitReview(final, eloise, 'midterm', mentorFinal, DEFAULT_ECONOMICS, now))).toBe(
      'MENTORSHIP.WRONG_PHASE',
    );
    const one = apply(final, submitReview(final, eloise, 'final', mentorFinal, DEFAULT_ECONOMICS, now));
    expect(one.phase).toBe('FINAL_EVALUATION');
    expect(codeOf(() => submitReview(one, eloise, 'final', mentorFinal, DEFAULT_ECONOMICS, now))).toBe(
      'MENTORSHIP.ALREADY_SUBMITTED',
    );
    const closed = apply(
      one,
      submitReview(one, zoe, 'final', { survey, levels: {}, factsAfter: {} }, DEFAULT_ECONOMICS, now),
    );
    expect(closed.phase).toBe('CLOSED');
    expect(closed.roi?.competencies[0]).toMatchObject({
      competencyKey: 'delegation',
      baseline: 2,
      final: 3,
      reached: true,
    });
    expect(closed.roi?.facts[0]).toMatchObject({
      source: 'HR report',
      before: 18,
      after: 12,
      improvement: 6,
      value: 6000,
    });
    // 1 h of sessions × 1.5 for mentor and mentee.
    expect(closed.roi?.cost).toBe(1.5 * 90 + 1.5 * 60);
  });

  it('pauses and resumes (owner only), and lets only the owner end it early with a reason', () => {
    expect(codeOf(() => pause(active, eloise, 'parental leave', now))).toBe('MENTORSHIP.NOT_OWNER');
    const paused = apply(active, pause(active, claire, 'parental leave', now));
    expect(paused).toMatchObject({ phase: 'PAUSED', pausedFrom: 'ACTIVE' });
    expect(codeOf(() => logSession(paused, eloise, session, now))).toBe('MENTORSHIP.WRONG_PHASE');
    const later = new Date(now.getTime() + 10_000);
    const resumed = apply(paused, resume(paused, claire, later));
    expect(resumed).toMatchObject({ phase: 'ACTIVE', pausedTotalMs: 10_000, cadenceFrom: later.toISOString() });
    expect(codeOf(() => terminate(created, paul, 'no fit', true, now))).toBe('MENTORSHIP.NOT_OWNER');
    const ended = apply(created, terminate(created, claire, 'the mentee left the company', true, now));
    expect(ended).toMatchObject({
      phase: 'TERMINATED',
      rematchRequested: true,
      terminationReason: 'the mentee left the company',
    });
    expect(codeOf(() => terminate(ended, claire, 'again', false, now))).toBe('MENTORSHIP.WRONG_PHASE');
  });
});
