import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  directoryProblem,
  findReportingCycles,
  planHrImport,
  personProblems,
  type Actor,
  type Person,
  type Role,
} from '../../../../libs/domain/src/index.js';
import { DirectoryQueries, PeopleQueries } from '../../../../libs/persistence/src/index.js';
import { Access } from '../access/access.service.js';
import { ApiError, badField, notFound } from '../http/api-error.js';
import { importOutcome } from '../http/import-outcome.js';
import { importRejected } from '../http/import-rejected.js';
import type { CreatePersonDto, UpdatePersonDto } from './dto/person.dto.js';
import {
  PersonResponse,
  PublicPersonResponse,
  type PersonPageResponse,
  type ReportingChainResponse,
} from './dto/person.dto.js';
import type { ListPeopleQuery } from './dto/list-people.query.js';
import type { ImportResultResponse } from './dto/import-result.dto.js';

@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleQueries,
    private readonly directory: DirectoryQueries,
    private readonly access: Access,
  ) {}

  /** The directory: everyone's public card, personal details where the privacy rule allows (HR admins: all). */
  async list(query: ListPeopleQuery, viewer: Actor): Promise<PersonPageResponse> {
    const { items, total } = await this.people.page(query);
    const visible = await this.access.personalDetailsFilter(viewer);
    return {
      items: items.map((p) => (visible(p.id) ? PersonResponse.full(p) : PublicPersonResponse.from(p))),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** Everyone may look a colleague up; personal details only reach those the privacy rule allows. */
  async get(id: string, viewer: Actor): Promise<PersonResponse | PublicPersonResponse> {
    const person = await this.find(id);
    return (await this.access.personalDetailsFilter(viewer))(id)
      ? PersonResponse.full(person)
      : PublicPersonResponse.from(person);
  }

  async find(id: string): Promise<Person> {
    const person = await this.people.find(id);
    if (!person) throw notFound('person', id);
    return person;
  }

  async create(dto: CreatePersonDto): Promise<PersonResponse> {
    const person: Person = {
      id: dto.id,
      name: dto.name.trim(),
      email: dto.email.toLowerCase(),
      department: dto.department.trim(),
      managerId: dto.managerId ?? null,
      jobLevel: dto.jobLevel,
      managementYears: dto.managementYears ?? 0,
      teamSize: dto.teamSize ?? 0,
      languages: dto.languages ?? ['en'],
      location: dto.location ?? null,
      timeZone: dto.timeZone ?? 'UTC',
      hireDate: dto.hireDate,
      status: 'active',
      mentorPool: dto.mentorPool ?? false,
    };
    return this.write(person, 'create');
  }

  async update(id: string, dto: UpdatePersonDto): Promise<PersonResponse> {
    if (dto.id !== undefined && dto.id !== id) throw badField('id', 'the employee id cannot change');
    const before = await this.find(id);
    const after: Person = {
      ...before,
      ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)),
      email: (dto.email ?? before.email).toLowerCase(),
    };
    return this.write(after, 'update');
  }

  /** What mentorflow lets the person do; 404 for someone the directory does not know. */
  async setRoles(id: string, roles: Role[]): Promise<{ roles: Role[] }> {
    if (!(await this.directory.setRoles(id, roles))) throw notFound('person', id);
    return { roles: [...new Set(roles)].sort() };
  }

  deactivate(id: string): Promise<PersonResponse> {
    return this.update(id, { status: 'left' });
  }

  /** Validates against the whole directory (manager exists, no cycle) and writes, under one lock. */
  private async write(person: Person, mode: 'create' | 'update'): Promise<PersonResponse> {
    const [own] = personProblems(person);
    if (own) throw badField(own.field, own.message);
    await this.directory.change(async (change) => {
      const directory = await change.directory();
      if (mode === 'create' && directory.has(person.id))
        throw new ApiError(409, 'PERSON.EXISTS', `person ${person.id} already exists`);
      const problem = directoryProblem(directory, person, findReportingCycles);
      if (problem) throw badField(problem.field, problem.message);
      await change.upsert([person]);
    });
    return PersonResponse.full(await this.find(person.id));
  }

  /** Whom a person reports to and who reports to them: personal data, under the privacy rule. */
  async reportingChain(id: string, viewer: Actor): Promise<ReportingChainResponse> {
    await this.find(id);
    await this.access.assertPersonalDetails(viewer, id, 'the reporting chain');
    return { personId: id, ...(await this.people.reportingChain(id)) };
  }

  /**
   * All or nothing: the plan is made and applied in one transaction under the directory lock, so
   * a file with any error writes nothing, and two imports never interleave.
   */
  async importCsv(csv: string, actor: Actor, dryRun: boolean): Promise<ImportResultResponse> {
    const sha256 = createHash('sha256').update(csv, 'utf8').digest('hex');
    return this.directory.change(async (change) => {
      const plan = planHrImport(csv, await change.directory());
      if (plan.errors.length > 0) throw importRejected('HR_IMPORT.INVALID', plan.errors);
      const outcome = importOutcome(plan, dryRun, `nothing to change: all ${plan.rows} rows match the directory`);
      if (!dryRun && outcome.changed) {
        await change.upsert([...plan.create, ...plan.update]);
      }
      let importId: string | null = null;
      if (!dryRun) {
        importId = await change.recordImport({
          fileSha256: sha256,
          rows: plan.rows,
          created: plan.create.length,
          updated: plan.update.length,
          unchanged: plan.unchanged,
          importedBy: actor.personId,
        });
      }
      return {
        importId,
        ...outcome,
        fileSha256: sha256,
      };
    });
  }
}
