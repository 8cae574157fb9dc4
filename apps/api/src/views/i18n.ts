import { LOCALE_OF } from '../../../../libs/domain/src/index.js';
import { COMMON } from './words/common.js';
import { EFFECT } from './words/effect.js';
import { COMPETENCIES, CRITERIA_LABELS, PHASES, REASONS, TERMS } from './words/labels.js';
import type { UiLanguage } from './words/language.js';
import { MENTORSHIP } from './words/mentorship.js';
import { PROGRAM } from './words/program.js';
import { PROOF } from './words/proof.js';
import { REPORTS } from './words/reports.js';

export type { UiLanguage } from './words/language.js';

/** Every word the pages show, per language: translators edit text in ./words, never markup. */
export const UI = {
  en: { ...COMMON.en, ...MENTORSHIP.en, ...PROGRAM.en, ...REPORTS.en, ...PROOF.en, ...EFFECT.en },
  fr: { ...COMMON.fr, ...MENTORSHIP.fr, ...PROGRAM.fr, ...REPORTS.fr, ...PROOF.fr, ...EFFECT.fr },
};

export type UiText = (typeof UI)['en'];

/** The first of a person's directory languages that the dashboard speaks; `?lang=` overrides it. */
const isUiLanguage = (l: string | undefined): l is UiLanguage => l === 'fr' || l === 'en';
export const uiLanguageOf = (languages: string[], override?: string): UiLanguage =>
  isUiLanguage(override) ? override : (languages.find(isUiLanguage) ?? 'en');

/** What every page needs to speak to its reader: the language, its words, dates, numbers and labels. */
export interface Ui {
  lang: UiLanguage;
  t: UiText;
  /** A date and time in the reader's language (UTC), or — when there is none. */
  date(iso: string | null): string;
  /** A number in the reader's format. */
  num(n: number | null, digits?: number): string;
  /** A text with {placeholders} filled. */
  fill(text: string, values: Record<string, string | number>): string;
  /** A program or mentorship phase (or a planned mentorship's status) as people say it. */
  phase(code: string): string;
  /** A competency's name (the model's own name when the key is not one of the default model's). */
  competency(key: string, fallback?: string): string;
  criterion(key: string): string;
  /** A reason code (blocker, risk), or the code itself when unknown. */
  reason(code: string): string;
  /** Decisions, roles, survey questions, outcomes. */
  term(code: string): string;
}

export const uiFor = (lang: UiLanguage): Ui => {
  const locale = LOCALE_OF[lang];
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const label = (table: Record<UiLanguage, Record<string, string>>, code: string, fallback = code) =>
    table[lang][code] ?? fallback;
  return {
    lang,
    t: UI[lang],
    date: (iso) => (iso ? format.format(new Date(iso)) : '—'),
    num: (n, digits = 2) => (n === null ? '—' : n.toLocaleString(locale, { maximumFractionDigits: digits })),
    fill: (text, values) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m)),
    phase: (code) => label(PHASES, code),
    competency: (key, fallback) => label(COMPETENCIES, key, fallback ?? key),
    criterion: (key) => label(CRITERIA_LABELS, key),
    reason: (code) => label(REASONS, code),
    term: (code) => label(TERMS, code),
  };
};
