import { describe, expect, it } from '@jest/globals';
import { outcomeKey, planOutcomeImport } from './outcome-measures.js';
import { monthIndex, monthText, windowProblem } from './periods.js';

const people = new Set(['e1', 'e2']);
const header = 'employee_id,measure,period,value,source';
const csv = (...rows: string[]) => [header, ...rows].join('\n') + '\n';

describe('outcome-measure import plan', () => {
  it('plans every row of a clean file, in any column order and with decimal commas', () => {
    const plan = planOutcomeImport(
      'source;value;period;measure;employee_id\nhris-1;"12,5";2026-01;Team turnover %;e1\n',
      people,
      new Map(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.create).toEqual([
      { employeeId: 'e1', measure: 'Team turnover %', period: '2026-01', value: 12.5, source: 'hris-1' },
    ]);
  });

  it('is idempotent by source: the same file again changes nothing, a changed value is an update', () => {
    const file = csv('e1,absence days,2026-01,3,hris-1', 'e2,absence days,2026-01,1,hris-1');
    const first = planOutcomeImport(file, people, new Map());
    const stored = new Map(first.create.map((m) => [outcomeKey(m), m.value]));
    expect(planOutcomeImport(file, people, stored)).toMatchObject({ create: [], update: [], unchanged: 2 });
    const changed = planOutcomeImport(csv('e1,Absence  days,2026-01,4,hris-1'), people, stored);
    expect(changed.update.map((m) => m.value)).toEqual([4]);
  });

  it('lists every problem by line and column and plans nothing', () => {
    const plan = planOutcomeImport(
      csv(
        'e1,absence days,2026-01,3,hris-1',
        'nobody,absence days,2026-13,x,hris-1',
        'e2,,2026-01,1,',
        'e1,absence days,2026-01,5,hris-1',
      ),
      people,
      new Map(),
    );
    expect(plan.create).toEqual([]);
    expect(plan.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'employee_id'],
      [3, 'period'],
      [3, 'value'],
      [4, 'measure'],
      [4, 'source'],
      [5, 'period'],
    ]);
    expect(plan.errors[5].message).toMatch(/first on line 2/);
  });

  it('names missing and unknown columns, an empty file and a file without rows', () => {
    expect(planOutcomeImport('employee_id,measure,value,source,extra\n', people, new Map()).errors).toEqual([
      { line: 1, column: 'extra', message: 'unknown column "extra"' },
      { line: 1, column: 'period', message: 'required column "period" is missing' },
    ]);
    expect(planOutcomeImport('', people, new Map()).errors[0].message).toBe('the file is empty');
    expect(planOutcomeImport(csv(), people, new Map()).errors[0].message).toBe('the file has a header but no rows');
  });
});

describe('months', () => {
  it('reads and writes YYYY-MM and checks windows', () => {
    expect(monthText(monthIndex('2026-03')!)).toBe('2026-03');
    expect(monthIndex('2026-3')).toBeNull();
    expect(windowProblem({ from: '2026-05', to: '2026-01' }, 'before')).toEqual({
      field: 'before.to',
      message: 'must not be before from',
    });
  });
});
