import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the owner decides at planning beside objectives: steering group, key success factors, policy. */
export class ProgramPlanning1764240000000 implements MigrationInterface {
  name = 'ProgramPlanning1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE programs
        ADD COLUMN steering_group text[] NOT NULL DEFAULT '{}',
        ADD COLUMN key_success_factors jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN policy jsonb`);
    await q.query(`CREATE INDEX ix_programs_steering_group ON programs USING gin (steering_group)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE programs DROP COLUMN policy, DROP COLUMN key_success_factors, DROP COLUMN steering_group`,
    );
  }
}
