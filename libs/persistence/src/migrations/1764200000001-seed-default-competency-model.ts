import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_MANAGERIAL_MODEL } from '../../../domain/src/index.js';

/** Ships our default managerial model as version 1; companies publish later versions over the API. */
export class SeedDefaultCompetencyModel1764200000001 implements MigrationInterface {
  name = 'SeedDefaultCompetencyModel1764200000001';

  async up(q: QueryRunner): Promise<void> {
    const { key, name, competencies, targets } = DEFAULT_MANAGERIAL_MODEL;
    await q.query(
      `INSERT INTO competency_models (key, version, name, definition, created_by) VALUES ($1, 1, $2, $3, 'system')
       ON CONFLICT (key, version) DO NOTHING`,
      [key, name, JSON.stringify({ competencies, targets })],
    );
  }

  async down(): Promise<void> {
    // Versions are immutable (a trigger refuses deletes); the table itself goes with the previous migration.
  }
}
