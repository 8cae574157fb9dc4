import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mentorship's whole state, folded from its events by the projector in the append's
 * transaction: reads answer from Postgres instead of querying the workflow through Temporal.
 * Null for rows written before; the next event of such a stream folds the whole stream once.
 */
export class MentorshipState1764250000000 implements MigrationInterface {
  name = 'MentorshipState1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mentorships ADD COLUMN state jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mentorships DROP COLUMN state`);
  }
}
