import { dictionary } from './language.js';

/** A cycle's training plan and the cases from earlier mentorships it cites. */
export const PROOF = dictionary(
  {
    trainingPlan: 'Training plan and cases from earlier mentorships',
    planRecorded: 'The plan recorded for this cycle, as last edited.',
    planProposed: 'Not recorded yet: the plan the cohort calls for now.',
    menteesTargeting: 'Mentees targeting it',
    meanGap: 'Mean gap',
    trainers: 'Experienced trainers',
    cases: 'Cases',
    casesRule:
      'Only from people who consented; private notes never; names, emails and ids replaced by roles ([mentee], [mentor], [supervisor], [colleague]).',
    situation: 'Situation',
    caseGuidance: 'The supervisor’s guidance',
    change: 'What changed',
  },
  {
    trainingPlan: 'Plan de formation et cas des mentorats précédents',
    planRecorded: 'Le plan enregistré pour ce cycle, tel que modifié en dernier.',
    planProposed: 'Pas encore enregistré : le plan que demande la cohorte aujourd’hui.',
    menteesTargeting: 'Mentorés qui la visent',
    meanGap: 'Écart moyen',
    trainers: 'Formateurs expérimentés',
    cases: 'Cas',
    casesRule:
      'Seulement de personnes consentantes ; jamais de notes privées ; noms, courriels et identifiants remplacés par des rôles ([mentee], [mentor], [supervisor], [colleague]).',
    situation: 'Situation',
    caseGuidance: 'Les consignes du superviseur',
    change: 'Ce qui a changé',
  },
);
