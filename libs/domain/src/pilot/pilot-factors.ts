import type { CompetencyModel } from '../competencies/competency-model.js';
import type { MatchingWeights } from '../matching/candidates.js';
import type { PilotMentorship } from './pilot-data.js';
import { INTERACTION, numberAnswers } from './pilot-success.js';
import { mean } from './statistics.js';

/** What the analysis knows beside the pilot file: the directory and the competency model. */
export interface PilotContext {
  model: CompetencyModel;
  /** Job level of each person (for the model's targets). */
  jobLevels: Map<string, string>;
  /** Years of management of each mentor, when the file does not give them. */
  managementYears: Map<string, number>;
  /** Latest assessed levels of the mentors, per competency. */
  mentorLevels: Map<string, Record<string, number>>;
  /** Below this many mentorships with a value, a factor gets "not enough data" instead of a claim. */
  minSample?: number;
}

export type FactorKey =
  | 'sessionFrequency'
  | 'interactionQuality'
  | 'mentorExperience'
  | 'competencyCoverage'
  | 'sameDepartment'
  | `attribute:${string}`;

const DAY = 86_400_000;

export const targetOf = (model: CompetencyModel, jobLevel: string | undefined, key: string): number | undefined =>
  jobLevel ? model.targets[jobLevel]?.[key] : undefined;

/** The factor values of one mentorship; undefined when the data does not tell. */
export function factorValues(m: PilotMentorship, ctx: PilotContext): Partial<Record<FactorKey, number>> {
  const months = (Date.parse(m.endedOn) - Date.parse(m.startedOn)) / (30.44 * DAY);
  const interaction = numberAnswers(m, 'any', INTERACTION);
  const gapsOfMentee = ctx.model.competencies
    .map((c) => c.key)
    .filter((k) => {
      const target = targetOf(ctx.model, ctx.jobLevels.get(m.menteeId), k);
      return target !== undefined && m.baseline[k] !== undefined && m.baseline[k] < target;
    });
  const values: Partial<Record<FactorKey, number>> = {
    sessionFrequency: months > 0 ? m.sessions / months : undefined,
    interactionQuality: interaction.length ? mean(interaction) : undefined,
    mentorExperience: m.mentorExperienceYears ?? ctx.managementYears.get(m.mentorId),
    competencyCoverage: gapsOfMentee.length
      ? gapsOfMentee.filter((k) => m.competencies.includes(k)).length / gapsOfMentee.length
      : undefined,
    sameDepartment: m.sameDepartment === undefined ? undefined : m.sameDepartment ? 1 : 0,
  };
  for (const [k, v] of Object.entries(m.attributes ?? {})) values[`attribute:${k}`] = v;
  return values;
}

const FACTOR_LABELS: Record<string, string> = {
  sessionFrequency: 'session frequency (sessions per month)',
  interactionQuality: 'interaction quality (challenge, guided experience, trust; 1–5)',
  mentorExperience: "mentor's years of management",
  competencyCoverage: "share of the mentee's gaps worked on",
  sameDepartment: 'mentor and mentee in the same department',
};
export const labelOf = (f: FactorKey) =>
  FACTOR_LABELS[f] ?? `${f.slice('attribute:'.length)} (recorded by the company)`;

/** Matching criteria a factor speaks for, with the sign that maps the factor's effect onto the criterion. */
export const CRITERION_OF: Partial<Record<FactorKey, { criterion: keyof MatchingWeights; sign: 1 | -1 }>> = {
  competencyCoverage: { criterion: 'competencyCoverage', sign: 1 },
  mentorExperience: { criterion: 'experience', sign: 1 },
  sameDepartment: { criterion: 'crossDepartment', sign: -1 },
};
