import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcome measures of everyone (participants and not), one value per source, person, measure and
 * month, so re-importing a source replaces its values; and each person's answer about whether their
 * writing may feed de-identified training cases.
 */
export class OutcomesAndCaseConsent1764280000000 implements MigrationInterface {
  name = 'OutcomesAndCaseConsent1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outcome_measures (
        source text NOT NULL,
        employee_id text NOT NULL REFERENCES people(id),
        measure_key text NOT NULL,
        measure text NOT NULL,
        period char(7) NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        value double precision NOT NULL,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, employee_id, measure_key, period)
      )`);
    await q.query(`CREATE INDEX ix_outcome_measures_measure ON outcome_measures (measure_key, period)`);
    await q.query(`
      CREATE TABLE case_consents (
        person_id text PRIMARY KEY REFERENCES people(id),
        consent text NOT NULL CHECK (consent IN ('granted', 'refused')),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_consents');
    await q.query('DROP TABLE outcome_measures');
  }
}
