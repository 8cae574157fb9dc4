import { hasRole, type Actor } from '../shared/actor.js';

/** People the viewer is the mentor or the supervisor of, in mentorships that are active now. */
export interface ActiveRelations {
  menteesOf: ReadonlySet<string>;
  superviseesOf: ReadonlySet<string>;
}

/**
 * Everyone the viewer's personal-data rule looks at: their active mentorships, and — for a person
 * with the owner role — the people enrolled, planned or nominated in the programs they own.
 */
export interface PersonalRelations extends ActiveRelations {
  programPeople: ReadonlySet<string>;
}

export const NO_RELATIONS: PersonalRelations = {
  menteesOf: new Set(),
  superviseesOf: new Set(),
  programPeople: new Set(),
};

/**
 * Assessment evidence and personal details of a person are for: the person; HR admins; the owner
 * of a program the person is enrolled, planned or nominated in; their mentor and supervisor while
 * a mentorship is active. The owner role alone opens nothing.
 */
export function canSeePersonalDetails(viewer: Actor, subjectId: string, relations: PersonalRelations): boolean {
  if (viewer.personId === subjectId) return true;
  if (hasRole(viewer, 'hr-admin')) return true;
  if (hasRole(viewer, 'owner') && relations.programPeople.has(subjectId)) return true;
  if (hasRole(viewer, 'mentor') && relations.menteesOf.has(subjectId)) return true;
  if (hasRole(viewer, 'supervisor') && relations.superviseesOf.has(subjectId)) return true;
  return false;
}

/**
 * Company-wide aggregates (gaps and access by group) reach HR admins whole; for anybody else a
 * group of fewer people than this shows its size but no averages, so no one's levels can be read
 * off a group of one or two.
 */
export const SMALLEST_SHOWN_GROUP = 3;

export type AssessmentSourceRule = 'self' | 'mentor' | 'supervisor' | 'manager' | '360';

/**
 * Who may record an assessment from a given source: the person for `self`, their manager for
 * `manager`, their active mentor or supervisor for those sources; HR admins record any source on
 * someone's behalf (imports of 360 campaigns, paper reviews).
 */
export function canRecordAssessment(
  viewer: Actor,
  subject: { id: string; managerId: string | null },
  source: AssessmentSourceRule,
  relations: ActiveRelations,
): boolean {
  if (hasRole(viewer, 'hr-admin')) return true;
  switch (source) {
    case 'self':
      return viewer.personId === subject.id;
    case 'manager':
      return subject.managerId !== null && viewer.personId === subject.managerId;
    case 'mentor':
      return hasRole(viewer, 'mentor') && relations.menteesOf.has(subject.id);
    case 'supervisor':
      return hasRole(viewer, 'supervisor') && relations.superviseesOf.has(subject.id);
    case '360':
      return false;
  }
}
