import { describe, expect, it } from '@jest/globals';
import { planHrImport } from './hr-import.js';
import type { Person } from './person.js';

const header =
  'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool';
const row = (id: string, manager = '', extra: Partial<Record<'email' | 'tz' | 'level' | 'date', string>> = {}) =>
  `${id},Person ${id},${extra.email ?? `${id}@example.com`},Sales,${manager},${extra.level ?? 'M1'},3,5,fr|en,Lyon,${extra.tz ?? 'Europe/Paris'},${extra.date ?? '2020-01-15'},active,no`;
const csv = (...rows: string[]) => [header, ...rows].join('\n') + '\n';

const existing = (people: Person[] = []) => new Map(people.map((p) => [p.id, p]));

describe('HR import plan', () => {
  it('creates every row of a clean file, in any order of managers', () => {
    const plan = planHrImport(csv(row('e2', 'e1'), row('e1')), existing());
    expect(plan.errors).toEqual([]);
    expect(plan.create.map((p) => p.id)).toEqual(['e2', 'e1']);
    expect(plan.create[0]).toMatchObject({
      managerId: 'e1',
      languages: ['fr', 'en'],
      timeZone: 'Europe/Paris',
      teamSize: 5,
      mentorPool: false,
    });
  });

  it('says that re-importing the same file changes nothing', () => {
    const first = planHrImport(csv(row('e1'), row('e2', 'e1')), existing());
    const again = planHrImport(csv(row('e1'), row('e2', 'e1')), existing(first.create));
    expect(again).toMatchObject({ create: [], update: [], unchanged: 2, errors: [] });
  });

  it('updates a changed person only', () => {
    const first = planHrImport(csv(row('e1'), row('e2', 'e1')), existing());
    const plan = planHrImport(csv(row('e1'), row('e2', 'e1', { level: 'M2' })), existing(first.create));
    expect(plan.update.map((p) => [p.id, p.jobLevel])).toEqual([['e2', 'M2']]);
    expect(plan.unchanged).toBe(1);
  });

  it('lists every error by line and column, and plans nothing', () => {
    const plan = planHrImport(
      csv(
        row('e1'),
        row('e2', 'ghost'),
        row('e3', '', { email: 'not-an-email' }),
        row('e1'),
        row('e4', '', { tz: 'Mars/Olympus', date: '2020-02-30' }),
      ),
      existing(),
    );
    expect(plan.create).toEqual([]);
    expect(plan.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'manager_id'],
      [4, 'email'],
      [5, 'employee_id'],
      [6, 'hire_date'],
      [6, 'time_zone'],
    ]);
    expect(plan.errors[0].message).toMatch(/unknown manager "ghost"/);
    expect(plan.errors[2].message).toMatch(/duplicate employee id "e1" \(first on line 2\)/);
  });

  it('finds a cycle in the reporting line, also through people already in the directory', () => {
    expect(planHrImport(csv(row('a', 'b'), row('b', 'c'), row('c', 'a')), existing()).errors).toEqual([
      { line: 2, column: 'manager_id', message: expect.stringMatching(/cycle: .*a.*b.*c/) },
    ]);
    const boss = planHrImport(csv(row('boss'), row('mid', 'boss')), existing()).create;
    const plan = planHrImport(csv(row('boss', 'mid')), existing(boss));
    expect(plan.errors[0]).toMatchObject({ line: 2, column: 'manager_id' });
  });

  it('refuses unknown, duplicated and missing columns', () => {
    const plan = planHrImport('employee_id,name,colour,name\n1,a,red,a\n', existing());
    expect(plan.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'unknown column "colour"',
        'column "name" appears twice',
        'required column "email" is missing',
      ]),
    );
  });

  it('refuses a row with the wrong number of fields and an empty file', () => {
    expect(planHrImport(csv('e1,too,short'), existing()).errors[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/expected 14 fields, found 3/),
    });
    expect(planHrImport('', existing()).errors[0].message).toBe('the file is empty');
  });

  it('accepts a semicolon export with a BOM, accents and a quoted multi-line location', () => {
    const text =
      '\uFEFF' +
      header.replaceAll(',', ';') +
      '\n' +
      'e1;"Hélène Dupré";h@example.fr;R&D;;M2;12;8;fr;"Bâtiment B\nÉtage 2";Europe/Paris;2011-05-02;active;oui\n';
    const plan = planHrImport(text, existing());
    expect(plan.errors).toEqual([]);
    expect(plan.create[0]).toMatchObject({
      name: 'Hélène Dupré',
      location: 'Bâtiment B\nÉtage 2',
      mentorPool: true,
      managementYears: 12,
    });
  });
});
