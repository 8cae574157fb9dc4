export type UiLanguage = 'en' | 'fr';

/** A dictionary in both languages: French must name every English key, so no word is missing in one of them. */
export const dictionary = <const E extends Record<string, string>>(en: E, fr: { [K in keyof E]: string }) => ({
  en: en as { [K in keyof E]: string },
  fr,
});
