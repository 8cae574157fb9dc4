import { DomainError } from '../shared/domain-error.js';

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

export interface Competency {
  /** Stable across versions: assessments and targets refer to it. */
  key: string;
  name: string;
  theme: string;
  description: string;
  /** Behavioural indicators for levels 1 to 5 (index 0 = level 1). */
  levels: [string, string, string, string, string];
}

/** One version of a competency framework. Versions are immutable once stored. */
export interface CompetencyModel {
  key: string;
  version: number;
  name: string;
  competencies: Competency[];
  /** Target level per job level, per competency key. */
  targets: Record<string, Record<string, number>>;
}

const KEY = /^[a-z][a-z0-9-]{1,60}$/;

export function competencyModelProblems(
  model: Omit<CompetencyModel, 'version'>,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (!KEY.test(model.key)) problems.push({ field: 'key', message: 'must be lower-case letters, digits and dashes' });
  if (model.name.trim().length === 0) problems.push({ field: 'name', message: 'must not be blank' });
  if (model.competencies.length === 0)
    problems.push({ field: 'competencies', message: 'at least one competency is needed' });
  const keys = new Set<string>();
  model.competencies.forEach((c, i) => {
    if (!KEY.test(c.key))
      problems.push({ field: `competencies.${i}.key`, message: 'must be lower-case letters, digits and dashes' });
    if (keys.has(c.key)) problems.push({ field: `competencies.${i}.key`, message: `duplicate competency "${c.key}"` });
    keys.add(c.key);
    if (c.levels.length !== 5 || c.levels.some((l) => l.trim().length === 0)) {
      problems.push({
        field: `competencies.${i}.levels`,
        message: 'exactly five non-empty behavioural indicators (levels 1 to 5)',
      });
    }
  });
  for (const [jobLevel, byCompetency] of Object.entries(model.targets)) {
    for (const [key, level] of Object.entries(byCompetency)) {
      if (!keys.has(key))
        problems.push({ field: `targets.${jobLevel}.${key}`, message: `unknown competency "${key}"` });
      if (!Number.isInteger(level) || level < 1 || level > 5)
        problems.push({ field: `targets.${jobLevel}.${key}`, message: 'a target is a level from 1 to 5' });
    }
  }
  return problems;
}

export function assertValidCompetencyModel(model: Omit<CompetencyModel, 'version'>): void {
  const [first] = competencyModelProblems(model);
  if (first)
    throw new DomainError('COMPETENCY_MODEL.INVALID', 'INVALID', `${first.field}: ${first.message}`, {
      field: first.field,
      reason: first.message,
    });
}

export const targetLevel = (model: CompetencyModel, jobLevel: string, competencyKey: string): number | null =>
  model.targets[jobLevel]?.[competencyKey] ?? null;
