import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Answers to requests sent with an Idempotency-Key: a repeat gets the first answer, nothing runs twice. */
export class IdempotencyKeys1764220000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        actor_id text NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_sha256 text NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (actor_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
