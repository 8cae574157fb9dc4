import type { CompetencyModel } from './competency-model.js';

export interface GapSubject {
  id: string;
  jobLevel: string;
  department: string;
}

export interface CompetencyGap {
  competencyKey: string;
  target: number | null;
  current: number | null;
  /** target − current; positive means short of the target. Null when either is unknown. */
  gap: number | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function personGaps(
  model: CompetencyModel,
  person: GapSubject,
  levels: Map<string, number> | undefined,
): CompetencyGap[] {
  return model.competencies.map((c) => {
    const target = model.targets[person.jobLevel]?.[c.key] ?? null;
    const current = levels?.get(c.key) ?? null;
    return {
      competencyKey: c.key,
      target,
      current,
      gap: target !== null && current !== null ? round(target - current) : null,
    };
  });
}

export interface GroupGap {
  group: string;
  competencyKey: string;
  people: number;
  assessed: number;
  averageTarget: number | null;
  averageCurrent: number | null;
  averageGap: number | null;
  /** People below their target on this competency. */
  short: number;
}

/** Gaps averaged per group (department or job level) and competency, over the assessed people. */
export function groupGaps(
  model: CompetencyModel,
  people: GapSubject[],
  levels: Map<string, Map<string, number>>,
  groupBy: 'department' | 'jobLevel',
): GroupGap[] {
  const groups = new Map<string, GapSubject[]>();
  for (const p of people) groups.set(p[groupBy], [...(groups.get(p[groupBy]) ?? []), p]);
  const out: GroupGap[] = [];
  for (const [group, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    for (const c of model.competencies) {
      const gaps = members.map((m) => personGaps(model, m, levels.get(m.id)).find((g) => g.competencyKey === c.key)!);
      const known = gaps.filter((g) => g.gap !== null);
      const avg = (values: number[]) =>
        values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length);
      out.push({
        group,
        competencyKey: c.key,
        people: members.length,
        assessed: known.length,
        averageTarget: avg(known.map((g) => g.target!)),
        averageCurrent: avg(known.map((g) => g.current!)),
        averageGap: avg(known.map((g) => g.gap!)),
        short: known.filter((g) => g.gap! > 0).length,
      });
    }
  }
  return out;
}

export interface CoverageEntry {
  competencyKey: string;
  managersShort: number;
  /** Mentors whose current level reaches the threshold, strongest first. */
  mentors: Array<{ personId: string; level: number }>;
}

/**
 * For each competency where some managers are short of their target, the mentors strong enough to
 * help: current level ≥ max(threshold, highest target among those managers).
 */
export function mentorCoverage(
  model: CompetencyModel,
  managers: GapSubject[],
  mentors: GapSubject[],
  levels: Map<string, Map<string, number>>,
  threshold = 4,
): CoverageEntry[] {
  const out: CoverageEntry[] = [];
  for (const c of model.competencies) {
    const short = managers
      .map((m) => personGaps(model, m, levels.get(m.id)).find((g) => g.competencyKey === c.key)!)
      .filter((g) => g.gap !== null && g.gap > 0);
    if (short.length === 0) continue;
    const needed = Math.max(threshold, ...short.map((g) => g.target!));
    const strong = mentors
      .map((m) => ({ personId: m.id, level: levels.get(m.id)?.get(c.key) ?? 0 }))
      .filter((m) => m.level >= needed)
      .sort((a, b) => b.level - a.level || a.personId.localeCompare(b.personId));
    out.push({ competencyKey: c.key, managersShort: short.length, mentors: strong });
  }
  return out;
}
