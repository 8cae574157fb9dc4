import { readCsvTable } from './csv.js';
import { personProblems, samePerson, type Person, type PersonStatus } from './person.js';
import { findReportingCycles } from './reporting-chain.js';

/** The columns of an HR export, in any order; header names are case-insensitive. */
export const HR_CSV_COLUMNS = [
  { name: 'employee_id', required: true, doc: 'unique employee id (letters, digits, . _ @ -)' },
  { name: 'name', required: true, doc: 'full name' },
  { name: 'email', required: true, doc: 'work email' },
  { name: 'department', required: true, doc: 'department name' },
  { name: 'manager_id', required: false, doc: "employee id of the person's manager; empty at the top" },
  { name: 'job_level', required: true, doc: 'job level as used by the competency model targets (e.g. M1, M2, M3, IC)' },
  { name: 'management_years', required: false, doc: 'years of management experience (default 0)' },
  { name: 'team_size', required: false, doc: 'number of people managed (default 0)' },
  { name: 'languages', required: false, doc: 'ISO 639-1 codes separated by | or space (e.g. fr|en); default en' },
  { name: 'location', required: false, doc: 'office or city' },
  { name: 'time_zone', required: false, doc: 'IANA time zone (default UTC)' },
  { name: 'hire_date', required: true, doc: 'YYYY-MM-DD' },
  { name: 'status', required: false, doc: 'active or left (default active)' },
  { name: 'mentor_pool', required: false, doc: 'yes/no: in the pool of possible mentors (default no)' },
] as const;

export type HrColumn = (typeof HR_CSV_COLUMNS)[number]['name'];

export interface ImportError {
  line: number;
  column: string | null;
  message: string;
}

export interface ImportPlan {
  rows: number;
  create: Person[];
  update: Person[];
  unchanged: number;
  errors: ImportError[];
}

const FIELD_TO_COLUMN: Partial<Record<keyof Person, HrColumn>> = {
  id: 'employee_id',
  name: 'name',
  email: 'email',
  department: 'department',
  managerId: 'manager_id',
  jobLevel: 'job_level',
  managementYears: 'management_years',
  teamSize: 'team_size',
  languages: 'languages',
  location: 'location',
  timeZone: 'time_zone',
  hireDate: 'hire_date',
  status: 'status',
  mentorPool: 'mentor_pool',
};

/**
 * Turns an HR export into a plan, all or nothing: every problem of every row is listed (line and
 * column), and a plan with errors must not be applied. `existing` is the current directory, used
 * for managers not in the file, for cycles across file and directory, and to tell changes apart.
 */
export function planHrImport(csv: string, existing: ReadonlyMap<string, Person>): ImportPlan {
  const table = readCsvTable(csv, HR_CSV_COLUMNS);
  const { index } = table;
  const errors: ImportError[] = [...table.errors];
  const empty: ImportPlan = { rows: table.rowCount, create: [], update: [], unchanged: 0, errors };
  if (table.rows.length === 0) return empty;

  const people: Array<{ line: number; person: Person }> = [];
  const lineOf = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (c: HrColumn): string => {
      const i = index.get(c);
      return i === undefined ? '' : (row.fields[i] ?? '').trim();
    };
    const rowErrors: ImportError[] = [];
    const number = (c: HrColumn, fallback: number): number => {
      const raw = cell(c);
      if (raw === '') return fallback;
      const value = Number(raw.replace(',', '.'));
      if (!Number.isFinite(value)) rowErrors.push({ line: row.line, column: c, message: `"${raw}" is not a number` });
      return value;
    };
    const yesNo = (c: HrColumn): boolean => {
      const raw = cell(c).toLowerCase();
      if (['', 'no', 'n', 'false', '0', 'non'].includes(raw)) return false;
      if (['yes', 'y', 'true', '1', 'oui'].includes(raw)) return true;
      rowErrors.push({ line: row.line, column: c, message: `"${cell(c)}" is not yes or no` });
      return false;
    };
    const status = (cell('status') || 'active').toLowerCase();
    const person: Person = {
      id: cell('employee_id'),
      name: cell('name'),
      email: cell('email').toLowerCase(),
      department: cell('department'),
      managerId: cell('manager_id') || null,
      jobLevel: cell('job_level'),
      managementYears: number('management_years', 0),
      teamSize: number('team_size', 0),
      languages: (cell('languages') || 'en')
        .split(/[|\s]+/)
        .filter(Boolean)
        .map((l) => l.toLowerCase()),
      location: cell('location') || null,
      timeZone: cell('time_zone') || 'UTC',
      hireDate: cell('hire_date'),
      status: status as PersonStatus,
      mentorPool: yesNo('mentor_pool'),
    };
    for (const problem of personProblems(person)) {
      const column = FIELD_TO_COLUMN[problem.field] ?? null;
      if (!rowErrors.some((e) => e.column === column))
        rowErrors.push({ line: row.line, column, message: problem.message });
    }
    if (person.id && lineOf.has(person.id)) {
      rowErrors.push({
        line: row.line,
        column: 'employee_id',
        message: `duplicate employee id "${person.id}" (first on line ${lineOf.get(person.id)})`,
      });
    } else if (person.id) {
      lineOf.set(person.id, row.line);
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0) people.push({ line: row.line, person });
  }

  const merged = new Map<string, Person>(existing);
  for (const { person } of people) merged.set(person.id, person);
  for (const { line, person } of people) {
    if (person.managerId !== null && !merged.has(person.managerId)) {
      errors.push({
        line,
        column: 'manager_id',
        message: `unknown manager "${person.managerId}" (neither in the file nor in the directory)`,
      });
    }
  }
  for (const cycle of findReportingCycles([...merged.values()])) {
    const inFile = cycle.filter((id) => lineOf.has(id));
    const line = Math.min(...inFile.map((id) => lineOf.get(id)!));
    errors.push({
      line,
      column: 'manager_id',
      message: `the reporting line makes a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
    });
  }
  if (errors.length > 0)
    return { rows: table.rowCount, create: [], update: [], unchanged: 0, errors: sortErrors(errors) };

  const create: Person[] = [];
  const update: Person[] = [];
  let unchanged = 0;
  for (const { person } of people) {
    const before = existing.get(person.id);
    if (!before) create.push(person);
    else if (samePerson(before, person)) unchanged++;
    else update.push(person);
  }
  return { rows: table.rowCount, create, update, unchanged, errors: [] };
}

const sortErrors = (errors: ImportError[]) =>
  [...errors].sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));
