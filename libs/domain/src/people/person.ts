import { DomainError } from '../shared/domain-error.js';

export const PERSON_STATUSES = ['active', 'left'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** A person of the company directory, as the HR system describes them. */
export interface Person {
  id: string;
  name: string;
  email: string;
  department: string;
  managerId: string | null;
  jobLevel: string;
  managementYears: number;
  teamSize: number;
  /** ISO 639-1 codes, lower case. */
  languages: string[];
  location: string | null;
  /** IANA time zone (Europe/Paris). */
  timeZone: string;
  /** YYYY-MM-DD */
  hireDate: string;
  status: PersonStatus;
  /** In the pool of experienced managers who may mentor. */
  mentorPool: boolean;
}

export const EMPLOYEE_ID = /^[A-Za-z0-9._@-]{1,100}$/;
// Deliberately simple: one @, no spaces, a dot in the domain. HR systems hold real addresses.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LANGUAGE = /^[a-z]{2}$/;
const JOB_LEVEL = /^[A-Za-z0-9 _.-]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Building an Intl formatter costs ~0.1 ms; a company has a handful of zones, so remember answers.
const timeZoneValidity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  const known = timeZoneValidity.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    valid = zone.length > 0;
  } catch {
    valid = false;
  }
  if (timeZoneValidity.size < 1000) timeZoneValidity.set(zone, valid);
  return valid;
}

export function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Hire dates a directory can mean: from 1900 to the end of 2099 (a year 9999 is a typo, not a plan). */
export const HIRE_DATES = { from: '1900-01-01', to: '2099-12-31' } as const;

/** Field-level problems of one person, as (field, message) pairs; empty when valid. */
export function personProblems(p: Person): Array<{ field: keyof Person; message: string }> {
  const problems: Array<{ field: keyof Person; message: string }> = [];
  if (!EMPLOYEE_ID.test(p.id)) problems.push({ field: 'id', message: 'must be 1-100 letters, digits or . _ @ -' });
  if (p.name.trim().length === 0 || p.name.length > 200)
    problems.push({ field: 'name', message: 'must be 1-200 characters' });
  if (!EMAIL.test(p.email) || p.email.length > 254)
    problems.push({ field: 'email', message: `"${p.email}" is not an email address` });
  if (p.department.trim().length === 0 || p.department.length > 100)
    problems.push({ field: 'department', message: 'must be 1-100 characters' });
  if (p.managerId !== null && p.managerId === p.id)
    problems.push({ field: 'managerId', message: 'a person cannot be their own manager' });
  if (p.managerId !== null && !EMPLOYEE_ID.test(p.managerId))
    problems.push({ field: 'managerId', message: 'is not an employee id' });
  if (!JOB_LEVEL.test(p.jobLevel))
    problems.push({ field: 'jobLevel', message: 'must be 1-40 letters, digits, spaces or . _ -' });
  if (!Number.isFinite(p.managementYears) || p.managementYears < 0 || p.managementYears > 60) {
    problems.push({ field: 'managementYears', message: 'must be a number from 0 to 60' });
  }
  if (!Number.isInteger(p.teamSize) || p.teamSize < 0 || p.teamSize > 100000)
    problems.push({ field: 'teamSize', message: 'must be a whole number ≥ 0' });
  const badLanguage = p.languages.find((l) => !LANGUAGE.test(l));
  if (badLanguage !== undefined)
    problems.push({ field: 'languages', message: `"${badLanguage}" is not an ISO 639-1 code (two letters)` });
  if (p.location !== null && p.location.length > 200)
    problems.push({ field: 'location', message: 'must be at most 200 characters' });
  if (!isValidTimeZone(p.timeZone))
    problems.push({ field: 'timeZone', message: `"${p.timeZone}" is not an IANA time zone (e.g. Europe/Paris)` });
  if (!isValidDate(p.hireDate))
    problems.push({ field: 'hireDate', message: `"${p.hireDate}" is not a date (YYYY-MM-DD)` });
  else if (p.hireDate < HIRE_DATES.from || p.hireDate > HIRE_DATES.to)
    problems.push({ field: 'hireDate', message: `must be from ${HIRE_DATES.from} to ${HIRE_DATES.to}` });
  if (!(PERSON_STATUSES as readonly string[]).includes(p.status))
    problems.push({ field: 'status', message: 'must be active or left' });
  return problems;
}

export function assertValidPerson(p: Person): void {
  const [first] = personProblems(p);
  if (first)
    throw new DomainError('PERSON.INVALID', 'INVALID', `${first.field}: ${first.message}`, {
      field: first.field,
      reason: first.message,
    });
}

/** A person manages people when they lead a team or someone reports to them. */
export const isManager = (p: Person, directReports: number): boolean => p.teamSize > 0 || directReports > 0;

export function samePerson(a: Person, b: Person): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.email === b.email &&
    a.department === b.department &&
    a.managerId === b.managerId &&
    a.jobLevel === b.jobLevel &&
    a.managementYears === b.managementYears &&
    a.teamSize === b.teamSize &&
    a.languages.join('|') === b.languages.join('|') &&
    a.location === b.location &&
    a.timeZone === b.timeZone &&
    a.hireDate === b.hireDate &&
    a.status === b.status &&
    a.mentorPool === b.mentorPool
  );
}

/**
 * The first reason `person` cannot join `directory` as it is (its own fields, an unknown manager,
 * a reporting cycle), or null. `directory` is left unchanged.
 */
export function directoryProblem(
  directory: ReadonlyMap<string, Person>,
  person: Person,
  findCycles: (people: Iterable<Person>) => string[][],
): { field: string; message: string } | null {
  const [own] = personProblems(person);
  if (own) return own;
  if (person.managerId !== null && !directory.has(person.managerId))
    return { field: 'managerId', message: `no person with id "${person.managerId}"` };
  const next = new Map(directory);
  next.set(person.id, person);
  const [cycle] = findCycles(next.values());
  if (cycle)
    return {
      field: 'managerId',
      message: `the reporting line would make a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
    };
  return null;
}
