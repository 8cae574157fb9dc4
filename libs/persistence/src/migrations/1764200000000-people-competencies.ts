import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory in full, competency models (immutable versions), assessments, HR events, nominations. */
export class PeopleCompetencies1764200000000 implements MigrationInterface {
  name = 'PeopleCompetencies1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // People created before this migration (token holders) get neutral values, marked by the defaults.
    await q.query(`
      ALTER TABLE people
        ADD COLUMN department text NOT NULL DEFAULT 'unassigned',
        ADD COLUMN manager_id text REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
        ADD COLUMN job_level text NOT NULL DEFAULT 'unassigned',
        ADD COLUMN management_years numeric(4,1) NOT NULL DEFAULT 0,
        ADD COLUMN team_size integer NOT NULL DEFAULT 0,
        ADD COLUMN languages text[] NOT NULL DEFAULT '{en}',
        ADD COLUMN location text,
        ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
        ADD COLUMN hire_date date,
        ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
        ADD COLUMN mentor_pool boolean NOT NULL DEFAULT false,
        ADD COLUMN left_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX ix_people_manager ON people (manager_id)`);
    await q.query(`CREATE INDEX ix_people_department ON people (department)`);
    await q.query(`
      CREATE TABLE hr_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_sha256 text NOT NULL,
        rows integer NOT NULL,
        created integer NOT NULL,
        updated integer NOT NULL,
        unchanged integer NOT NULL,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE competency_models (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        name text NOT NULL,
        definition jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_competency_models_key_version UNIQUE (key, version)
      )`);
    // Versions are immutable: an assessment made under one must keep meaning the same thing.
    await q.query(`
      CREATE FUNCTION competency_models_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'competency model versions are immutable (% refused)', TG_OP; END $$`);
    await q.query(`
      CREATE TRIGGER competency_models_no_update_delete BEFORE UPDATE OR DELETE ON competency_models
      FOR EACH ROW EXECUTE FUNCTION competency_models_immutable()`);
    await q.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id text NOT NULL REFERENCES people(id),
        model_id uuid NOT NULL REFERENCES competency_models(id),
        competency_key text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        source text NOT NULL CHECK (source IN ('self', 'mentor', 'supervisor', 'manager', '360')),
        context text NOT NULL CHECK (context IN ('baseline', 'midpoint', 'final', 'ad-hoc')),
        evidence text NOT NULL DEFAULT '',
        assessor_id text NOT NULL REFERENCES people(id),
        assessed_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_assessments_person ON assessments (person_id, competency_key, assessed_at DESC)`);
    await q.query(`
      CREATE TABLE hr_events (
        source_id text PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('hired-as-manager', 'promoted-to-manager', 'changed-manager', 'left')),
        person_id text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_by text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE nominations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id text NOT NULL REFERENCES people(id),
        reason text NOT NULL,
        source_event_id text REFERENCES hr_events(source_id),
        status text NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'enrolled', 'declined')),
        program_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open suggestion per person: a second HR event about them must not nominate them twice.
    await q.query(`CREATE UNIQUE INDEX uq_nominations_open ON nominations (person_id) WHERE status = 'suggested'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE nominations`);
    await q.query(`DROP TABLE hr_events`);
    await q.query(`DROP TABLE assessments`);
    await q.query(`DROP TRIGGER competency_models_no_update_delete ON competency_models`);
    await q.query(`DROP FUNCTION competency_models_immutable`);
    await q.query(`DROP TABLE competency_models`);
    await q.query(`DROP TABLE hr_imports`);
    await q.query(`DROP INDEX ix_people_department`);
    await q.query(`DROP INDEX ix_people_manager`);
    await q.query(`
      ALTER TABLE people DROP COLUMN department, DROP COLUMN manager_id, DROP COLUMN job_level, DROP COLUMN management_years,
        DROP COLUMN team_size, DROP COLUMN languages, DROP COLUMN location, DROP COLUMN time_zone, DROP COLUMN hire_date,
        DROP COLUMN status, DROP COLUMN mentor_pool, DROP COLUMN left_at, DROP COLUMN updated_at`);
  }
}
