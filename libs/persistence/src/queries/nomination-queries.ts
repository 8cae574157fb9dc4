import type { DataSource } from 'typeorm';
import { NominationEntity } from '../entities/hr-event.entity.js';

export interface NominationRecord {
  id: string;
  personId: string;
  reason: string;
  status: 'suggested' | 'enrolled' | 'declined';
  sourceEventId: string | null;
  programId: string | null;
  createdAt: Date;
}

/** The one reader of `nominations` (HR events write them through DirectoryQueries.change). */
export class NominationQueries {
  constructor(private readonly db: DataSource) {}

  /** Newest first. */
  all(): Promise<NominationRecord[]> {
    return this.db.getRepository(NominationEntity).find({ order: { createdAt: 'DESC' } });
  }

  /** The people nominated in these programs. */
  async peopleOfPrograms(programIds: string[]): Promise<Set<string>> {
    if (programIds.length === 0) return new Set();
    const rows: Array<{ person_id: string }> = await this.db.query(
      `SELECT DISTINCT person_id FROM nominations WHERE program_id = ANY($1)`,
      [programIds],
    );
    return new Set(rows.map((r) => r.person_id));
  }
}
