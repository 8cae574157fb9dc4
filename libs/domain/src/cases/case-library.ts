import { themesOf } from '../pilot/themes.js';
import type { CaseConsent } from './case-consent.js';
import { competenciesOf } from './competency-lexicon.js';
import type { Deidentifier } from './deidentify.js';

/**
 * What a closed mentorship (or a pilot mentorship) left behind that a training case can be made
 * of, each text with its author. Private notes are not part of it: they never leave their author.
 */
export interface CaseMaterial {
  source: 'mentorship' | 'pilot';
  /** Mentorship id or pilot reference: never shown, only hashed into the case id. */
  ref: string;
  /** Cycle of the program the mentorship belonged to, or null for the pilot. */
  cycle: number | null;
  menteeId: string;
  mentorId: string;
  supervisorId: string | null;
  /** Competencies people declared: the mentee's goals, the sessions' competencies, the pilot's. */
  declaredCompetencies: string[];
  /** Session topics and shared notes (by the mentor). */
  sessions: Array<{ topics: string[]; sharedNotes: string | null }>;
  /** The supervisor's guidance at checkpoints. */
  guidance: string[];
  /** What changed in practice: final review comments, survey comments (by their respondent). */
  changes: Array<{ by: 'mentor' | 'mentee'; text: string }>;
  /** Pilot anecdotes: written with both, so both must have consented. */
  anecdotes: string[];
  /** Levels gained on the goal competencies (mean), when measured. */
  levelsGained: number | null;
}

export interface TrainingCase {
  caseId: string;
  source: 'mentorship' | 'pilot';
  cycle: number | null;
  /** Competencies the case is filed under, and how each was found. */
  competencies: Array<{ key: string; by: 'declared' | 'text' }>;
  themes: string[];
  situation: string[];
  guidance: string[];
  change: string[];
  anecdotes: string[];
  levelsGained: number | null;
}

export interface CaseLibraryOptions {
  consent: (personId: string) => CaseConsent | null;
  deidentify: Deidentifier;
  /** Competencies of the model in use: a declared key unknown to it is not filed. */
  competencyKeys: ReadonlySet<string>;
  /** Whether free-text tagging may add competencies (see textTaggingMayFile). */
  fileByText: boolean;
}

/** A short stable hash (FNV-1a): case ids must not carry a mentorship's id or a pilot's reference. */
function caseIdOf(source: string, ref: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${source}\u0000${ref}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `case-${h.toString(16).padStart(8, '0')}`;
}

/**
 * Training cases from earlier mentorships: only text whose authors said yes, de-identified (the
 * pair and their supervisor become roles, anyone else of the directory "[colleague]"), filed under
 * the competencies people declared (and those the text speaks of, when tagging is precise enough).
 * A mentorship none of whose text may be used gives no case.
 */
export function buildCaseLibrary(materials: CaseMaterial[], options: CaseLibraryOptions): TrainingCase[] {
  const cases: TrainingCase[] = [];
  for (const m of materials) {
    const ok = (...authors: Array<string | null>) =>
      authors.every((a) => a !== null && options.consent(a) === 'granted');
    const roles = new Map<string, string>([
      [m.menteeId, 'mentee'],
      [m.mentorId, 'mentor'],
    ]);
    if (m.supervisorId) roles.set(m.supervisorId, 'supervisor');
    const clean = (t: string) => options.deidentify.clean(t.trim(), roles);
    const keep = (texts: string[]) => texts.filter((t) => t.trim().length > 0).map(clean);
    const situation = ok(m.mentorId)
      ? keep(
          m.sessions.flatMap((s) => [
            ...(s.topics.length ? [s.topics.join('; ')] : []),
            ...(s.sharedNotes ? [s.sharedNotes] : []),
          ]),
        )
      : [];
    const guidance = ok(m.supervisorId) ? keep(m.guidance) : [];
    const change = keep(m.changes.filter((c) => ok(c.by === 'mentor' ? m.mentorId : m.menteeId)).map((c) => c.text));
    const anecdotes = ok(m.mentorId, m.menteeId) ? keep(m.anecdotes) : [];
    const texts = [...situation, ...guidance, ...change, ...anecdotes];
    if (texts.length === 0) continue;
    const filed = new Map<string, 'declared' | 'text'>();
    for (const k of m.declaredCompetencies) if (options.competencyKeys.has(k)) filed.set(k, 'declared');
    if (options.fileByText)
      for (const t of texts)
        for (const c of competenciesOf(t))
          if (options.competencyKeys.has(c.key) && !filed.has(c.key)) filed.set(c.key, 'text');
    cases.push({
      caseId: caseIdOf(m.source, m.ref),
      source: m.source,
      cycle: m.cycle,
      competencies: [...filed].map(([key, by]) => ({ key, by })),
      themes: [...new Set(texts.flatMap(themesOf))].sort(),
      situation,
      guidance,
      change,
      anecdotes,
      levelsGained: m.levelsGained,
    });
  }
  return cases.sort((a, b) => (b.cycle ?? 0) - (a.cycle ?? 0) || a.caseId.localeCompare(b.caseId));
}

/**
 * The cases most worth bringing to a training on one competency: filed under it, those with the
 * most to learn from first — guidance and a visible change weigh most, then progress made, then
 * the latest cycle.
 */
export function casesFor(cases: TrainingCase[], competencyKey: string, limit = 3): TrainingCase[] {
  const score = (c: TrainingCase) =>
    (c.competencies.find((k) => k.key === competencyKey)?.by === 'declared' ? 2 : 1) +
    (c.guidance.length ? 1 : 0) +
    (c.change.length ? 1 : 0) +
    Math.max(0, c.levelsGained ?? 0) +
    0.1 * Math.min(5, c.situation.length + c.anecdotes.length);
  return cases
    .filter((c) => c.competencies.some((k) => k.key === competencyKey))
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => b.s - a.s || (b.c.cycle ?? 0) - (a.c.cycle ?? 0) || a.c.caseId.localeCompare(b.c.caseId))
    .slice(0, limit)
    .map((x) => x.c);
}
