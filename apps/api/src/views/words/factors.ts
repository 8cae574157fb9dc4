import type { UiLanguage } from './language.js';

/** Pilot factors as an HR owner says them; a company's own attributes keep their recorded name. */
export const FACTORS: Record<UiLanguage, Record<string, string>> = {
  en: {
    sessionFrequency: 'How often they met (sessions a month)',
    interactionQuality: 'Quality of the exchanges (challenge, guidance, trust)',
    mentorExperience: 'Mentor’s years as a manager',
    competencyCoverage: 'Share of the mentee’s gaps worked on',
    sameDepartment: 'Mentor and mentee in the same department',
  },
  fr: {
    sessionFrequency: 'Fréquence des séances (par mois)',
    interactionQuality: 'Qualité des échanges (challenge, transmission, confiance)',
    mentorExperience: 'Années de management du mentor',
    competencyCoverage: 'Part des écarts du mentoré travaillés',
    sameDepartment: 'Mentor et mentoré dans le même département',
  },
};

export const factorLabel = (lang: UiLanguage, key: string): string =>
  FACTORS[lang][key] ?? (key.startsWith('attribute:') ? key.slice('attribute:'.length) : key);
