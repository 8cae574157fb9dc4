import { dictionary } from './language.js';

/**
 * The report's proof section and the program page's proof block: the effect against comparable
 * managers and both ROI figures. The effect's own sentences (summary, limits, verdict) come from
 * libs/domain/src/proof, in the reader's language.
 */
export const EFFECT = dictionary(
  {
    proofTitle: 'Proof: the effect against comparable managers',
    proofIntro: 'Two ROI figures are shown for each measure.',
    proofBeforeAfter: 'Before/after',
    proofBeforeAfterIs: 'is what happened to the mentees, times the share of it agreed to come from the mentorship.',
    proofFromEffect: 'From the estimated effect',
    proofFromEffectIs:
      'compares each mentee with managers who were not in the program but were alike before it (job level, years of management, team size, the measure’s own level and trend): only the difference counts, with its 95 % interval.',
    proofPrivacy:
      'Privacy: the sponsor and the steering group see aggregates only, and only of at least {n} people on each side of the comparison; smaller figures are withheld. Mentee-by-mentee comparisons are for HR admins and the program’s owner.',
    proofNone:
      'No comparison yet: it needs closed mentorships whose facts have a value per unit, and the same measure imported for everyone (participants and not) under the same name.',
    proofFigure: 'Figure',
    proofBasedOn: 'Based on',
    roiBeforeAfter: 'ROI before/after (the mentees’ own change × the agreed attribution share)',
    roiFromEffect: 'ROI from the estimated effect (against comparable managers)',
    proofNoBeforeAfter: 'No closed mentorship monetised this measure.',
    proofClosed: '{n} closed mentorship(s)',
    proofMatched: '{n} mentee(s) each matched to comparable managers',
    proofWithheld:
      'Withheld: fewer than {n} people on one side of the comparison: figures this small would describe individuals.',
    proofNoEstimate: 'No estimate: too few mentees with figures before and after the cycle.',
    proofInterval: '95 % interval: {low} to {high}',
    proofNoInterval: 'no interval: too few matched mentees',
    proofEffectOn:
      'Effect on {measure}: {effect}; {matched} mentee(s) matched to {managers} manager(s) who were not in the program (out of {pool}).',
    proofPerMentee: '{n} per mentee in its better direction ({interval})',
    proofNotEstimated: 'not estimated',
    proofCannotRuleOut: 'What the method cannot rule out',
    proofFull: 'The whole proof, with what the method cannot rule out, in the report',
  },
  {
    proofTitle: 'Preuve : l’effet face à des managers comparables',
    proofIntro: 'Deux chiffres de retour sur investissement sont donnés pour chaque mesure.',
    proofBeforeAfter: 'Avant/après',
    proofBeforeAfterIs:
      'est ce qui est arrivé aux mentorés, multiplié par la part qu’on est convenu d’attribuer au mentorat.',
    proofFromEffect: 'Depuis l’effet estimé',
    proofFromEffectIs:
      'compare chaque mentoré à des managers qui n’étaient pas dans le programme mais lui ressemblaient avant (niveau de poste, années de management, taille d’équipe, niveau et tendance de la mesure) : seul l’écart compte, avec son intervalle à 95 %.',
    proofPrivacy:
      'Confidentialité : le sponsor et le comité de pilotage ne voient que des agrégats, et seulement d’au moins {n} personnes de chaque côté de la comparaison ; les chiffres plus petits sont masqués. Les comparaisons mentoré par mentoré sont réservées aux administrateurs RH et au responsable du programme.',
    proofNone:
      'Pas encore de comparaison : il faut des mentorats clôturés dont les faits ont une valeur par unité, et la même mesure importée pour tous (participants ou non) sous le même nom.',
    proofFigure: 'Chiffre',
    proofBasedOn: 'Sur la base de',
    roiBeforeAfter: 'ROI avant/après (la variation propre des mentorés × la part attribuée convenue)',
    roiFromEffect: 'ROI depuis l’effet estimé (face à des managers comparables)',
    proofNoBeforeAfter: 'Aucun mentorat clôturé n’a chiffré cette mesure.',
    proofClosed: '{n} mentorat(s) clôturé(s)',
    proofMatched: '{n} mentoré(s), chacun apparié à des managers comparables',
    proofWithheld:
      'Masqué : moins de {n} personnes d’un côté de la comparaison ; des chiffres aussi petits décriraient des individus.',
    proofNoEstimate: 'Pas d’estimation : trop peu de mentorés ont des chiffres avant et après le cycle.',
    proofInterval: 'intervalle à 95 % : {low} à {high}',
    proofNoInterval: 'pas d’intervalle : trop peu de mentorés appariés',
    proofEffectOn:
      'Effet sur « {measure} » : {effect} ; {matched} mentoré(s) apparié(s) à {managers} manager(s) hors programme (sur {pool}).',
    proofPerMentee: '{n} par mentoré dans le sens favorable ({interval})',
    proofNotEstimated: 'non estimé',
    proofCannotRuleOut: 'Ce que la méthode ne peut pas exclure',
    proofFull: 'Toute la preuve, avec ce que la méthode ne peut pas exclure, dans le rapport',
  },
);
