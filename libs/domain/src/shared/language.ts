/**
 * The languages the product speaks to people. The sentences the domain writes (an estimate's plain
 * words, a report's assumptions) come in each, their numbers in the language's own format — the
 * same locale the pages use for theirs.
 */
export type Language = 'en' | 'fr';

export const LOCALE_OF: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

/** A number as a reader of `lang` writes it: `digits` decimals at most, or exactly when `exact`. */
export const numberIn = (lang: Language, x: number, digits = 2, exact = false): string =>
  x.toLocaleString(LOCALE_OF[lang], { minimumFractionDigits: exact ? digits : 0, maximumFractionDigits: digits });

/** A share (0–1) as a whole percentage, as both languages write it on the reports. */
export const percentIn = (x: number): string => `${Math.round(x * 100)} %`;
