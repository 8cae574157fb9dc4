import { hasRole, type Actor } from '../shared/actor.js';

/** People the viewer is the mentor or the supervisor of, in mentorships that are active now. */
export interface ActiveRelations {
  menteesOf: ReadonlySet<string>;
  superviseesOf: ReadonlySet<string>;
}

export const NO_RELATIONS: ActiveRelations = { menteesOf: new Set(), superviseesOf: new Set() };

/**
 * Assessment evidence and personal details of a person are for: the person, their mentor and
 * supervisor while a mentorship is active, HR admins and program owners. Nobody else.
 */
export function canSeePersonalDetails(viewer: Actor, subjectId: string, relations: ActiveRelations): boolean {
  if (viewer.personId === subjectId) return true;
  if (hasRole(viewer, 'hr-admin') || hasRole(viewer, 'owner')) return true;
  if (hasRole(viewer, 'mentor') && relations.menteesOf.has(subjectId)) return true;
  if (hasRole(viewer, 'supervisor') && relations.superviseesOf.has(subjectId)) return true;
  return false;
}

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
