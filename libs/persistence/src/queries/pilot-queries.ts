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

  /**
   * Stores a pilot once per content: a second import of the same file (same key) stores nothing and
   * gets the first one's id (INSERT … ON CONFLICT, never check then insert).
   */
  async insert(p: {
    id: string;
    name: string;
    mentorships: unknown[];
    importedBy: string;
    contentSha256: string;
  }): Promise<{ id: string; name: string; created: boolean }> {
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO pilots (id, name, mentorships, imported_by, content_sha256) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (content_sha256) WHERE content_sha256 IS NOT NULL DO NOTHING RETURNING id`,
      [p.id, p.name, JSON.stringify(p.mentorships), p.importedBy, p.contentSha256],
    );
    if (inserted.length > 0) return { id: p.id, name: p.name, created: true };
    const [first]: Array<{ id: string; name: string }> = await this.db.query(
      `SELECT id, name FROM pilots WHERE content_sha256 = $1`,
      [p.contentSha256],
    );
    return { id: first.id, name: first.name, created: false };
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

  /** How many pilot mentorships each mentor saw through (a pilot's mentorships all ran to their end). */
  async mentorCounts(): Promise<Map<string, number>> {
    const rows: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT m ->> 'mentorId' AS id, count(*)::int AS n FROM pilots, jsonb_array_elements(mentorships) m
        GROUP BY m ->> 'mentorId'`,
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }
}
