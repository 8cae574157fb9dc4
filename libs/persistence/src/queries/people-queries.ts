import { In, type DataSource } from 'typeorm';
import type { EffectPerson, NameableFact, Person, PersonStatus } from '../../../domain/src/index.js';
import { PersonEntity } from '../entities/person.entity.js';
import { loadDirectory } from '../people-store.js';
import { toPerson } from '../person-mapper.js';

export interface PeopleFilter {
  department?: string;
  status?: PersonStatus;
  mentorPool?: boolean;
  /** Part of a name or an email address. */
  q?: string;
  limit: number;
  offset: number;
}

/** A person of the directory as the comparison group draws on them. */
export interface PopulationMember extends EffectPerson {
  /** Leads a team or has someone reporting to them. */
  manager: boolean;
}

/**
 * The one reader of `people` (the directory) and of the HR events that tell retention and
 * promotion. Writes go through DirectoryQueries.change.
 */
export class PeopleQueries {
  constructor(private readonly db: DataSource) {}

  async page(f: PeopleFilter): Promise<{ items: Person[]; total: number }> {
    const qb = this.db.getRepository(PersonEntity).createQueryBuilder('p');
    if (f.department) qb.andWhere('p.department = :department', { department: f.department });
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.mentorPool !== undefined) qb.andWhere('p.mentor_pool = :pool', { pool: f.mentorPool });
    if (f.q) qb.andWhere('(p.display_name ILIKE :q OR p.email ILIKE :q)', { q: `%${f.q.replace(/[%_\\]/g, '\\$&')}%` });
    const [rows, total] = await qb.orderBy('p.id').skip(f.offset).take(f.limit).getManyAndCount();
    return { items: rows.map(toPerson), total };
  }

  async find(id: string): Promise<Person | null> {
    const row = await this.db.getRepository(PersonEntity).findOneBy({ id });
    return row ? toPerson(row) : null;
  }

  async findMany(ids: string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    return (await this.db.getRepository(PersonEntity).findBy({ id: In(ids) })).map(toPerson);
  }

  exists(id: string): Promise<boolean> {
    return this.db.getRepository(PersonEntity).existsBy({ id });
  }

  /** Which of these ids the directory knows. */
  async existing(ids: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM people WHERE id = ANY($1)`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Display names by id (ids the directory does not know are left out). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.db.query(
      `SELECT id, display_name FROM people WHERE id = ANY($1)`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** The person's languages, most preferred first; empty when the directory does not know them. */
  async languagesOf(id: string): Promise<string[]> {
    const rows: Array<{ languages: string[] }> = await this.db.query(`SELECT languages FROM people WHERE id = $1`, [
      id,
    ]);
    return rows[0]?.languages ?? [];
  }

  /** Managers above the person (nearest first) and everyone below (by depth, then id). */
  async reportingChain(id: string): Promise<{ ancestors: string[]; descendants: string[] }> {
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
    return { ancestors: ancestors.map((r) => r.id), descendants: descendants.map((r) => r.id) };
  }

  /** Job level and years of management of each of these people the directory knows. */
  async profilesOf(ids: string[]): Promise<Array<{ id: string; jobLevel: string; managementYears: number }>> {
    const rows: Array<{ id: string; job_level: string; management_years: string }> = await this.db.query(
      `SELECT id, job_level, management_years FROM people WHERE id = ANY($1)`,
      [ids],
    );
    // numeric comes back from pg as text.
    return rows.map((r) => ({ id: r.id, jobLevel: r.job_level, managementYears: Number(r.management_years) }));
  }

  /** The whole directory by id. */
  directory(): Promise<Map<string, Person>> {
    return loadDirectory(this.db);
  }

  /** Whatever could name someone of the directory in a text: de-identification removes it. */
  nameable(): Promise<NameableFact[]> {
    return this.db.query(`SELECT id, display_name AS name, email FROM people`);
  }

  /** Everyone the comparison may draw on, with the HR events that tell retention and promotion. */
  async comparisonPopulation(): Promise<PopulationMember[]> {
    const rows: Array<{
      id: string;
      job_level: string;
      department: string;
      management_years: number;
      team_size: number;
      reports: number;
      left_in: string | null;
      promoted_in: string[] | null;
    }> = await this.db.query(
      `SELECT p.id, p.job_level, p.department, p.management_years, p.team_size,
              (SELECT count(*)::int FROM people r WHERE r.manager_id = p.id) AS reports,
              to_char(coalesce(
                (SELECT min(h.occurred_at) FROM hr_events h WHERE h.person_id = p.id AND h.type = 'left'),
                CASE WHEN p.status = 'left' THEN p.left_at END) AT TIME ZONE 'UTC', 'YYYY-MM') AS left_in,
              (SELECT array_agg(to_char(h.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM') ORDER BY h.occurred_at)
                 FROM hr_events h WHERE h.person_id = p.id AND h.type = 'promoted-to-manager') AS promoted_in
       FROM people p ORDER BY p.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      jobLevel: r.job_level,
      department: r.department,
      managementYears: Number(r.management_years),
      teamSize: r.team_size,
      manager: r.team_size > 0 || r.reports > 0,
      leftIn: r.left_in,
      promotedIn: r.promoted_in ?? [],
    }));
  }

  /**
   * The person an identity provider's claim names — by work email (case-insensitive) or by
   * employee id — with their status and the roles mentorflow gives them; null when nobody or
   * more than one person matches.
   */
  async forSignIn(
    field: 'email' | 'id',
    value: string,
  ): Promise<{ id: string; status: string; roles: string[] } | null> {
    const rows: Array<{ id: string; status: string; roles: string[] }> = await this.db.query(
      field === 'email'
        ? `SELECT id, status, roles FROM people WHERE lower(email) = lower($1) LIMIT 2`
        : `SELECT id, status, roles FROM people WHERE id = $1`,
      [value],
    );
    return rows.length === 1 ? rows[0] : null;
  }

  /** The roles mentorflow gives this person (empty for someone unknown). */
  async rolesOf(id: string): Promise<string[]> {
    const rows: Array<{ roles: string[] }> = await this.db.query(`SELECT roles FROM people WHERE id = $1`, [id]);
    return rows[0]?.roles ?? [];
  }
}
