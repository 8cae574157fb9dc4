import { compileLexicon, type Lexicon } from '../pilot/lexicon.js';

/**
 * Words and phrases, in English and French, by which free text speaks of one of the default
 * managerial model's competencies (libs/domain/src/competencies/default-managerial-model.ts).
 * A case is filed under a competency from this lexicon only while its precision measured on
 * sentences written after the lexicon was frozen reaches MIN_TAGGING_PRECISION (see
 * COMPETENCY_TAGGING_HELD_OUT); until then cases are filed under the competencies people declared.
 */
export const COMPETENCY_LEXICON: Lexicon = {
  entries: [
    {
      key: 'delegation',
      terms: [
        'delegat*',
        'autonomy',
        'team decide',
        'taking work back',
        'hand* over',
        'delegu*',
        'deleg*',
        'autonomie',
        'confier le',
        'confier la',
        'confier un*',
        'reprenai* les dossiers',
      ],
    },
    {
      key: 'feedback',
      terms: [
        'give* feedback',
        'giving feedback',
        'negative feedback',
        'feedback on my management',
        'difficult conversation*',
        'annual review*',
        'underperform*',
        'tell someone',
        'retours precis',
        'des retours',
        'retour de mon equipe',
        'entretien* difficile*',
        'entretien* annuel*',
        'feedbacks negatifs',
        'dire a quelqu un',
      ],
    },
    {
      key: 'conflict',
      terms: [
        'conflict*',
        'disagreement*',
        'tension*',
        'stopped talking',
        'mediat*',
        'conflit*',
        'desaccord*',
        'ne se parlaient plus',
      ],
    },
    {
      key: 'change',
      terms: [
        'reorganis*',
        'reorganiz*',
        'roll out',
        'resistance',
        'merger',
        'transformation',
        'leading change',
        'change management',
        'reorganisation*',
        'deploiement*',
        'resistance au changement',
        'conduite du changement',
        'fusion',
      ],
    },
    {
      key: 'developing-people',
      terms: [
        'coaching',
        'development plan',
        'career*',
        'people grow',
        'developing my team',
        'become a manager',
        'accompagne un*',
        'plan de developpement',
        'carriere*',
        'faire progresser',
        'developpement de mon equipe',
        'devenir manager',
        'ont ete promus',
        'were promoted',
      ],
    },
    {
      key: 'strategic-alignment',
      terms: ['strategy', 'strategic', 'three year plan', 'company goals', 'strategie', 'strategique*', 'orientations'],
    },
    {
      key: 'decision-making',
      terms: ['decision*', 'decid*', 'prioritis*', 'choose between', 'hardest call', 'trancher', 'arbitr*'],
      not: ['team decide'],
    },
    {
      key: 'collaboration',
      terms: [
        'working with the',
        'other teams',
        'two departments',
        'logistics team',
        'cross team',
        'across teams',
        'blame game',
        'travailler avec',
        'autres equipes',
        'deux services',
        'avec la logistique',
        'transverse*',
      ],
    },
  ],
  blockers: ['customer feedback', 'feedback des clients', 'de retour', 'retour sur investissement'],
};

/** Below this precision on the labelled set, tagging must not file cases under competencies. */
export const MIN_TAGGING_PRECISION = 0.9;
/** Fewer tagged held-out sentences than this say too little about precision to rely on it. */
export const MIN_HELD_OUT_TAGGED = 20;

/**
 * The competency lexicon's last measurement on the held-out batch (test/support/labelled-sentences.ts),
 * recorded here so that the gate below decides from it; a test re-measures and fails when the
 * record and the lexicon disagree. 2026-05: 50 sentences, 5 tagged, 4 right (precision 0.8),
 * recall 4 of 24: the lexicon fitted its tuning set (precision 1.0 on 254 sentences) and does not
 * generalise well enough to file cases by itself.
 */
export const COMPETENCY_TAGGING_HELD_OUT = { sentences: 50, truePositives: 4, falsePositives: 1, falseNegatives: 20 };

/** Whether free-text tagging may file cases under competencies, from a held-out measurement. */
export function textTaggingMayFile(m: { truePositives: number; falsePositives: number }): boolean {
  const tagged = m.truePositives + m.falsePositives;
  return tagged >= MIN_HELD_OUT_TAGGED && m.truePositives / tagged >= MIN_TAGGING_PRECISION;
}

const competencyTagger = compileLexicon(COMPETENCY_LEXICON);

/** The competencies a text speaks of, by key, with the words that show it. */
export const competenciesOf = (text: string): Array<{ key: string; terms: string[] }> => competencyTagger.tag(text);
