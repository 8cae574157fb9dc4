import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ActiveRelations } from '../../../../libs/domain/src/index.js';
import { DATA_SOURCE } from '../tokens.js';

/** Which people the caller mentors or supervises in a mentorship that has not ended (from the read model). */
@Injectable()
export class RelationsService {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  async activeRelations(viewerId: string): Promise<ActiveRelations> {
    const rows: Array<{ mentee_id: string; mentor_id: string; supervisor_id: string }> = await this.db.query(
      `SELECT mentee_id, mentor_id, supervisor_id FROM mentorships
        WHERE (mentor_id = $1 OR supervisor_id = $1) AND phase NOT IN ('CLOSED', 'TERMINATED')`,
      [viewerId],
    );
    return {
      menteesOf: new Set(rows.filter((r) => r.mentor_id === viewerId).map((r) => r.mentee_id)),
      superviseesOf: new Set(
        rows.filter((r) => r.supervisor_id === viewerId).flatMap((r) => [r.mentee_id, r.mentor_id]),
      ),
    };
  }
}
