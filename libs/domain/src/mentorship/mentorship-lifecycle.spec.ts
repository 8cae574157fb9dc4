import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../shared/domain-error.js';
import { agreeKickoff, createMentorship, decideCheckpoint, foldMentorship, logSession, supervisorApproves, terminate, type MentorshipState } from './mentorship.js';

const now = new Date('2027-02-01T09:00:00.000Z');
const pair = { mentorshipId: 'm-1', programId: 'p-1', menteeId: 'zoe', mentorId: 'eloise', supervisorId: 'paul', ownerId: 'claire' };
const zoe = { personId: 'zoe', roles: ['mentee' as const] };
const eloise = { personId: 'eloise', roles: ['mentor' as const] };
const paul = { personId: 'paul', roles: ['supervisor' as const] };
const claire = { personId: 'claire', roles: ['owner' as const] };
const goals = [{ competencyKey: 'delegation', targetLevel: 3 }];
const facts = [{ name: 'Team turnover', unit: '%', source: 'HR report', value: 18, lowerIsBetter: true }];

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'accepted';
};
const apply = (s: MentorshipState, events: ReturnType<typeof supervisorApproves>) => foldMentorship(events, s)!;

describe('mentorship lifecycle', () => {
  const created = foldMentorship(createMentorship(pair, 'claire', now))!;

  it('waits for its supervisor, then for mentor and mentee to agree on the same goals', () => {
    expect(created.phase).toBe('AWAITING_SUPERVISOR_APPROVAL');
    expect(codeOf(() => supervisorApproves(created, eloise, now))).toBe('MENTORSHIP.NOT_SUPERVISOR');
    const kickoff = apply(created, supervisorApproves(created, paul, now));
    expect(kickoff.phase).toBe('KICKOFF');
    expect(codeOf(() => supervisorApproves(kickoff, paul, now))).toBe('MENTORSHIP.WRONG_PHASE');
    const half = apply(kickoff, agreeKickoff(kickoff, eloise, goals, facts, now));
    expect(half.phase).toBe('KICKOFF');
    expect(codeOf(() => agreeKickoff(half, eloise, goals, facts, now))).toBe('MENTORSHIP.ALREADY_AGREED');
    const active = apply(half, agreeKickoff(half, zoe, goals, [], now));
    expect(active).toMatchObject({ phase: 'ACTIVE', activeSince: now.toISOString(), facts });
  });

  it('restarts the agreement when the second party proposes other goals', () => {
    const kickoff = apply(created, supervisorApproves(created, paul, now));
    const half = apply(kickoff, agreeKickoff(kickoff, eloise, goals, facts, now));
    const other = apply(half, agreeKickoff(half, zoe, [{ competencyKey: 'feedback', targetLevel: 3 }], [], now));
    expect(other).toMatchObject({ phase: 'KICKOFF', agreedBy: ['mentee'] });
    expect(codeOf(() => agreeKickoff(kickoff, eloise, [], facts, now))).toBe('MENTORSHIP.INVALID');
    expect(codeOf(() => agreeKickoff(kickoff, paul, goals, facts, now))).toBe('MENTORSHIP.NOT_A_PARTY');
  });

  it('counts sessions logged by the mentor and checkpoints decided by the supervisor', () => {
    const kickoff = apply(created, supervisorApproves(created, paul, now));
    const active = apply(apply(kickoff, agreeKickoff(kickoff, eloise, goals, facts, now)), agreeKickoff(apply(kickoff, agreeKickoff(kickoff, eloise, goals, facts, now)), zoe, goals, [], now));
    const session = { sessionId: 's-1', heldAt: '2027-02-01T08:00:00.000Z', minutes: 60, topics: ['delegating the weekly report'], competencies: ['delegation'] };
    const logged = apply(active, logSession(active, eloise, session, now));
    expect(logged).toMatchObject({ sessions: 1, lastSessionAt: session.heldAt });
    expect(codeOf(() => logSession(active, zoe, session, now))).toBe('MENTORSHIP.NOT_MENTOR');
    expect(codeOf(() => logSession(active, eloise, { ...session, heldAt: '2030-01-01T00:00:00.000Z' }, now))).toBe('MENTORSHIP.INVALID');
    expect(codeOf(() => decideCheckpoint(logged, paul, 2, 'approve', null, now))).toBe('MENTORSHIP.NO_OPEN_CHECKPOINT');
    expect(codeOf(() => decideCheckpoint(logged, paul, 1, 'request-changes', ' ', now))).toBe('MENTORSHIP.INVALID');
    expect(apply(logged, decideCheckpoint(logged, paul, 1, 'approve', null, now)).checkpointsDecided).toBe(1);
  });

  it('lets only the owner end it early, with a reason and an optional rematch', () => {
    expect(codeOf(() => terminate(created, paul, 'no fit', true, now))).toBe('MENTORSHIP.NOT_OWNER');
    const ended = apply(created, terminate(created, claire, 'the mentee left the company', true, now));
    expect(ended.phase).toBe('TERMINATED');
    expect(codeOf(() => terminate(ended, claire, 'again', false, now))).toBe('MENTORSHIP.WRONG_PHASE');
  });
});
