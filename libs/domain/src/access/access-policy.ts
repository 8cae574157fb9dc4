import { hasRole, type Actor } from '../shared/actor.js';

/**
 * Who may see or do what, by role AND relation, in one place. Every route of the API, every
 * dashboard page, every report and export asks these rules (apps/api/src/access turns them into
 * answers). A refusal comes in two kinds: a caller with no relation at all to an object learns
 * nothing about it — the same 404 as for an object that does not exist ('hidden') — while a
 * caller who may see the object but not do this gets 403 ('forbidden').
 */
export type Refusal = 'hidden' | 'forbidden';

/** The people a program names. */
export interface ProgramParties {
  ownerId: string;
  sponsorId: string;
  steeringGroup: readonly string[];
}

export type ProgramRelation = 'owner' | 'sponsor' | 'steering';

/** The caller's relations to a program (a person may hold several). */
export function programRelationsOf(actor: Actor, program: ProgramParties): ProgramRelation[] {
  const out: ProgramRelation[] = [];
  if (actor.personId === program.ownerId) out.push('owner');
  if (actor.personId === program.sponsorId) out.push('sponsor');
  if (program.steeringGroup.includes(actor.personId)) out.push('steering');
  return out;
}

/** The program, its phases, reviews, lessons, report and (filtered) event stream: owner, sponsor, steering group. */
export const canReadProgram = (actor: Actor, program: ProgramParties): boolean =>
  programRelationsOf(actor, program).length > 0;

/**
 * The owner's data and actions — mentorships by name, monitoring and the at-risk list, training,
 * matching, recognition, every change to the program: the person who owns it, with the owner role.
 */
export const canManageProgram = (actor: Actor, program: ProgramParties): boolean =>
  hasRole(actor, 'owner') && actor.personId === program.ownerId;

/** The launch approval: the program's sponsor, with the sponsor role. */
export const canApproveLaunch = (actor: Actor, program: ProgramParties): boolean =>
  hasRole(actor, 'sponsor') && actor.personId === program.sponsorId;

/**
 * Enrolment and proposals show people's gaps, experience and languages: the owner, and the
 * supervisors enrolled in the cycle (who review the pairs). The sponsor sees the program, not its people.
 */
export const canReadMatching = (actor: Actor, program: ProgramParties, cycleSupervisors: readonly string[]): boolean =>
  canManageProgram(actor, program) || (hasRole(actor, 'supervisor') && cycleSupervisors.includes(actor.personId));

/** How a program refuses a caller: hidden from those with no relation to it, forbidden to the others. */
export const programRefusal = (
  actor: Actor,
  program: ProgramParties,
  cycleSupervisors: readonly string[] = [],
): Refusal => (canReadProgram(actor, program) || cycleSupervisors.includes(actor.personId) ? 'forbidden' : 'hidden');

/** The four people of a mentorship (the owner is its program's). */
export interface MentorshipParties {
  menteeId: string;
  mentorId: string;
  supervisorId: string;
  ownerId: string;
}

export type MentorshipViewpoint = 'mentor' | 'mentee' | 'supervisor' | 'owner';

/** Where the caller stands in a mentorship; null for anybody else, to whom it is hidden. */
export const mentorshipViewpointOf = (actor: Actor, m: MentorshipParties): MentorshipViewpoint | null =>
  actor.personId === m.mentorId
    ? 'mentor'
    : actor.personId === m.menteeId
      ? 'mentee'
      : actor.personId === m.supervisorId
        ? 'supervisor'
        : actor.personId === m.ownerId
          ? 'owner'
          : null;

/** A survey answer (pulse, midterm, final): its author, the supervisor and the owner — not the other party. */
export const canSeeSurveyAnswer = (viewpoint: MentorshipViewpoint, isAuthor: boolean): boolean =>
  isAuthor || viewpoint === 'supervisor' || viewpoint === 'owner';

/** A session's private notes: their author only. */
export const canSeePrivateNotes = (actor: Actor, authorId: string): boolean => actor.personId === authorId;

/** A pilot's file holds quotes from past mentors and mentees: HR admins, and the owner who imported it. */
export const canReadPilot = (actor: Actor, pilot: { importedBy: string }): boolean =>
  hasRole(actor, 'hr-admin') || (hasRole(actor, 'owner') && pilot.importedBy === actor.personId);

/** A token or a session: its holder, and HR admins (who revoke anyone's). Hidden from everyone else. */
export const canManageCredential = (actor: Actor, credential: { personId: string }): boolean =>
  credential.personId === actor.personId || hasRole(actor, 'hr-admin');

/** Nomination suggestions: HR admins all; owners the open ones and those of their own programs. */
export const canSeeNomination = (
  actor: Actor,
  nomination: { programId: string | null },
  ownedPrograms: ReadonlySet<string>,
): boolean =>
  hasRole(actor, 'hr-admin') ||
  (hasRole(actor, 'owner') && (nomination.programId === null || ownedPrograms.has(nomination.programId)));
