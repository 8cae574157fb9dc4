import { describe, expect, it } from '@jest/globals';
import { canRecordAssessment, canSeePersonalDetails, NO_RELATIONS } from './personal-data.js';

const mentorOfP = { ...NO_RELATIONS, menteesOf: new Set(['p']) };
const supervisorOfP = { ...NO_RELATIONS, superviseesOf: new Set(['p']) };
const ownerOfPsProgram = { ...NO_RELATIONS, programPeople: new Set(['p']) };

describe('who sees personal details and assessment evidence', () => {
  it.each([
    ['the person', { personId: 'p', roles: [] }, NO_RELATIONS, true],
    ['an HR admin', { personId: 'h', roles: ['hr-admin'] }, NO_RELATIONS, true],
    ['the owner of a program p is in', { personId: 'o', roles: ['owner'] }, ownerOfPsProgram, true],
    ['a person with the owner role and no program of p', { personId: 'o', roles: ['owner'] }, NO_RELATIONS, false],
    ['the program relation without the owner role', { personId: 'o', roles: ['sponsor'] }, ownerOfPsProgram, false],
    ['their active mentor', { personId: 'm', roles: ['mentor'] }, mentorOfP, true],
    ['their active supervisor', { personId: 's', roles: ['supervisor'] }, supervisorOfP, true],
    ['a mentor of someone else', { personId: 'm', roles: ['mentor'] }, NO_RELATIONS, false],
    ['a supervisor of someone else', { personId: 's', roles: ['supervisor'] }, NO_RELATIONS, false],
    ['a sponsor', { personId: 'x', roles: ['sponsor'] }, NO_RELATIONS, false],
    ['another mentee', { personId: 'q', roles: ['mentee'] }, NO_RELATIONS, false],
    ['the relation without the role', { personId: 'm', roles: ['mentee'] }, mentorOfP, false],
  ] as const)('%s → %s', (_, viewer, relations, expected) => {
    expect(canSeePersonalDetails({ personId: viewer.personId, roles: [...viewer.roles] }, 'p', relations)).toBe(
      expected,
    );
  });
});

describe('who records an assessment of which source', () => {
  const subject = { id: 'p', managerId: 'boss' };
  it('lets the person self-assess, their manager rate as manager, and HR admins record any source', () => {
    expect(canRecordAssessment({ personId: 'p', roles: [] }, subject, 'self', NO_RELATIONS)).toBe(true);
    expect(canRecordAssessment({ personId: 'boss', roles: [] }, subject, 'manager', NO_RELATIONS)).toBe(true);
    expect(canRecordAssessment({ personId: 'h', roles: ['hr-admin'] }, subject, '360', NO_RELATIONS)).toBe(true);
    expect(canRecordAssessment({ personId: 'm', roles: ['mentor'] }, subject, 'mentor', mentorOfP)).toBe(true);
  });

  it('refuses everyone else', () => {
    expect(canRecordAssessment({ personId: 'boss', roles: [] }, subject, 'self', NO_RELATIONS)).toBe(false);
    expect(canRecordAssessment({ personId: 'p', roles: [] }, subject, 'manager', NO_RELATIONS)).toBe(false);
    expect(canRecordAssessment({ personId: 'm', roles: ['mentor'] }, subject, 'mentor', NO_RELATIONS)).toBe(false);
    expect(canRecordAssessment({ personId: 'o', roles: ['owner'] }, subject, '360', NO_RELATIONS)).toBe(false);
  });
});
