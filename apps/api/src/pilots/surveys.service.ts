import { Injectable } from '@nestjs/common';
import {
  surveyAnswerProblems,
  surveyTemplateProblems,
  type Actor,
  type SurveyAnswers,
  type SurveyTemplate,
} from '../../../../libs/domain/src/index.js';
import { SurveyQueries } from '../../../../libs/persistence/src/index.js';
import { ApiError, notFound } from '../http/api-error.js';

/** Versioned survey templates and the answers to them. */
@Injectable()
export class SurveysService {
  constructor(private readonly surveys: SurveyQueries) {}

  all(): Promise<SurveyTemplate[]> {
    return this.surveys.templates();
  }

  /** A template's given version, or its latest; 404 when there is none. */
  async template(key: string, version?: number): Promise<SurveyTemplate> {
    const template = await this.surveys.template(key, version);
    if (!template) throw notFound('survey template', `${key}${version ? ` v${version}` : ''}`);
    return template;
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
    return this.surveys.publish(draft, actor.personId);
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
    const id = await this.surveys.respond({
      template,
      occurrence: input.occurrence,
      respondentId: actor.personId,
      answers: input.answers,
    });
    if (!id)
      throw new ApiError(409, 'SURVEY.ALREADY_ANSWERED', `${actor.personId} already answered ${input.occurrence}`);
    return { id, templateKey: template.key, templateVersion: template.version, occurrence: input.occurrence };
  }
}
