import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEED_SURVEY_TEMPLATES } from '../../../domain/src/index.js';

/**
 * Survey templates (versioned, immutable once stored), one response per person and occasion, and
 * imported pilots (the validated file, analysed on demand by a pure function).
 */
export class PilotsSurveys1764260000000 implements MigrationInterface {
  name = 'PilotsSurveys1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE survey_templates (
        key text NOT NULL,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key, version)
      )`);
    await q.query(`
      CREATE TABLE survey_responses (
        id bigserial PRIMARY KEY,
        template_key text NOT NULL,
        template_version integer NOT NULL,
        occurrence text NOT NULL,
        respondent_id text NOT NULL,
        answers jsonb NOT NULL,
        answered_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (template_key, template_version) REFERENCES survey_templates (key, version),
        CONSTRAINT uq_survey_response_once UNIQUE (occurrence, respondent_id)
      )`);
    await q.query(`
      CREATE TABLE pilots (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        mentorships jsonb NOT NULL,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const t of SEED_SURVEY_TEMPLATES) {
      await q.query(`INSERT INTO survey_templates (key, version, definition, created_by) VALUES ($1, $2, $3, 'seed')`, [
        t.key,
        t.version,
        JSON.stringify(t),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pilots`);
    await q.query(`DROP TABLE survey_responses`);
    await q.query(`DROP TABLE survey_templates`);
  }
}
