import { Injectable } from '@nestjs/common';
import {
  canApproveLaunch,
  canManageCredential,
  canManageProgram,
  canReadMatching,
  canReadPilot,
  canReadProgram,
  canSeePersonalDetails,
  canSeeProgramEvent,
  hasRole,
  mentorshipViewpointOf,
  programRefusal,
  type Actor,
  type MentorshipViewpoint,
  type PersonalRelations,
} from '../../../../libs/domain/src/index.js';
import {
  MentorshipQueries,
  NominationQueries,
  ProgramQueries,
  type MentorshipRecord,
  type ProgramRecord,
} from '../../../../libs/persistence/src/index.js';
import { forbidden, notFound } from '../http/api-error.js';

/** What a caller needs to do with a program. */
export type ProgramNeed = 'read' | 'manage' | 'matching' | 'approve-launch';

const PROGRAM_FORBIDDEN: Record<ProgramNeed, [code: string, message: (id: string) => string]> = {
  read: ['PROGRAM.NOT_A_PARTICIPANT', (id) => `only the owner, the sponsor and the steering group read program ${id}`],
  manage: ['PROGRAM.NOT_OWNER', (id) => `only the owner of program ${id} may do this`],
  matching: ['PROGRAM.NOT_A_REVIEWER', (id) => `only the owner and the supervisors of program ${id} see its matching`],
  'approve-launch': ['PROGRAM.NOT_SPONSOR', (id) => `only the sponsor of program ${id} approves its launch`],
};

/**
 * The access policy as the API applies it: loads what a rule of libs/domain/src/access needs,
 * asks the rule, and answers a refusal the one way: 404 — the very answer an unknown id gets — to
 * a caller with no relation to the object, 403 to one who may see it but not do this. Every route,
 * page, report and export that touches a program, a mentorship, a person's data, a pilot or a
 * token comes through here.
 */
@Injectable()
export class Access {
  constructor(
    private readonly programs: ProgramQueries,
    private readonly mentorships: MentorshipQueries,
    private readonly nominations: NominationQueries,
  ) {}

  /** The program's read model if the caller may do `need` with it; else 404 or 403 (see above). */
  async program(
    programId: string,
    actor: Actor,
    need: ProgramNeed,
    cycleSupervisors: readonly string[] = [],
  ): Promise<ProgramRecord> {
    const row = await this.programs.find(programId);
    if (!row) throw notFound('program', programId);
    const allowed =
      need === 'read'
        ? canReadProgram(actor, row)
        : need === 'manage'
          ? canManageProgram(actor, row)
          : need === 'matching'
            ? canReadMatching(actor, row, cycleSupervisors)
            : canApproveLaunch(actor, row);
    if (allowed) return row;
    if (programRefusal(actor, row, cycleSupervisors) === 'hidden') throw notFound('program', programId);
    const [code, message] = PROGRAM_FORBIDDEN[need];
    throw forbidden(code, message(programId));
  }

  /** Whether the caller sees the owner's part of a program (pages show it or leave it out). */
  managesProgram(actor: Actor, program: ProgramRecord): boolean {
    return canManageProgram(actor, program);
  }

  /** The events of a program's stream this reader may see (the caller has checked they read the program). */
  visibleEvents<E extends { type: string }>(actor: Actor, program: ProgramRecord, events: E[]): E[] {
    return events.filter((e) => canSeeProgramEvent(actor, program, e.type));
  }

  /** The mentorship and where the caller stands in it; 404 for anybody but its four people. */
  async mentorship(id: string, actor: Actor): Promise<{ row: MentorshipRecord; viewpoint: MentorshipViewpoint }> {
    const row = await this.mentorships.find(id);
    const viewpoint = row ? mentorshipViewpointOf(actor, row) : null;
    if (!row || !viewpoint) throw notFound('mentorship', id);
    return { row, viewpoint };
  }

  /** Everything the personal-data rule looks at for this viewer. */
  async personalRelations(viewer: Actor): Promise<PersonalRelations> {
    const active = await this.mentorships.activeRelations(viewer.personId);
    if (!hasRole(viewer, 'owner')) return { ...active, programPeople: new Set() };
    const owned = await this.programs.ownedBy(viewer.personId);
    const [enrolled, parties, nominated] = await Promise.all([
      this.programs.participantsOf(owned),
      Promise.all(owned.map((id) => this.mentorships.statesOfProgram(id))).then(
        (states) => new Set(states.flat().flatMap((m) => [m.menteeId, m.mentorId, m.supervisorId])),
      ),
      this.nominations.peopleOfPrograms(owned),
    ]);
    return { ...active, programPeople: new Set([...enrolled, ...parties, ...nominated]) };
  }

  /** A predicate "may this viewer see this person's personal details", relations loaded once. */
  async personalDetailsFilter(viewer: Actor): Promise<(subjectId: string) => boolean> {
    const relations = await this.personalRelations(viewer);
    return (subjectId) => canSeePersonalDetails(viewer, subjectId, relations);
  }

  /** 403 PERSON.PRIVATE unless the viewer may see this person's personal data (whose existence is public). */
  async assertPersonalDetails(viewer: Actor, subjectId: string, what: string): Promise<void> {
    if (!(await this.personalDetailsFilter(viewer))(subjectId))
      throw forbidden(
        'PERSON.PRIVATE',
        `${what} of ${subjectId} are visible only to them, HR admins, the owners of their programs and their active mentor or supervisor`,
      );
  }

  /** Ids of the programs the caller owns. */
  ownedPrograms(actor: Actor): Promise<string[]> {
    return hasRole(actor, 'owner') ? this.programs.ownedBy(actor.personId) : Promise.resolve([]);
  }

  /** A pilot for its importer and HR admins; 404 for anybody else, as for an unknown id. */
  pilot<P extends { id: string; importedBy: string }>(pilot: P | null, id: string, actor: Actor): P {
    if (!pilot || !canReadPilot(actor, pilot)) throw notFound('pilot', id);
    return pilot;
  }

  /** A token for its holder and HR admins; 404 for anybody else, as for an unknown id. */
  credential<T extends { personId: string }>(token: T | null, id: string, actor: Actor): T {
    if (!token || !canManageCredential(actor, token)) throw notFound('token', id);
    return token;
  }
}
