import { describe, expect, it } from '@jest/globals';
import { currentLevel, currentLevels, type Assessment } from './assessment.js';
import { competencyModelProblems, type CompetencyModel } from './competency-model.js';
import { DEFAULT_MANAGERIAL_MODEL } from './default-managerial-model.js';
import { groupGaps, mentorCoverage, personGaps } from './gaps.js';
import { accessCoverage, tenureBand } from '../people/access-coverage.js';

const model: CompetencyModel = { ...DEFAULT_MANAGERIAL_MODEL, version: 1 };
const a = (
  personId: string,
  competencyKey: string,
  level: number,
  source: Assessment['source'],
  assessedAt: string,
): Assessment => ({
  personId,
  competencyKey,
  level,
  source,
  context: 'ad-hoc',
  assessedAt,
});

describe('the default managerial model', () => {
  it('is valid and covers the competencies the domain names', () => {
    expect(competencyModelProblems(DEFAULT_MANAGERIAL_MODEL)).toEqual([]);
    expect(DEFAULT_MANAGERIAL_MODEL.competencies.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'delegation',
        'feedback',
        'conflict',
        'change',
        'developing-people',
        'strategic-alignment',
        'decision-making',
      ]),
    );
  });

  it('refuses targets on unknown competencies or out of 1..5', () => {
    const bad = { ...DEFAULT_MANAGERIAL_MODEL, targets: { M1: { telepathy: 3, delegation: 7 } } };
    expect(competencyModelProblems(bad).map((p) => p.field)).toEqual(['targets.M1.telepathy', 'targets.M1.delegation']);
  });
});

describe('current level', () => {
  it('takes the latest assessment of each source and weighs the sources', () => {
    const level = currentLevel([
      a('p', 'feedback', 1, 'manager', '2026-01-01'),
      a('p', 'feedback', 3, 'manager', '2026-06-01'), // replaces the January rating
      a('p', 'feedback', 5, 'self', '2026-06-01'),
    ]);
    // (3 × 1.5 + 5 × 0.5) / 2 = 3.5
    expect(level).toBe(3.5);
  });

  it('is null without assessments', () => {
    expect(currentLevel([])).toBeNull();
  });
});

describe('gaps and coverage', () => {
  const levels = currentLevels([
    a('m1', 'delegation', 2, 'manager', '2026-01-01'),
    a('m2', 'delegation', 3, 'manager', '2026-01-01'),
    a('m3', 'delegation', 1, 'manager', '2026-01-01'),
    a('mentorA', 'delegation', 5, '360', '2026-01-01'),
    a('mentorB', 'delegation', 3, '360', '2026-01-01'),
  ]);
  const managers = [
    { id: 'm1', jobLevel: 'M1', department: 'Sales' },
    { id: 'm2', jobLevel: 'M1', department: 'Sales' },
    { id: 'm3', jobLevel: 'M2', department: 'Ops' },
  ];

  it('computes a person’s gap against the target of their job level', () => {
    const delegation = personGaps(model, managers[2], levels.get('m3')).find((g) => g.competencyKey === 'delegation');
    expect(delegation).toEqual({ competencyKey: 'delegation', target: 4, current: 1, gap: 3 });
  });

  it('averages gaps per group over the assessed people', () => {
    const sales = groupGaps(model, managers, levels, 'department').find(
      (g) => g.group === 'Sales' && g.competencyKey === 'delegation',
    );
    expect(sales).toMatchObject({
      people: 2,
      assessed: 2,
      averageTarget: 3,
      averageCurrent: 2.5,
      averageGap: 0.5,
      short: 1,
    });
    const unassessed = groupGaps(model, managers, levels, 'department').find(
      (g) => g.group === 'Sales' && g.competencyKey === 'feedback',
    );
    expect(unassessed).toMatchObject({ assessed: 0, averageGap: null });
  });

  it('lists the mentors strong enough where managers fall short', () => {
    const mentors = [
      { id: 'mentorA', jobLevel: 'M3', department: 'Ops' },
      { id: 'mentorB', jobLevel: 'M3', department: 'Sales' },
    ];
    expect(mentorCoverage(model, managers, mentors, levels)).toEqual([
      { competencyKey: 'delegation', managersShort: 2, mentors: [{ personId: 'mentorA', level: 5 }] },
    ]);
  });
});

describe('access coverage', () => {
  const population = [
    { id: '1', department: 'Sales', jobLevel: 'M1', hireDate: '2025-06-01' },
    { id: '2', department: 'Sales', jobLevel: 'M1', hireDate: '2015-06-01' },
    { id: '3', department: 'Plant', jobLevel: 'M1', hireDate: '2022-06-01' },
    { id: '4', department: 'Plant', jobLevel: 'M2', hireDate: '2012-06-01' },
  ];

  it('flags the groups with no access and compares representation to the population', () => {
    const rows = accessCoverage(population, new Set(['1']), new Set(['2']), 'department', '2026-11-26');
    expect(rows).toEqual([
      {
        group: 'Plant',
        population: 2,
        nominated: 0,
        participating: 0,
        accessRate: 0,
        representation: 0,
        noAccess: true,
      },
      {
        group: 'Sales',
        population: 2,
        nominated: 1,
        participating: 1,
        accessRate: 1,
        representation: 2,
        noAccess: false,
      },
    ]);
  });

  it('bands tenure', () => {
    expect(tenureBand('2026-01-01', '2026-11-26')).toBe('< 1 year');
    expect(tenureBand('2016-01-01', '2026-11-26')).toBe('10+ years');
    expect(accessCoverage(population, new Set(), new Set(), 'tenure', '2026-11-26').map((r) => r.group)).toEqual([
      '1-3 years',
      '10+ years',
      '3-5 years',
    ]);
  });
});
