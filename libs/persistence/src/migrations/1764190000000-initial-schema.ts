import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764190000000 implements MigrationInterface {
  name = 'InitialSchema1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domain_events (
        position bigserial PRIMARY KEY,
        stream_id text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version > 0),
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor_id text NOT NULL,
        idempotency_key text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_domain_events_stream_version UNIQUE (stream_id, stream_version),
        CONSTRAINT uq_domain_events_idempotency_key UNIQUE (idempotency_key)
      )`);
    // Append-only is enforced by the database, not by convention.
    await q.query(`
      CREATE FUNCTION domain_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'domain_events is append-only (% refused)', TG_OP; END $$`);
    await q.query(`
      CREATE TRIGGER domain_events_no_update_delete BEFORE UPDATE OR DELETE ON domain_events
      FOR EACH ROW EXECUTE FUNCTION domain_events_append_only()`);
    await q.query(`
      CREATE TABLE people (
        id text PRIMARY KEY,
        display_name text NOT NULL,
        email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id text NOT NULL REFERENCES people(id),
        token_hash text NOT NULL,
        roles text[] NOT NULL,
        label text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash)
      )`);
    await q.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        owner_id text NOT NULL,
        sponsor_id text NOT NULL,
        phase text NOT NULL,
        objectives jsonb NOT NULL,
        launch_approved_at timestamptz,
        workflow_id text NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_programs_owner ON programs (owner_id)`);
    await q.query(`CREATE INDEX ix_programs_sponsor ON programs (sponsor_id)`);
    await q.query(`CREATE INDEX ix_programs_created ON programs (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programs`);
    await q.query(`DROP TABLE api_tokens`);
    await q.query(`DROP TABLE people`);
    await q.query(`DROP TRIGGER domain_events_no_update_delete ON domain_events`);
    await q.query(`DROP FUNCTION domain_events_append_only`);
    await q.query(`DROP TABLE domain_events`);
  }
}
