import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  surveyAnswerProblems,
  surveyTemplateProblems,
  type Actor,
  type SurveyAnswers,
  type SurveyTemplate,
} from '../../../../libs/domain/src/index.js';
import { ApiError, notFound } from '../http/api-error.js';
import { DATA_SOURCE } from '../tokens.js';

/** Versioned survey templates and the answers to them. */
@Injectable()
export class SurveysService {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  async all(): Promise<SurveyTemplate[]> {
    const rows: Array<{ definition: SurveyTemplate }> = await this.db.query(
      `SELECT definition FROM survey_templates ORDER BY key, version`,
    );
    return rows.map((r) => r.definition);
  }

  /** A template's given version, or its latest; 404 when there is none. */
  async template(key: string, version?: number): Promise<SurveyTemplate> {
    const rows: Array<{ definition: SurveyTemplate }> = await this.db.query(
      `SELECT definition FROM survey_templates WHERE key = $1 ${version ? 'AND version = $2' : ''} ORDER BY version DESC LIMIT 1`,
      version ? [key, version] : [key],
    );
    if (!rows[0]) throw notFound('survey template', `${key}${version ? ` v${version}` : ''}`);
    return rows[0].definition;
  }

  async publish(draft: Omit<SurveyTemplate, 'version'>, actor: Actor): Promise<SurveyTemplate> {
    const problems = surveyTemplateProblems(draft);
    if (problems.length)
      throw new ApiError(
        400,
        'VALIDATION',
        `${problems[0].field}: ${problems[0].message}`,
        problems.map((p) => ({ field: p.field, messages: [p.message] })),
      );
    // The primary key (key, version) refuses a concurrent publisher of the same version.
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
        actor.personId,
      ]);
      return template;
    });
  }

  async respond(
    input: { templateKey: string; templateVersion?: number; occurrence: string; answers: SurveyAnswers },
    actor: Actor,
  ) {
    const template = await this.template(input.templateKey, input.templateVersion);
    const problems = surveyAnswerProblems(template, input.answers);
    if (problems.length)
      throw new ApiError(
        400,
        'VALIDATION',
        `answers: ${problems[0].item}: ${problems[0].message}`,
        problems.map((p) => ({ field: `answers.${p.item}`, messages: [p.message] })),
      );
    // The unique constraint, not a prior check, keeps it to one response per person and occurrence.
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO survey_responses (template_key, template_version, occurrence, respondent_id, answers) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT uq_survey_response_once DO NOTHING RETURNING id`,
      [template.key, template.version, input.occurrence, actor.personId, JSON.stringify(input.answers)],
    );
    if (!inserted[0])
      throw new ApiError(409, 'SURVEY.ALREADY_ANSWERED', `${actor.personId} already answered ${input.occurrence}`);
    return {
      id: String(inserted[0].id),
      templateKey: template.key,
      templateVersion: template.version,
      occurrence: input.occurrence,
    };
  }
}
