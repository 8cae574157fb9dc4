/** A question of a survey: quantitative (Likert 1–5, a number, NPS 0–10) or free text. */
export interface SurveyItem {
  key: string;
  kind: 'likert' | 'numeric' | 'nps' | 'text';
  text: { en: string; fr: string };
  /** numeric only: the accepted range. */
  min?: number;
  max?: number;
  required: boolean;
}

export type SurveyAudience = 'mentor' | 'mentee' | 'both';
export type SurveyMoment = 'kickoff' | 'midpoint' | 'close' | 'pulse';

/** A version of a survey; a change makes a new version, so answers always match their questions. */
export interface SurveyTemplate {
  key: string;
  version: number;
  title: { en: string; fr: string };
  audience: SurveyAudience;
  moments: SurveyMoment[];
  items: SurveyItem[];
}

export type SurveyAnswers = Record<string, number | string>;

const likert = (key: string, en: string, fr: string): SurveyItem => ({
  key,
  kind: 'likert',
  text: { en, fr },
  required: true,
});

/**
 * Seed template: the quality of the interaction, as DOMAIN.md describes a mentorship that works —
 * ideas challenged, experience passed on, trust, and a change others can see in the manager's practice.
 */
export const INTERACTION_QUALITY_TEMPLATE: SurveyTemplate = {
  key: 'interaction-quality',
  version: 1,
  title: { en: 'Quality of the mentoring interaction', fr: 'Qualité des échanges de mentorat' },
  audience: 'both',
  moments: ['midpoint', 'close', 'pulse'],
  items: [
    likert(
      'challenge',
      'The sessions challenged the way the manager thinks and decides.',
      'Les séances ont remis en question la façon de penser et de décider du manager.',
    ),
    likert(
      'guidedExperience',
      "The mentor's experience guided concrete situations.",
      "L'expérience du mentor a guidé des situations concrètes.",
    ),
    likert('trust', 'We could speak in confidence.', 'Nous avons pu parler en confiance.'),
    likert(
      'practiceChange',
      "The manager's practice changed in a way others can see.",
      'La pratique du manager a changé de façon visible par les autres.',
    ),
    {
      key: 'nps',
      kind: 'nps',
      text: {
        en: 'How likely are you to recommend this mentoring to a colleague (0–10)?',
        fr: 'Recommanderiez-vous ce mentorat à un collègue (0 à 10) ?',
      },
      required: false,
    },
    {
      key: 'comment',
      kind: 'text',
      text: {
        en: 'What worked, and what would you change?',
        fr: "Qu'est-ce qui a fonctionné, et que changeriez-vous ?",
      },
      required: false,
    },
  ],
};

export const SEED_SURVEY_TEMPLATES: SurveyTemplate[] = [INTERACTION_QUALITY_TEMPLATE];

/** Every problem of a set of answers against its template, each naming the item (empty: valid). */
export function surveyAnswerProblems(
  template: SurveyTemplate,
  answers: SurveyAnswers,
): Array<{ item: string; message: string }> {
  const problems: Array<{ item: string; message: string }> = [];
  const items = new Map(template.items.map((i) => [i.key, i]));
  for (const key of Object.keys(answers))
    if (!items.has(key))
      problems.push({ item: key, message: `not a question of ${template.key} v${template.version}` });
  for (const item of template.items) {
    const v = answers[item.key];
    if (v === undefined || v === '') {
      if (item.required) problems.push({ item: item.key, message: 'an answer is required' });
      continue;
    }
    if (item.kind === 'text') {
      if (typeof v !== 'string' || v.length > 5000)
        problems.push({ item: item.key, message: 'text of at most 5,000 characters' });
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push({ item: item.key, message: 'a number' });
      continue;
    }
    const [min, max] =
      item.kind === 'likert' ? [1, 5] : item.kind === 'nps' ? [0, 10] : [item.min ?? -Infinity, item.max ?? Infinity];
    if (item.kind !== 'numeric' && !Number.isInteger(v))
      problems.push({ item: item.key, message: `a whole number from ${min} to ${max}` });
    else if (v < min || v > max) problems.push({ item: item.key, message: `between ${min} and ${max}` });
  }
  return problems;
}

/** Checks a new template (before it is stored as the next version of its key). */
export function surveyTemplateProblems(t: Omit<SurveyTemplate, 'version'>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (!/^[a-z][a-z0-9-]{1,60}$/.test(t.key))
    problems.push({ field: 'key', message: 'lower-case letters, digits and dashes' });
  if (t.items.length === 0) problems.push({ field: 'items', message: 'at least one question' });
  if (t.moments.length === 0)
    problems.push({ field: 'moments', message: 'at least one moment (kickoff, midpoint, close, pulse)' });
  const seen = new Set<string>();
  t.items.forEach((item, i) => {
    if (!/^[a-zA-Z][a-zA-Z0-9-]{0,60}$/.test(item.key))
      problems.push({ field: `items.${i}.key`, message: 'letters, digits and dashes' });
    if (seen.has(item.key)) problems.push({ field: `items.${i}.key`, message: `duplicate question "${item.key}"` });
    seen.add(item.key);
    if (!item.text.en.trim() || !item.text.fr.trim())
      problems.push({ field: `items.${i}.text`, message: 'the question in English and in French' });
    if (item.kind === 'numeric' && item.min !== undefined && item.max !== undefined && item.min >= item.max)
      problems.push({ field: `items.${i}.max`, message: 'greater than min' });
  });
  return problems;
}
