export interface CoverageSubject {
  id: string;
  department: string;
  jobLevel: string;
  hireDate: string;
}

export const TENURE_BANDS = ['< 1 year', '1-3 years', '3-5 years', '5-10 years', '10+ years'] as const;

export function tenureBand(hireDate: string, today: string): (typeof TENURE_BANDS)[number] {
  const years = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${hireDate}T00:00:00Z`)) / (365.25 * 24 * 3600 * 1000);
  if (years < 1) return '< 1 year';
  if (years < 3) return '1-3 years';
  if (years < 5) return '3-5 years';
  if (years < 10) return '5-10 years';
  return '10+ years';
}

export interface AccessRow {
  group: string;
  population: number;
  nominated: number;
  participating: number;
  /** (nominated ∪ participating) / population */
  accessRate: number;
  /** Share of all people with access who are in this group, against its share of the population. */
  representation: number | null;
  noAccess: boolean;
}

/**
 * "Mentoring is not reserved to an elite": who gets access, by group, against the population.
 * A group with people but nobody nominated or participating is flagged.
 */
export function accessCoverage(
  population: CoverageSubject[],
  nominated: ReadonlySet<string>,
  participating: ReadonlySet<string>,
  by: 'department' | 'jobLevel' | 'tenure',
  today: string,
): AccessRow[] {
  const keyOf = (p: CoverageSubject) => (by === 'tenure' ? tenureBand(p.hireDate, today) : p[by]);
  const groups = new Map<string, CoverageSubject[]>();
  for (const p of population) groups.set(keyOf(p), [...(groups.get(keyOf(p)) ?? []), p]);
  const withAccess = population.filter((p) => nominated.has(p.id) || participating.has(p.id)).length;
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, members]) => {
      const access = members.filter((p) => nominated.has(p.id) || participating.has(p.id)).length;
      const populationShare = members.length / population.length;
      const accessShare = withAccess === 0 ? 0 : access / withAccess;
      return {
        group,
        population: members.length,
        nominated: members.filter((p) => nominated.has(p.id)).length,
        participating: members.filter((p) => participating.has(p.id)).length,
        accessRate: Math.round((access / members.length) * 1000) / 1000,
        representation: withAccess === 0 ? null : Math.round((accessShare / populationShare) * 100) / 100,
        noAccess: access === 0,
      };
    });
}
