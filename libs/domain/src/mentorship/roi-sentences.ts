import type { Language } from '../shared/language.js';

// The assumptions of a ROI figure as sentences, in each language the reports speak; which are said
// is decided in roi.ts, and the numbers come here already written in the reader's format.

export interface RoiSentences {
  counting: (sessionHour: string, checkpoint: string) => string;
  cost: (x: { counting: string; mentor: string; mentee: string; supervisor: string; currency: string }) => string;
  attribution: (percent: string) => string;
  value: (x: { fact: string; unit: string; value: string; currency: string; source: string }) => string;
  notMonetised: (fact: string) => string;
}

export const ROI_SENTENCES: Record<Language, RoiSentences> = {
  en: {
    counting: (h, c) =>
      `each session hour counts ${h} h for the mentor and for the mentee (preparation included), each decided checkpoint ${c} h of supervision; `,
    cost: (x) =>
      `cost: ${x.counting}hourly rates ${x.mentor} (mentor), ${x.mentee} (mentee), ${x.supervisor} (supervisor) ${x.currency}`,
    attribution: (p) => `${p} of each improvement is attributed to the mentorship`,
    value: (x) => `${x.fact}: ${x.value} ${x.currency} per unit of improvement (${x.unit}), figures from ${x.source}`,
    notMonetised: (fact) => `${fact} is reported but not monetised`,
  },
  fr: {
    counting: (h, c) =>
      `chaque heure de séance compte ${h} h pour le mentor et pour le mentoré (préparation comprise), chaque point d’étape décidé ${c} h de supervision ; `,
    cost: (x) =>
      `coût : ${x.counting}taux horaires ${x.mentor} (mentor), ${x.mentee} (mentoré), ${x.supervisor} (superviseur) ${x.currency}`,
    attribution: (p) => `${p} de chaque amélioration est attribué au mentorat`,
    value: (x) =>
      `${x.fact} : ${x.value} ${x.currency} par unité d’amélioration (${x.unit}), chiffres issus de ${x.source}`,
    notMonetised: (fact) => `${fact} est relevé mais pas monétisé`,
  },
};
