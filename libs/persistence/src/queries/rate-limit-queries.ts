import type { DataSource } from 'typeorm';

export interface WindowCount {
  count: number;
  /** Seconds until the current window ends (at least 1). */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in Postgres (`rate_limit_counters`), so that every API replica counts the
 * same failures and calls. Windows are cut on the database's clock (replicas' clocks may differ);
 * rows of windows that ended are deleted now and then by whichever replica writes.
 */
export class RateLimitQueries {
  private lastSweep = 0;

  constructor(private readonly db: DataSource) {}

  private readonly window = `to_timestamp(floor(extract(epoch FROM clock_timestamp()) * 1000 / $2) * $2 / 1000.0)`;
  private readonly retryAfter = `greatest(1, ceil(extract(epoch FROM (window_start + make_interval(secs => $2 / 1000.0) - clock_timestamp()))))::int`;

  /** The key's count in the current window of `windowMs` (0 when it has none). */
  async count(key: string, windowMs: number): Promise<WindowCount> {
    const rows: Array<{ count: number; retry_after: number }> = await this.db.query(
      `SELECT count, ${this.retryAfter} AS retry_after FROM rate_limit_counters WHERE key = $1 AND window_start = ${this.window}`,
      [key, windowMs],
    );
    return { count: rows[0]?.count ?? 0, retryAfterSeconds: rows[0]?.retry_after ?? 1 };
  }

  /** Adds one in the current window of `windowMs` and returns the new count. */
  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const rows: Array<{ count: number; retry_after: number }> = await this.db.query(
      `INSERT INTO rate_limit_counters AS c (key, window_start, count) VALUES ($1, ${this.window}, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = c.count + 1
       RETURNING count, ${this.retryAfter.replace('window_start', 'c.window_start')} AS retry_after`,
      [key, windowMs],
    );
    await this.sweep(windowMs);
    return { count: rows[0].count, retryAfterSeconds: rows[0].retry_after };
  }

  /** At most once a window per process: old windows go, so the table stays as small as the traffic. */
  private async sweep(windowMs: number): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < windowMs) return;
    this.lastSweep = now;
    await this.db.query(
      `DELETE FROM rate_limit_counters WHERE window_start < clock_timestamp() - make_interval(secs => $1 / 500.0)`,
      [windowMs],
    );
  }
}
