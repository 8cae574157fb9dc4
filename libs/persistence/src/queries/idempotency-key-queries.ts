import type { DataSource } from 'typeorm';

export interface IdempotencyClaim {
  actorId: string;
  key: string;
  method: string;
  path: string;
  requestSha256: string;
}

export interface StoredAnswer {
  requestSha256: string;
  /** Null while the first request with the key is still running (or died). */
  statusCode: number | null;
  response: unknown;
}

/**
 * The one reader and writer of `idempotency_keys`. A key is claimed with INSERT … ON CONFLICT DO
 * NOTHING (never "check then insert"), answered once, or released after a server error.
 */
export class IdempotencyKeyQueries {
  constructor(private readonly db: DataSource) {}

  /** True when this request is the first with the key. */
  async claim(c: IdempotencyClaim): Promise<boolean> {
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO idempotency_keys (actor_id, key, method, path, request_sha256) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (actor_id, key) DO NOTHING RETURNING key`,
      [c.actorId, c.key, c.method, c.path, c.requestSha256],
    );
    return claimed.length > 0;
  }

  async find(actorId: string, key: string): Promise<StoredAnswer | null> {
    const rows: Array<{ request_sha256: string; status_code: number | null; response: unknown }> = await this.db.query(
      `SELECT request_sha256, status_code, response FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    );
    const row = rows[0];
    return row ? { requestSha256: row.request_sha256, statusCode: row.status_code, response: row.response } : null;
  }

  /** Takes over a claim left without an answer for longer than `staleAfterSeconds` (its request died). */
  async takeOverStale(actorId: string, key: string, staleAfterSeconds: number): Promise<boolean> {
    // TypeORM returns [rows, count] for a bare UPDATE; wrapped in a CTE it returns the rows.
    const taken: unknown[] = await this.db.query(
      `WITH taken AS (
         UPDATE idempotency_keys SET created_at = now() WHERE actor_id = $1 AND key = $2 AND completed_at IS NULL
           AND created_at < now() - make_interval(secs => $3) RETURNING key
       ) SELECT key FROM taken`,
      [actorId, key, staleAfterSeconds],
    );
    return taken.length > 0;
  }

  async answer(actorId: string, key: string, status: number, response: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status_code = $3, response = $4, completed_at = now() WHERE actor_id = $1 AND key = $2`,
      [actorId, key, status, JSON.stringify(response)],
    );
  }

  async release(actorId: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE actor_id = $1 AND key = $2`, [actorId, key]);
  }
}
