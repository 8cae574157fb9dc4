import { describe, expect, it } from '@jest/globals';
import {
  requestRematch,
  approveLaunch,
  assertCanApproveLaunch,
  createProgram,
  launchApprovalOverdue,
} from './program.js';
import { foldProgram } from './program-fold.js';
import type { ProgramState } from './program-state.js';
import type { ProgramDraft } from './program-values.js';
import { DomainError } from '../shared/domain-error.js';

const now = new Date('2027-01-04T09:00:00.000Z');
const draft = (over: Partial<ProgramDraft> = {}): ProgramDraft => ({
  programId: 'p-1',
  name: 'Managerial mentoring 2027',
  ownerId: 'owner-1',
  sponsorId: 'sponsor-1',
  objectives: [
    { title: 'Retain first-line managers', kpis: [{ name: 'turnover', unit: '%', baseline: 18, target: 12 }] },
  ],
  ...over,
});
const created = (): ProgramState => foldProgram(createProgram(draft(), 'owner-1', now))!;
const sponsor = { personId: 'sponsor-1', roles: ['sponsor' as const] };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('program creation', () => {
  it('starts in LAUNCH_PLANNING with two events stamped with the given time', () => {
    const events = createProgram(draft(), 'owner-1', now);
    expect(events.map((e) => e.type)).toEqual(['ProgramCreated', 'ProgramPhaseChanged']);
    expect(events.every((e) => e.at === now.toISOString())).toBe(true);
    const state = foldProgram(events)!;
    expect(state.phase).toBe('LAUNCH_PLANNING');
    expect(state.version).toBe(2);
  });

  it.each([
    ['blank name', draft({ name: '  ' }), 'name'],
    ['sponsor = owner', draft({ sponsorId: 'owner-1' }), 'sponsorId'],
    ['no objective', draft({ objectives: [] }), 'objectives'],
    ['objective without KPI', draft({ objectives: [{ title: 't', kpis: [] }] }), 'objectives.0.kpis'],
    [
      'duplicate KPI',
      draft({
        objectives: [
          {
            title: 't',
            kpis: [
              { name: 'a', unit: '%', baseline: 1, target: 2 },
              { name: 'a', unit: '%', baseline: 1, target: 3 },
            ],
          },
        ],
      }),
      'objectives.0.kpis.1.name',
    ],
    [
      'target = baseline',
      draft({ objectives: [{ title: 't', kpis: [{ name: 'a', unit: '%', baseline: 2, target: 2 }] }] }),
      'objectives.0.kpis.0.target',
    ],
  ])('refuses a draft with %s, naming the field', (_, bad, field) => {
    try {
      createProgram(bad, 'owner-1', now);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('PROGRAM.INVALID');
      expect((e as DomainError).details.field).toBe(field);
    }
  });
});

describe('launch approval', () => {
  it('moves the program to SELECTION_MATCHING when its sponsor approves', () => {
    const state = created();
    const events = approveLaunch(state, sponsor, 'go', now);
    expect(events.map((e) => e.type)).toEqual(['LaunchApproved', 'ProgramPhaseChanged']);
    const next = foldProgram(events, state)!;
    expect(next.phase).toBe('SELECTION_MATCHING');
    expect(next.launchApprovedAt).toBe(now.toISOString());
    expect(next.version).toBe(4);
  });

  it('refuses another person, even one with the sponsor role', () => {
    expect(codeOf(() => assertCanApproveLaunch(created(), { personId: 'someone', roles: ['sponsor'] }))).toBe(
      'PROGRAM.NOT_SPONSOR',
    );
  });

  it('refuses the sponsor person acting without the sponsor role', () => {
    expect(codeOf(() => assertCanApproveLaunch(created(), { personId: 'sponsor-1', roles: ['mentor'] }))).toBe(
      'PROGRAM.NOT_SPONSOR',
    );
  });

  it('refuses a second approval: wrong phase', () => {
    const approved = foldProgram(approveLaunch(created(), sponsor, null, now), created())!;
    expect(codeOf(() => approveLaunch(approved, sponsor, null, now))).toBe('PROGRAM.WRONG_PHASE');
  });
});

describe('overdue launch approval', () => {
  it('reminds the sponsor up to the maximum, then escalates once to the owner', () => {
    let state = created();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const events = launchApprovalOverdue(state, 2, now);
      seen.push(...events.map((e) => e.type));
      state = foldProgram(events, state)!;
    }
    expect(seen).toEqual(['LaunchApprovalReminderDue', 'LaunchApprovalReminderDue', 'LaunchApprovalEscalated']);
    expect(state.launchRemindersSent).toBe(2);
    expect(state.launchEscalated).toBe(true);
  });

  it('does nothing once the launch is approved', () => {
    const approved = foldProgram(approveLaunch(created(), sponsor, null, now), created())!;
    expect(launchApprovalOverdue(approved, 2, now)).toEqual([]);
  });
});

describe('event folding', () => {
  it('refuses a stream that does not start with ProgramCreated', () => {
    expect(() =>
      foldProgram([
        { type: 'LaunchApproved', at: now.toISOString(), actorId: 'x', data: { sponsorId: 'x', comment: null } },
      ]),
    ).toThrow(/before ProgramCreated/);
  });
});

describe('rematch requests from mentorships ended early', () => {
  it('records a request once per mentorship, whoever repeats it', () => {
    const request = {
      mentorshipId: 'm-1',
      menteeId: 'zoe',
      mentorId: 'eloise',
      reason: 'moved abroad',
      requestedBy: 'owner-1',
    };
    const first = requestRematch(created(), request, now);
    expect(first).toEqual([
      {
        type: 'RematchRequested',
        at: now.toISOString(),
        actorId: 'owner-1',
        data: { mentorshipId: 'm-1', menteeId: 'zoe', mentorId: 'eloise', reason: 'moved abroad' },
      },
    ]);
    const state = foldProgram(first, created())!;
    expect(state.rematchRequests).toEqual([{ ...request, at: now.toISOString() }]);
    expect(requestRematch(state, request, now)).toEqual([]);
  });
});

describe('planning: steering group, key success factors, the program’s own policy', () => {
  const codeAndField = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return [(e as DomainError).code, (e as DomainError).details.field];
    }
    return ['accepted'];
  };
  it('checks the policy against the defaults it completes, naming the field', () => {
    expect(
      codeAndField(() =>
        createProgram(draft({ policy: { mentorship: { sessionEveryMs: 7 * 86_400_000 } } }), 'owner-1', now),
      ),
    ).toEqual(['accepted']);
    expect(
      codeAndField(() =>
        createProgram(draft({ policy: { mentorship: { reminderLeadMs: 20 * 86_400_000 } } }), 'owner-1', now),
      ),
    ).toEqual(['PROGRAM.INVALID', 'policy.mentorship.reminderLeadMs']);
    expect(
      codeAndField(() => createProgram(draft({ policy: { reviews: { reviewEveryMs: -1 } } }), 'owner-1', now)),
    ).toEqual(['PROGRAM.INVALID', 'policy.reviews.reviewEveryMs']);
    expect(codeAndField(() => createProgram(draft({ steeringGroup: ['a', 'a'] }), 'owner-1', now))).toEqual([
      'PROGRAM.INVALID',
      'steeringGroup',
    ]);
  });

  it('keeps the plan in the state', () => {
    const s = foldProgram(
      createProgram(
        draft({
          steeringGroup: ['cfo'],
          keySuccessFactors: ['train first'],
          policy: { matchingWeights: { experience: 0.3 } },
        }),
        'owner-1',
        now,
      ),
    )!;
    expect(s).toMatchObject({
      steeringGroup: ['cfo'],
      keySuccessFactors: ['train first'],
      policy: { matchingWeights: { experience: 0.3 } },
    });
  });
});
