import { DomainError } from '../shared/domain-error.js';

/**
 * The interaction-quality questions asked of mentors and mentees (pulse, midterm, final): the four
 * marks of a mentorship that changes a manager's practice (DOMAIN.md), each on a 1–5 Likert scale.
 */
export const INTERACTION_ITEMS = ['challenge', 'guidedExperience', 'trust', 'practiceChange'] as const;
export type InteractionItem = (typeof INTERACTION_ITEMS)[number];

export interface InteractionSurvey {
  scores: Record<InteractionItem, number>;
  comment: string | null;
}

export function assertSurvey(survey: InteractionSurvey, field = 'survey'): void {
  for (const item of INTERACTION_ITEMS) {
    const v = survey.scores[item];
    if (!Number.isInteger(v) || v < 1 || v > 5) {
      throw new DomainError('MENTORSHIP.INVALID', 'INVALID', `${field}.scores.${item}: a whole number from 1 to 5`, {
        field: `${field}.scores.${item}`,
      });
    }
  }
  const extra = Object.keys(survey.scores).find((k) => !(INTERACTION_ITEMS as readonly string[]).includes(k));
  if (extra !== undefined)
    throw new DomainError('MENTORSHIP.INVALID', 'INVALID', `${field}.scores.${extra}: not a question of this survey`, {
      field: `${field}.scores.${extra}`,
    });
}

export const surveyMean = (s: InteractionSurvey): number =>
  INTERACTION_ITEMS.reduce((sum, k) => sum + s.scores[k], 0) / INTERACTION_ITEMS.length;
