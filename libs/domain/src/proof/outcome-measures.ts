import { readCsvTable, type CsvTableError } from '../people/csv.js';
import { EMPLOYEE_ID } from '../people/person.js';
import { monthIndex } from './periods.js';

/**
 * One operational figure of one person (or of the team a manager leads, filed under the manager's
 * id) for one month, as an HR or business system exported it. Imported for participants and
 * non-participants alike: the comparison group is made of the people who did not join.
 */
export interface OutcomeMeasure {
  employeeId: string;
  /** e.g. "team turnover %", "absence days", "engagement score"; compared case-insensitively. */
  measure: string;
  /** YYYY-MM: the month the value describes (for a quarterly or yearly figure, its last month). */
  period: string;
  value: number;
  /** The export the row came from ("hris-2026-05"); re-importing a source replaces its values. */
  source: string;
}

export const OUTCOME_CSV_COLUMNS = [
  { name: 'employee_id', doc: 'employee id of the person, or of the manager whose team the figure describes' },
  { name: 'measure', doc: 'name of the measure (1-100 letters, digits, spaces and . _ % ( ) / -)' },
  { name: 'period', doc: 'YYYY-MM: the month the value describes' },
  { name: 'value', doc: 'a number (decimal point or comma)' },
  { name: 'source', doc: 'the export this row comes from (1-200 characters); one source is imported once' },
] as const;

type OutcomeColumn = (typeof OUTCOME_CSV_COLUMNS)[number]['name'];

export type OutcomeImportError = CsvTableError;

export interface OutcomeImportPlan {
  rows: number;
  create: OutcomeMeasure[];
  update: OutcomeMeasure[];
  unchanged: number;
  errors: OutcomeImportError[];
}

const MEASURE = /^[\p{L}\p{N} _.%()/-]{1,100}$/u;

/** Measure names as compared: trimmed, spaces collapsed, lower case. */
export const measureKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The unique key of a stored value: one value per source, person, measure and month. */
export const outcomeKey = (m: Pick<OutcomeMeasure, 'source' | 'employeeId' | 'measure' | 'period'>): string =>
  [m.source, m.employeeId, measureKey(m.measure), m.period].join('\u0000');

/**
 * Plans an outcome-measure import, all or nothing: every problem of every row by line and column,
 * and nothing to apply while there is one. `people` are the directory's ids (a figure of someone the
 * directory does not know cannot be compared); `existing` are the values already stored, by
 * `outcomeKey`, so a second import of the same file plans no change.
 */
export function planOutcomeImport(
  csv: string,
  people: ReadonlySet<string>,
  existing: ReadonlyMap<string, number>,
): OutcomeImportPlan {
  const table = readCsvTable(csv, OUTCOME_CSV_COLUMNS);
  const errors: OutcomeImportError[] = [...table.errors];
  const none = { rows: table.rowCount, create: [], update: [], unchanged: 0 };
  if (table.rows.length === 0) return { ...none, errors };

  const measures: OutcomeMeasure[] = [];
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (c: OutcomeColumn) => (row.fields[table.index.get(c)!] ?? '').trim();
    const problems: OutcomeImportError[] = [];
    const bad = (column: OutcomeColumn, message: string) => problems.push({ line: row.line, column, message });
    const employeeId = cell('employee_id');
    if (!EMPLOYEE_ID.test(employeeId)) bad('employee_id', 'must be 1-100 letters, digits or . _ @ -');
    else if (!people.has(employeeId)) bad('employee_id', `no person with id "${employeeId}" in the directory`);
    const measure = cell('measure').replace(/\s+/g, ' ');
    if (!MEASURE.test(measure)) bad('measure', 'must be 1-100 letters, digits, spaces or . _ % ( ) / -');
    const period = cell('period');
    if (monthIndex(period) === null) bad('period', `"${period}" is not a month (YYYY-MM)`);
    const raw = cell('value');
    const value = raw === '' ? NaN : Number(raw.replace(',', '.'));
    if (!Number.isFinite(value)) bad('value', `"${raw}" is not a number`);
    const source = cell('source');
    if (source.length === 0 || source.length > 200) bad('source', 'must be 1-200 characters');
    if (problems.length === 0) {
      const m = { employeeId, measure, period, value, source };
      const key = outcomeKey(m);
      const first = firstLine.get(key);
      if (first !== undefined)
        bad(
          'period',
          `a second value for ${employeeId}, "${measure}", ${period} from ${source} (first on line ${first})`,
        );
      else {
        firstLine.set(key, row.line);
        measures.push(m);
      }
    }
    errors.push(...problems);
  }
  if (errors.length > 0) return { ...none, errors: errors.sort((a, b) => a.line - b.line) };
  const create: OutcomeMeasure[] = [];
  const update: OutcomeMeasure[] = [];
  let unchanged = 0;
  for (const m of measures) {
    const before = existing.get(outcomeKey(m));
    if (before === undefined) create.push(m);
    else if (before === m.value) unchanged++;
    else update.push(m);
  }
  return { rows: table.rowCount, create, update, unchanged, errors: [] };
}
