import type { DataSource } from 'typeorm';
import type { SurveyAnswers, SurveyTemplate } from '../../../domain/src/index.js';

/** The one reader and writer of `survey_templates` and `survey_responses`. */
export class SurveyQueries {
  constructor(private readonly db: DataSource) {}

  /** Every version of every template, by key then version. */
  async templates(): Promise<SurveyTemplate[]> {
    const rows: Array<{ definition: SurveyTemplate }> = await this.db.query(
      `SELECT definition FROM survey_templates ORDER BY key, version`,
    );
    return rows.map((r) => r.definition);
  }

  /** A template's given version, or its latest; null when there is none. */
  async template(key: string, version?: number): Promise<SurveyTemplate | null> {
    const rows: Array<{ definition: SurveyTemplate }> = await this.db.query(
      `SELECT definition FROM survey_templates WHERE key = $1 ${version ? 'AND version = $2' : ''} ORDER BY version DESC LIMIT 1`,
      version ? [key, version] : [key],
    );
    return rows[0]?.definition ?? null;
  }

  /** Stores the next version of the template; the primary key refuses a concurrent publisher of the same version. */
  publish(draft: Omit<SurveyTemplate, 'version'>, createdBy: string): Promise<SurveyTemplate> {
    return this.db.transaction(async (tx) => {
      const rows: Array<{ v: number | null }> = await tx.query(
        `SELECT max(version) AS v FROM survey_templates WHERE key = $1`,
        [draft.key],
      );
      const template: SurveyTemplate = { ...draft, version: (rows[0]?.v ?? 0) + 1 };
      await tx.query(`INSERT INTO survey_templates (key, version, definition, created_by) VALUES ($1, $2, $3, $4)`, [
        draft.key,
        template.version,
        JSON.stringify(template),
        createdBy,
      ]);
      return template;
    });
  }

  /** Stores one response per person and occurrence; null when this person already answered it. */
  async respond(r: {
    template: SurveyTemplate;
    occurrence: string;
    respondentId: string;
    answers: SurveyAnswers;
  }): Promise<string | null> {
    // The unique constraint, not a prior check, keeps it to one response per person and occurrence.
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO survey_responses (template_key, template_version, occurrence, respondent_id, answers) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT uq_survey_response_once DO NOTHING RETURNING id`,
      [r.template.key, r.template.version, r.occurrence, r.respondentId, JSON.stringify(r.answers)],
    );
    return inserted[0] ? String(inserted[0].id) : null;
  }
}
