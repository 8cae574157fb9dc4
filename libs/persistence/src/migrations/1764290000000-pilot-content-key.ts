import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pilot is known by its content: importing the same file again finds the pilot it made instead of
 * making a second one. Pilots imported before have no key and stay as they are.
 */
export class PilotContentKey1764290000000 implements MigrationInterface {
  name = 'PilotContentKey1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pilots ADD COLUMN content_sha256 text`);
    await q.query(`CREATE UNIQUE INDEX uq_pilots_content ON pilots (content_sha256) WHERE content_sha256 IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_pilots_content`);
    await q.query(`ALTER TABLE pilots DROP COLUMN content_sha256`);
  }
}
