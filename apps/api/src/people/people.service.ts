import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  canSeePersonalDetails,
  directoryProblem,
  findReportingCycles,
  planHrImport,
  personProblems,
  type Actor,
  type ImportError,
  type Person,
} from '../../../../libs/domain/src/index.js';
import { loadDirectory, PersonEntity, toPerson, upsertPeople } from '../../../../libs/persistence/src/index.js';
import { ApiError, badField, notFound } from '../http/api-error.js';
import { DATA_SOURCE } from '../tokens.js';
import type { CreatePersonDto, UpdatePersonDto } from './dto/person.dto.js';
import {
  PersonResponse,
  PublicPersonResponse,
  type PersonPageResponse,
  type ReportingChainResponse,
} from './dto/person.dto.js';
import type { ListPeopleQuery } from './dto/list-people.query.js';
import type { ImportResultResponse } from './dto/import-result.dto.js';
import { RelationsService } from './relations.service.js';

/** Serialises directory writes (imports, edits, HR events) so cycle checks see a stable directory. */
export const DIRECTORY_LOCK = 7_401_202_612;

@Injectable()
export class PeopleService {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly relations: RelationsService,
  ) {}

  async list(query: ListPeopleQuery): Promise<PersonPageResponse> {
    const qb = this.db.getRepository(PersonEntity).createQueryBuilder('p');
    if (query.department) qb.andWhere('p.department = :department', { department: query.department });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.mentorPool !== undefined) qb.andWhere('p.mentor_pool = :pool', { pool: query.mentorPool });
    if (query.q)
      qb.andWhere('(p.display_name ILIKE :q OR p.email ILIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    const [rows, total] = await qb.orderBy('p.id').skip(query.offset).take(query.limit).getManyAndCount();
    return {
      items: rows.map((r) => PersonResponse.full(toPerson(r))),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** Everyone may look a colleague up; personal details only reach those the privacy rule allows. */
  async get(id: string, viewer: Actor): Promise<PersonResponse | PublicPersonResponse> {
    const person = await this.find(id);
    const relations = await this.relations.activeRelations(viewer.personId);
    return canSeePersonalDetails(viewer, id, relations)
      ? PersonResponse.full(person)
      : PublicPersonResponse.from(person);
  }

  async find(id: string): Promise<Person> {
    const row = await this.db.getRepository(PersonEntity).findOneBy({ id });
    if (!row) throw notFound('person', id);
    return toPerson(row);
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

  deactivate(id: string): Promise<PersonResponse> {
    return this.update(id, { status: 'left' });
  }

  /** Validates against the whole directory (manager exists, no cycle) and writes, under one lock. */
  private async write(person: Person, mode: 'create' | 'update'): Promise<PersonResponse> {
    const [own] = personProblems(person);
    if (own) throw badField(own.field, own.message);
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_LOCK]);
      const directory = await loadDirectory(tx);
      if (mode === 'create' && directory.has(person.id))
        throw new ApiError(409, 'PERSON.EXISTS', `person ${person.id} already exists`);
      const problem = directoryProblem(directory, person, findReportingCycles);
      if (problem) throw badField(problem.field, problem.message);
      await upsertPeople(tx, [person]);
    });
    return PersonResponse.full(await this.find(person.id));
  }

  async reportingChain(id: string): Promise<ReportingChainResponse> {
    await this.find(id);
    const ancestors: Array<{ id: string }> = await this.db.query(
      `WITH RECURSIVE up AS (
         SELECT manager_id AS id, 1 AS depth FROM people WHERE id = $1 AND manager_id IS NOT NULL
         UNION ALL SELECT p.manager_id, up.depth + 1 FROM people p JOIN up ON p.id = up.id WHERE p.manager_id IS NOT NULL
       ) SELECT id FROM up ORDER BY depth`,
      [id],
    );
    const descendants: Array<{ id: string }> = await this.db.query(
      `WITH RECURSIVE down AS (
         SELECT id, 1 AS depth FROM people WHERE manager_id = $1
         UNION ALL SELECT p.id, down.depth + 1 FROM people p JOIN down ON p.manager_id = down.id
       ) SELECT id FROM down ORDER BY depth, id`,
      [id],
    );
    return { personId: id, ancestors: ancestors.map((r) => r.id), descendants: descendants.map((r) => r.id) };
  }

  /**
   * All or nothing: the plan is made and applied in one transaction under the directory lock, so
   * a file with any error writes nothing, and two imports never interleave.
   */
  async importCsv(csv: string, actor: Actor, dryRun: boolean): Promise<ImportResultResponse> {
    const sha256 = createHash('sha256').update(csv, 'utf8').digest('hex');
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_LOCK]);
      const plan = planHrImport(csv, await loadDirectory(tx));
      if (plan.errors.length > 0) throw importRejected(plan.errors);
      const changed = plan.create.length + plan.update.length > 0;
      if (!dryRun && changed) {
        await upsertPeople(tx, [...plan.create, ...plan.update]);
      }
      let importId: string | null = null;
      if (!dryRun) {
        const rows: Array<{ id: string }> = await tx.query(
          `INSERT INTO hr_imports (file_sha256, rows, created, updated, unchanged, imported_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [sha256, plan.rows, plan.create.length, plan.update.length, plan.unchanged, actor.personId],
        );
        importId = rows[0]?.id ?? null;
      }
      const message = !changed
        ? `nothing to change: all ${plan.rows} rows match the directory`
        : `${dryRun ? 'would create' : 'created'} ${plan.create.length}, ${dryRun ? 'would update' : 'updated'} ${plan.update.length}, unchanged ${plan.unchanged}`;
      return {
        importId,
        dryRun,
        rows: plan.rows,
        created: plan.create.length,
        updated: plan.update.length,
        unchanged: plan.unchanged,
        changed,
        message,
        fileSha256: sha256,
      };
    });
  }
}

function importRejected(errors: ImportError[]): ApiError {
  const shown = errors.slice(0, 1000);
  return new ApiError(
    400,
    'HR_IMPORT.INVALID',
    `the file was rejected: ${errors.length} error(s); nothing was imported`,
    shown.map((e) => ({ field: `line ${e.line}${e.column ? `, ${e.column}` : ''}`, messages: [e.message] })),
    { lines: shown, totalErrors: errors.length },
  );
}
