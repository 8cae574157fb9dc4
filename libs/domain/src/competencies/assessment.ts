export const ASSESSMENT_SOURCES = ['self', 'mentor', 'supervisor', 'manager', '360'] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];
export const ASSESSMENT_CONTEXTS = ['baseline', 'midpoint', 'final', 'ad-hoc'] as const;
export type AssessmentContext = (typeof ASSESSMENT_CONTEXTS)[number];

export interface Assessment {
  personId: string;
  competencyKey: string;
  level: number;
  source: AssessmentSource;
  context: AssessmentContext;
  /** ISO instant */
  assessedAt: string;
}

/**
 * How much each source counts in a person's current level. Self-assessments are known to run
 * high, so they weigh least; a 360 aggregates several observers, so it weighs most.
 */
export const DEFAULT_SOURCE_WEIGHTS: Record<AssessmentSource, number> = {
  self: 0.5,
  mentor: 1,
  supervisor: 1,
  manager: 1.5,
  '360': 2,
};

/**
 * Current level of a person on one competency: the latest assessment of each source, averaged with
 * the source weights. Null when nobody assessed it.
 */
export function currentLevel(
  assessments: Assessment[],
  weights: Record<AssessmentSource, number> = DEFAULT_SOURCE_WEIGHTS,
): number | null {
  const latest = new Map<AssessmentSource, Assessment>();
  for (const a of assessments) {
    const seen = latest.get(a.source);
    if (!seen || a.assessedAt > seen.assessedAt) latest.set(a.source, a);
  }
  let sum = 0;
  let weight = 0;
  for (const [source, a] of latest) {
    sum += a.level * weights[source];
    weight += weights[source];
  }
  return weight === 0 ? null : Math.round((sum / weight) * 100) / 100;
}

/** Current levels by person and competency, from any number of assessments. */
export function currentLevels(
  assessments: Assessment[],
  weights = DEFAULT_SOURCE_WEIGHTS,
): Map<string, Map<string, number>> {
  const grouped = new Map<string, Map<string, Assessment[]>>();
  for (const a of assessments) {
    const byPerson = grouped.get(a.personId) ?? new Map<string, Assessment[]>();
    grouped.set(a.personId, byPerson);
    byPerson.set(a.competencyKey, [...(byPerson.get(a.competencyKey) ?? []), a]);
  }
  const out = new Map<string, Map<string, number>>();
  for (const [personId, byCompetency] of grouped) {
    const levels = new Map<string, number>();
    for (const [key, list] of byCompetency) {
      const level = currentLevel(list, weights);
      if (level !== null) levels.set(key, level);
    }
    out.set(personId, levels);
  }
  return out;
}
