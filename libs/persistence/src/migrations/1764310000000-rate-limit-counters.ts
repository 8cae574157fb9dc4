import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fixed-window counters shared by every API replica (failed authentications per address, expensive
 * calls per person): one row per key and window, incremented with an upsert. UNLOGGED: they are worth
 * nothing after a crash, and skipping the WAL keeps the write on every failure cheap.
 */
export class RateLimitCounters1764310000000 implements MigrationInterface {
  name = 'RateLimitCounters1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_counters (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);
    await q.query(`CREATE INDEX rate_limit_counters_window ON rate_limit_counters (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_counters`);
  }
}
