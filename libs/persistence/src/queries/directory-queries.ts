import type { DataSource, EntityManager } from 'typeorm';
import type { Person } from '../../../domain/src/index.js';
import { HrEventEntity } from '../entities/hr-event.entity.js';
import { loadDirectory, upsertPeople } from '../people-store.js';

/** Serialises directory writes (imports, edits, HR events) so cycle checks see a stable directory. */
export const DIRECTORY_LOCK = 7_401_202_612;

export interface HrEventRecord {
  sourceId: string;
  type: string;
  personId: string;
  payload: object;
  occurredAt: string;
  receivedBy: string;
}

/** What a directory change may read and write; everything commits together or not at all. */
export interface DirectoryChange {
  /** The directory as it is inside the change (under the lock). */
  directory(): Promise<Map<string, Person>>;
  upsert(people: Person[]): Promise<void>;
  /** Records an HR import; returns its id. */
  recordImport(i: {
    fileSha256: string;
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    importedBy: string;
  }): Promise<string | null>;
  /** Records an HR event once per source id; false when that id was received before. */
  recordHrEvent(e: HrEventRecord): Promise<boolean>;
  /** The HR event first received with this source id. */
  hrEvent(sourceId: string): Promise<{ type: string; personId: string }>;
  /** Suggests the person for the next cycle; false when an open suggestion exists already. */
  nominate(n: { personId: string; reason: string; sourceEventId: string }): Promise<boolean>;
}

class Change implements DirectoryChange {
  constructor(private readonly tx: EntityManager) {}

  directory() {
    return loadDirectory(this.tx);
  }

  upsert(people: Person[]) {
    return upsertPeople(this.tx, people);
  }

  async recordImport(i: Parameters<DirectoryChange['recordImport']>[0]) {
    const rows: Array<{ id: string }> = await this.tx.query(
      `INSERT INTO hr_imports (file_sha256, rows, created, updated, unchanged, imported_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [i.fileSha256, i.rows, i.created, i.updated, i.unchanged, i.importedBy],
    );
    return rows[0]?.id ?? null;
  }

  async recordHrEvent(e: HrEventRecord) {
    // The source id's primary key, not a prior check, makes a redelivery a no-op.
    const inserted: unknown[] = await this.tx.query(
      `INSERT INTO hr_events (source_id, type, person_id, payload, occurred_at, received_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (source_id) DO NOTHING RETURNING source_id`,
      [e.sourceId, e.type, e.personId, JSON.stringify(e.payload), e.occurredAt, e.receivedBy],
    );
    return inserted.length > 0;
  }

  async hrEvent(sourceId: string) {
    const first = await this.tx.getRepository(HrEventEntity).findOneByOrFail({ sourceId });
    return { type: first.type, personId: first.personId };
  }

  async nominate(n: { personId: string; reason: string; sourceEventId: string }) {
    const nominated: unknown[] = await this.tx.query(
      `INSERT INTO nominations (person_id, reason, source_event_id) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) WHERE status = 'suggested' DO NOTHING RETURNING id`,
      [n.personId, n.reason, n.sourceEventId],
    );
    return nominated.length > 0;
  }
}

/** The one writer of the directory (`people`, `hr_imports`, `hr_events`, `nominations`). */
export class DirectoryQueries {
  constructor(private readonly db: DataSource) {}

  /**
   * Runs `work` in one transaction under the directory lock: a refusal thrown by `work` writes
   * nothing, and two changes never interleave.
   */
  change<T>(work: (change: DirectoryChange) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_LOCK]);
      return work(new Change(tx));
    });
  }

  /** Sets the roles mentorflow gives a person (their tokens and sessions keep only these); false for an unknown person. */
  async setRoles(personId: string, roles: string[]): Promise<boolean> {
    const [, count]: [unknown[], number] = await this.db.query(
      `UPDATE people SET roles = $2, updated_at = now() WHERE id = $1`,
      [personId, [...new Set(roles)].sort()],
    );
    return count === 1;
  }
}
