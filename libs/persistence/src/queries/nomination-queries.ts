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
}
