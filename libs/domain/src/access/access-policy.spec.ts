import { describe, expect, it } from '@jest/globals';
import type { Actor, Role } from '../shared/actor.js';
import {
  canApproveLaunch,
  canManageCredential,
  canManageProgram,
  canReadMatching,
  canReadPilot,
  canReadProgram,
  canSeeNomination,
  canSeeSurveyAnswer,
  mentorshipViewpointOf,
  programRefusal,
} from './access-policy.js';
import { canSeeProgramEvent, PROGRAM_EVENT_AUDIENCE } from './program-event-audience.js';

const program = { ownerId: 'own', sponsorId: 'spo', steeringGroup: ['ste'] };
const as = (personId: string, ...roles: Role[]): Actor => ({ personId, roles });

describe('a program, by role and relation', () => {
  it.each([
    ['its owner', as('own', 'owner'), { read: true, manage: true, launch: false, refusal: 'forbidden' }],
    ['its owner without the owner role', as('own', 'mentor'), { read: true, manage: false, launch: false }],
    ['its sponsor', as('spo', 'sponsor'), { read: true, manage: false, launch: true, refusal: 'forbidden' }],
    ['a steering member', as('ste', 'sponsor'), { read: true, manage: false, launch: false, refusal: 'forbidden' }],
    ['the owner of another program', as('other', 'owner'), { read: false, manage: false, launch: false }],
    ['an HR admin', as('hr', 'hr-admin', 'owner'), { read: false, manage: false, launch: false, refusal: 'hidden' }],
  ] as const)('%s', (_, actor, expected) => {
    expect(canReadProgram(actor, program)).toBe(expected.read);
    expect(canManageProgram(actor, program)).toBe(expected.manage);
    expect(canApproveLaunch(actor, program)).toBe(expected.launch);
    if ('refusal' in expected) expect(programRefusal(actor, program)).toBe(expected.refusal);
  });

  it('lets the cycle’s supervisors read the matching, not the sponsor; a cycle supervisor is told 403, not 404', () => {
    expect(canReadMatching(as('sup', 'supervisor'), program, ['sup'])).toBe(true);
    expect(canReadMatching(as('sup', 'mentor'), program, ['sup'])).toBe(false);
    expect(canReadMatching(as('spo', 'sponsor', 'supervisor'), program, [])).toBe(false);
    expect(programRefusal(as('sup', 'supervisor'), program, ['sup'])).toBe('forbidden');
    expect(programRefusal(as('sup', 'supervisor'), program, [])).toBe('hidden');
  });
});

describe('the event stream, per reader and event type', () => {
  const readers = {
    owner: as('own', 'owner'),
    sponsor: as('spo', 'sponsor'),
    steering: as('ste'),
    stranger: as('x', 'owner', 'hr-admin'),
  };

  it('gives the owner every event, the sponsor and steering group the program’s course only, strangers nothing', () => {
    for (const [type, audience] of Object.entries(PROGRAM_EVENT_AUDIENCE)) {
      expect([type, canSeeProgramEvent(readers.owner, program, type)]).toEqual([type, true]);
      expect([type, canSeeProgramEvent(readers.sponsor, program, type)]).toEqual([type, audience === 'readers']);
      expect([type, canSeeProgramEvent(readers.steering, program, type)]).toEqual([type, audience === 'readers']);
      expect([type, canSeeProgramEvent(readers.stranger, program, type)]).toEqual([type, false]);
    }
  });

  it('keeps enrolment, proposals, pins and bans, pairs and plans from the sponsor and the steering group', () => {
    const ownerOnly = Object.entries(PROGRAM_EVENT_AUDIENCE)
      .filter(([, a]) => a === 'owner')
      .map(([t]) => t);
    expect(ownerOnly).toEqual(
      expect.arrayContaining([
        'ParticipantEnrolled',
        'MatchingProposalRequested',
        'MatchingProposalProduced',
        'MatchingPairDecided',
        'MatchingApproved',
        'MentorshipPlanned',
        'CycleStarted',
      ]),
    );
    expect(canSeeProgramEvent(readers.sponsor, program, 'SomeFutureEvent')).toBe(false);
  });
});

describe('mentorships, pilots, credentials, nominations', () => {
  const m = { menteeId: 'e', mentorId: 'r', supervisorId: 's', ownerId: 'o' };

  it('places each of the four people of a mentorship, and nobody else', () => {
    expect(['e', 'r', 's', 'o', 'x'].map((p) => mentorshipViewpointOf(as(p), m))).toEqual([
      'mentee',
      'mentor',
      'supervisor',
      'owner',
      null,
    ]);
  });

  it('shows a survey answer to its author, the supervisor and the owner, not to the other party', () => {
    expect(canSeeSurveyAnswer('mentee', true)).toBe(true);
    expect(canSeeSurveyAnswer('mentor', false)).toBe(false);
    expect(canSeeSurveyAnswer('mentee', false)).toBe(false);
    expect(canSeeSurveyAnswer('supervisor', false)).toBe(true);
    expect(canSeeSurveyAnswer('owner', false)).toBe(true);
  });

  it('opens a pilot to HR admins and to the owner who imported it', () => {
    expect(canReadPilot(as('hr', 'hr-admin'), { importedBy: 'own' })).toBe(true);
    expect(canReadPilot(as('own', 'owner'), { importedBy: 'own' })).toBe(true);
    expect(canReadPilot(as('other', 'owner'), { importedBy: 'own' })).toBe(false);
  });

  it('lets a token’s holder and HR admins manage it', () => {
    expect(canManageCredential(as('p'), { personId: 'p' })).toBe(true);
    expect(canManageCredential(as('hr', 'hr-admin'), { personId: 'p' })).toBe(true);
    expect(canManageCredential(as('q', 'owner', 'operator'), { personId: 'p' })).toBe(false);
  });

  it('shows owners the open nominations and those of their programs', () => {
    const owned = new Set(['p1']);
    expect(canSeeNomination(as('o', 'owner'), { programId: null }, owned)).toBe(true);
    expect(canSeeNomination(as('o', 'owner'), { programId: 'p1' }, owned)).toBe(true);
    expect(canSeeNomination(as('o', 'owner'), { programId: 'p2' }, owned)).toBe(false);
    expect(canSeeNomination(as('h', 'hr-admin'), { programId: 'p2' }, new Set())).toBe(true);
  });
});
