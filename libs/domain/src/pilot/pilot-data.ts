import { surveyAnswerProblems, type SurveyAnswers, type SurveyMoment, type SurveyTemplate } from './survey-template.js';

/** One mentorship of a pilot, as the company recorded it before mentorflow (imported as JSON). */
export interface PilotMentorship {
  /** The company's own reference, unique in the pilot. */
  ref: string;
  mentorId: string;
  menteeId: string;
  /** ISO dates (YYYY-MM-DD). */
  startedOn: string;
  endedOn: string;
  sessions: number;
  /** Competencies the pair worked on. */
  competencies: string[];
  /** The mentee's levels (1–5) before and after, per competency key. */
  baseline: Record<string, number>;
  final: Record<string, number>;
  /** Years of management of the mentor then (the directory's value is used when absent). */
  mentorExperienceYears?: number;
  sameDepartment?: boolean;
  /** Any other numeric criterion the company kept (e.g. `mentorAge`): analysed like the others. */
  attributes?: Record<string, number>;
  surveys: Array<{ respondent: 'mentor' | 'mentee'; moment: SurveyMoment; answers: SurveyAnswers }>;
  facts: Array<{ name: string; unit: string; before: number; after: number; lowerIsBetter: boolean }>;
  anecdotes: string[];
}

export interface PilotImportProblem {
  /** 1-based position of the mentorship in the file's `mentorships` array. */
  entry: number;
  field: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The fields a file may hold, at each depth: anything else is named, so a misspelt one is never dropped. */
const ENTRY_FIELDS = [
  'ref',
  'mentorId',
  'menteeId',
  'startedOn',
  'endedOn',
  'sessions',
  'competencies',
  'baseline',
  'final',
  'mentorExperienceYears',
  'sameDepartment',
  'attributes',
  'surveys',
  'facts',
  'anecdotes',
];
const SURVEY_FIELDS = ['respondent', 'moment', 'answers'];
const FACT_FIELDS = ['name', 'unit', 'before', 'after', 'lowerIsBetter'];

/** Edit distance, for a "did you mean" on a misspelt field. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

/** Problems for the keys of `value` that are not `known`, named under `prefix`. */
function unknownFields(value: object, known: string[], prefix: string): Array<{ field: string; message: string }> {
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => {
      const near = known.filter((f) => distance(k, f) <= Math.max(1, Math.floor(f.length / 4)));
      return {
        field: `${prefix}${k}`,
        message: near.length > 0 ? `unknown field; did you mean "${near[0]}"?` : 'unknown field',
      };
    });
}
const isLevel = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5;

/**
 * Every problem of an import, each with its entry and field: the import is all or nothing, and the
 * person fixing the file sees every mistake at once. `people` and `competencies` are what the
 * directory and the competency model know.
 */
/** Dates a past mentorship can have run on (a year 9999 is a typo). */
export const PILOT_DATES = { from: '2000-01-01', to: '2099-12-31' } as const;

export function pilotImportProblems(
  entries: unknown[],
  known: { people: Set<string>; competencies: Set<string> },
  template: SurveyTemplate,
): PilotImportProblem[] {
  const problems: PilotImportProblem[] = [];
  const refs = new Set<string>();
  const pairs = new Map<string, number>();
  if (entries.length === 0) problems.push({ entry: 0, field: 'mentorships', message: 'at least one mentorship' });
  entries.forEach((raw, i) => {
    const entry = i + 1;
    const add = (field: string, message: string) => problems.push({ entry, field, message });
    if (typeof raw !== 'object' || raw === null) return add('', 'an object');
    const m = raw as Partial<PilotMentorship>;
    for (const u of unknownFields(m, ENTRY_FIELDS, '')) add(u.field, u.message);
    if (typeof m.ref !== 'string' || !m.ref.trim()) add('ref', 'a non-empty reference');
    else if (refs.has(m.ref)) add('ref', `"${m.ref}" appears twice`);
    else refs.add(m.ref);
    // The same pair starting the same day is one mentorship, whatever its reference says.
    const pair = `${String(m.mentorId)}|${String(m.menteeId)}|${String(m.startedOn)}`;
    const first = pairs.get(pair);
    if (first !== undefined) add('ref', `the same mentorship as entry ${first} (same mentor, mentee and start)`);
    else pairs.set(pair, entry);
    for (const f of ['mentorId', 'menteeId'] as const) {
      const id = m[f];
      if (typeof id !== 'string' || !id) add(f, 'a person id');
      else if (!known.people.has(id)) add(f, `no person with id "${id}" in the directory`);
    }
    if (m.mentorId && m.mentorId === m.menteeId) add('menteeId', 'the mentee must be another person than the mentor');
    for (const f of ['startedOn', 'endedOn'] as const)
      if (typeof m[f] !== 'string' || !DATE.test(m[f]) || Number.isNaN(Date.parse(m[f]))) add(f, 'a date YYYY-MM-DD');
      else if (m[f] < PILOT_DATES.from || m[f] > PILOT_DATES.to)
        add(f, `a date from ${PILOT_DATES.from} to ${PILOT_DATES.to}`);
    if (typeof m.startedOn === 'string' && typeof m.endedOn === 'string' && m.endedOn <= m.startedOn)
      add('endedOn', 'after startedOn');
    if (!Number.isInteger(m.sessions) || (m.sessions as number) < 0 || (m.sessions as number) > 500)
      add('sessions', 'a whole number from 0 to 500');
    if (!Array.isArray(m.competencies) || m.competencies.length === 0)
      add('competencies', 'at least one competency worked on');
    else
      m.competencies.forEach((c, j) =>
        known.competencies.has(c) ? undefined : add(`competencies.${j}`, `unknown competency "${String(c)}"`),
      );
    for (const f of ['baseline', 'final'] as const) {
      const levels = m[f];
      if (typeof levels !== 'object' || levels === null || Array.isArray(levels)) {
        add(f, 'levels by competency key');
        continue;
      }
      for (const [k, v] of Object.entries(levels)) {
        if (!known.competencies.has(k)) add(`${f}.${k}`, `unknown competency "${k}"`);
        else if (!isLevel(v)) add(`${f}.${k}`, 'a level from 1 to 5');
      }
    }
    if (
      m.mentorExperienceYears !== undefined &&
      (typeof m.mentorExperienceYears !== 'number' || m.mentorExperienceYears < 0 || m.mentorExperienceYears > 60)
    )
      add('mentorExperienceYears', 'years from 0 to 60');
    if (m.sameDepartment !== undefined && typeof m.sameDepartment !== 'boolean') add('sameDepartment', 'true or false');
    for (const [k, v] of Object.entries(m.attributes ?? {}))
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e12)
        add(`attributes.${k}`, 'a number within ±10¹²');
    if (!Array.isArray(m.surveys)) add('surveys', 'a list (possibly empty)');
    else
      m.surveys.forEach((s, j) => {
        if (typeof s !== 'object' || s === null) return add(`surveys.${j}`, 'an object');
        for (const u of unknownFields(s, SURVEY_FIELDS, `surveys.${j}.`)) add(u.field, u.message);
        if (s.respondent !== 'mentor' && s.respondent !== 'mentee') add(`surveys.${j}.respondent`, 'mentor or mentee');
        if (!['kickoff', 'midpoint', 'close', 'pulse'].includes(s.moment))
          add(`surveys.${j}.moment`, 'kickoff, midpoint, close or pulse');
        if (typeof s.answers !== 'object' || s.answers === null) add(`surveys.${j}.answers`, 'answers by question key');
        else
          for (const p of surveyAnswerProblems(template, s.answers)) add(`surveys.${j}.answers.${p.item}`, p.message);
      });
    // One response per person and occurrence: a second close survey by the mentee is a mistake.
    const occurrences = (m.surveys ?? []).filter((s) => s.moment !== 'pulse').map((s) => `${s.respondent}/${s.moment}`);
    const dup = occurrences.find((o, j) => occurrences.indexOf(o) !== j);
    if (dup) add('surveys', `two ${dup.replace('/', ' answers at ')}; one response per person and occasion`);
    if (!Array.isArray(m.facts)) add('facts', 'a list (possibly empty)');
    else
      m.facts.forEach((f, j) => {
        if (typeof f !== 'object' || f === null) return add(`facts.${j}`, 'an object');
        for (const u of unknownFields(f, FACT_FIELDS, `facts.${j}.`)) add(u.field, u.message);
        if (typeof f.name !== 'string' || !f.name.trim()) add(`facts.${j}.name`, 'a name');
        if (typeof f.before !== 'number' || typeof f.after !== 'number')
          add(`facts.${j}`, 'before and after are numbers');
      });
    if (!Array.isArray(m.anecdotes) || m.anecdotes.some((a) => typeof a !== 'string'))
      add('anecdotes', 'a list of texts (possibly empty)');
  });
  return problems;
}
