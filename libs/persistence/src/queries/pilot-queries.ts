import type { DataSource } from 'typeorm';
import type { PilotMentorship } from '../../../domain/src/index.js';
import { PilotEntity } from '../entities/pilot.entity.js';

export interface PilotRecord {
  id: string;
  name: string;
  mentorships: PilotMentorship[];
  importedBy: string;
  importedAt: Date;
}

/** The one reader and writer of `pilots`. */
export class PilotQueries {
  constructor(private readonly db: DataSource) {}

  async insert(p: { id: string; name: string; mentorships: unknown[]; importedBy: string }): Promise<void> {
    await this.db.query(`INSERT INTO pilots (id, name, mentorships, imported_by) VALUES ($1, $2, $3, $4)`, [
      p.id,
      p.name,
      JSON.stringify(p.mentorships),
      p.importedBy,
    ]);
  }

  /** Newest first, without the mentorships themselves (their count only). */
  async list(
    limit = 200,
  ): Promise<Array<{ id: string; name: string; mentorships: number; importedBy: string; importedAt: string }>> {
    const rows: Array<{ id: string; name: string; n: number; imported_by: string; imported_at: Date }> =
      await this.db.query(
        `SELECT id, name, jsonb_array_length(mentorships) AS n, imported_by, imported_at FROM pilots ORDER BY imported_at DESC LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      mentorships: r.n,
      importedBy: r.imported_by,
      importedAt: r.imported_at.toISOString(),
    }));
  }

  find(id: string): Promise<PilotRecord | null> {
    return this.db.getRepository(PilotEntity).findOneBy({ id });
  }
}
