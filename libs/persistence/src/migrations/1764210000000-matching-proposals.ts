import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Matching proposals of a program cycle: one row per version, with the full explained result. */
export class MatchingProposals1764210000000 implements MigrationInterface {
  name = 'MatchingProposals1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matching_proposals (
        program_id uuid NOT NULL REFERENCES programs(id),
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('SOLVING', 'READY', 'FAILED')),
        request jsonb NOT NULL,
        result jsonb,
        failure text,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        solved_at timestamptz,
        approved boolean NOT NULL DEFAULT false,
        PRIMARY KEY (program_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matching_proposals`);
  }
}
