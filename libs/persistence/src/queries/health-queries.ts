import type { DataSource } from 'typeorm';

/** Readiness: does Postgres answer. */
export class HealthQueries {
  constructor(private readonly db: DataSource) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
