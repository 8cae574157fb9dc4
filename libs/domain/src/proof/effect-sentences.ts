import type { Language } from '../shared/language.js';
import type { EffectCovariate, EffectEstimate } from './effect-types.js';

// Every sentence of an estimate's plain words, in each language the reports speak. Which sentences
// are said, and with which figures, is decided in effect-words.ts; the figures come here already
// written in the reader's format.

type Verdict = EffectEstimate['verdict'];

export interface EffectSentences {
  covariate: Record<EffectCovariate, string>;
  notComputed: string;
  interval: (low: string, high: string) => string;
  sample: (x: {
    matched: string;
    mentees: string;
    perMentee: string;
    managers: string;
    pool: string;
    department: boolean;
    covariates: string;
  }) => string;
  noFigures: (measure: string) => string;
  naive: (measure: string, mentees: string, comparison: string) => string;
  /** `better` is the measure's better direction ("lower" for turnover). */
  verdict: Record<
    Verdict,
    (x: { estimate: string; level: number; interval: string; lowerIsBetter: boolean }) => string
  >;
  retention: (x: ShareWords) => string;
  promotion: (x: ShareWords) => string;
  /** What matching on observed data can never rule out, said for every estimate. */
  always: string[];
  unbalanced: (covariates: Array<{ name: string; smd: string }>, threshold: string) => string;
  unmatched: (n: number) => string;
  noBaseline: (n: number) => string;
  noAfter: (n: number) => string;
  fewerThan20: string;
}

interface ShareWords {
  mentees: string;
  comparison: string;
  difference: string;
  interval: string;
}

const EN: EffectSentences = {
  covariate: {
    managementYears: 'years of management',
    teamSize: 'team size',
    baseline: 'the measure’s level before the cycle',
    trend: 'the measure’s trend before the cycle (change per month)',
  },
  notComputed: 'not computed',
  interval: (low, high) => `${low} to ${high}`,
  sample: (x) =>
    `${x.matched} of the cycle's ${x.mentees} mentees were each compared with up to ${x.perMentee} managers who were not in the program (${x.managers} in all, from ${x.pool} with figures): same job level${x.department ? ' and department' : ''}, close on ${x.covariates}.`,
  noFigures: (measure) => `Not enough figures of "${measure}" before and after the cycle to estimate an effect.`,
  naive: (measure, mentees, comparison) =>
    `Before/after alone, the mentees' ${measure} changed by ${mentees}; the comparison managers' changed by ${comparison} over the same months.`,
  verdict: {
    improved: (x) =>
      `The program's estimated effect: ${x.estimate} (${x.level} % interval ${x.interval}) — the mentees ended ${x.lowerIsBetter ? 'lower' : 'higher'} than comparable managers, beyond what chance explains.`,
    worsened: (x) =>
      `The program's estimated effect: ${x.estimate} (${x.level} % interval ${x.interval}) — the mentees ended worse than comparable managers.`,
    inconclusive: (x) =>
      `The program's estimated effect: ${x.estimate} (${x.level} % interval ${x.interval}). The interval includes 0: these figures do not show an effect either way.`,
    'not-enough-data': (x) => `The program's estimated effect: ${x.estimate}; too few matched mentees for an interval.`,
  },
  retention: (x) =>
    `Still with the company at the end of the window: ${x.mentees} of the mentees, ${x.comparison} of their comparison managers (difference ${x.difference}, interval ${x.interval}).`,
  promotion: (x) =>
    `Promoted in the window: ${x.mentees} of the mentees, ${x.comparison} of their comparison managers (difference ${x.difference}, interval ${x.interval}).`,
  always: [
    'The comparison evens out only what is in the data: job level, the covariates listed and the measure before the cycle. A difference nobody measured — motivation, a manager who asked to join, a new team, another programme at the same time — can still explain part of the result.',
    'Mentees were not chosen at random. Matching on the measure’s trend before the cycle removes the head start of managers who were already improving, but only as far as that trend shows in the figures.',
    'If colleagues of the mentees benefit too (better practice spreads), the comparison managers improve as well and the effect is underestimated.',
  ],
  unbalanced: (covariates, threshold) =>
    `After matching, ${covariates.map((c) => `${c.name} (${c.smd} standard deviations)`).join(', ')} still differ by more than ${threshold} standard deviations: read the estimate with care.`,
  unmatched: (n) =>
    `${n} mentee(s) had no comparable manager close enough and are left out: the estimate speaks for the others.`,
  noBaseline: (n) => `${n} mentee(s) had fewer than two months of figures before the cycle and are left out.`,
  noAfter: (n) =>
    `${n} matched mentee(s) have no figures after the cycle (left, moved or not yet measured): the measure's estimate leaves them out; retention counts them.`,
  fewerThan20: 'Fewer than 20 mentees were compared: the interval is wide and may be less exact than stated.',
};

const FR: EffectSentences = {
  covariate: {
    managementYears: 'les années de management',
    teamSize: 'la taille de l’équipe',
    baseline: 'le niveau de la mesure avant le cycle',
    trend: 'la tendance de la mesure avant le cycle (variation par mois)',
  },
  notComputed: 'non calculé',
  interval: (low, high) => `${low} à ${high}`,
  sample: (x) =>
    `${x.matched} des ${x.mentees} mentorés du cycle ont chacun été comparés à ${x.perMentee} managers au plus qui n’étaient pas dans le programme (${x.managers} en tout, parmi ${x.pool} ayant des chiffres) : même niveau de poste${x.department ? ' et même département' : ''}, proches par ${x.covariates}.`,
  noFigures: (measure) => `Pas assez de chiffres de « ${measure} » avant et après le cycle pour estimer un effet.`,
  naive: (measure, mentees, comparison) =>
    `En avant/après seul, « ${measure} » a varié de ${mentees} chez les mentorés ; de ${comparison} chez les managers de comparaison sur les mêmes mois.`,
  verdict: {
    improved: (x) =>
      `Effet estimé du programme : ${x.estimate} (intervalle à ${x.level} % : ${x.interval}) — les mentorés finissent ${x.lowerIsBetter ? 'plus bas' : 'plus haut'} que des managers comparables, au-delà de ce que le hasard explique.`,
    worsened: (x) =>
      `Effet estimé du programme : ${x.estimate} (intervalle à ${x.level} % : ${x.interval}) — les mentorés finissent moins bien que des managers comparables.`,
    inconclusive: (x) =>
      `Effet estimé du programme : ${x.estimate} (intervalle à ${x.level} % : ${x.interval}). L’intervalle contient 0 : ces chiffres ne montrent d’effet dans aucun sens.`,
    'not-enough-data': (x) =>
      `Effet estimé du programme : ${x.estimate} ; trop peu de mentorés appariés pour un intervalle.`,
  },
  retention: (x) =>
    `Toujours dans l’entreprise à la fin de la période : ${x.mentees} des mentorés, ${x.comparison} de leurs managers de comparaison (écart ${x.difference}, intervalle ${x.interval}).`,
  promotion: (x) =>
    `Promus pendant la période : ${x.mentees} des mentorés, ${x.comparison} de leurs managers de comparaison (écart ${x.difference}, intervalle ${x.interval}).`,
  always: [
    'La comparaison n’égalise que ce qui figure dans les données : le niveau de poste, les covariables citées et la mesure avant le cycle. Une différence que personne n’a mesurée — la motivation, un manager qui a demandé à participer, une nouvelle équipe, un autre programme au même moment — peut encore expliquer une partie du résultat.',
    'Les mentorés n’ont pas été choisis au hasard. Apparier sur la tendance de la mesure avant le cycle retire l’avance des managers qui progressaient déjà, mais seulement pour autant que cette tendance se voie dans les chiffres.',
    'Si des collègues des mentorés en profitent aussi (les bonnes pratiques se diffusent), les managers de comparaison progressent eux aussi et l’effet est sous-estimé.',
  ],
  unbalanced: (covariates, threshold) =>
    `Après appariement, ${covariates.map((c) => `${c.name} (${c.smd} écart-type)`).join(', ')} diffèrent encore de plus de ${threshold} écart-type : lisez l’estimation avec prudence.`,
  unmatched: (n) =>
    `${n} mentoré(s) sans manager comparable assez proche, laissé(s) de côté : l’estimation vaut pour les autres.`,
  noBaseline: (n) => `${n} mentoré(s) avec moins de deux mois de chiffres avant le cycle, laissé(s) de côté.`,
  noAfter: (n) =>
    `${n} mentoré(s) apparié(s) sans chiffres après le cycle (parti(s), muté(s) ou pas encore mesuré(s)) : l’estimation de la mesure les laisse de côté ; la rétention les compte.`,
  fewerThan20: 'Moins de 20 mentorés ont été comparés : l’intervalle est large et peut être moins exact qu’annoncé.',
};

export const EFFECT_SENTENCES: Record<Language, EffectSentences> = { en: EN, fr: FR };
