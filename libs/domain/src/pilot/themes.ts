import { compileLexicon, type Lexicon } from './lexicon.js';

/**
 * Themes of free-text answers (pilot comments, anecdotes, session notes) by a transparent lexicon of
 * English and French words and phrases (see lexicon.ts for the syntax). Precision and recall are
 * measured on a labelled bilingual set kept in the tests (test/support/labelled-sentences.ts).
 */
export interface Theme {
  key: string;
  label: { en: string; fr: string };
  terms: string[];
  not?: string[];
}

export const THEMES: Theme[] = [
  {
    key: 'time',
    label: { en: 'Time and availability', fr: 'Temps et disponibilité' },
    terms: [
      'find time',
      'no time',
      'enough time',
      'lack of time',
      'time left',
      'too busy',
      'availab*',
      'cancel*',
      'reschedul*',
      'session* ~ postpon*',
      'calendar*',
      'hour a month',
      'trouver du temps',
      'pas le temps',
      'manque de temps',
      'de temps pour',
      'disponib*',
      'annul*',
      'seance* ~ report*',
      'agenda* ~ charg*',
      'calendrier*',
      'heure par mois',
    ],
  },
  {
    key: 'trust',
    label: { en: 'Trust and confidentiality', fr: 'Confiance et confidentialité' },
    terms: [
      'trust*',
      'confiden*',
      'safe space',
      'listen*',
      'without judg*',
      'confian*',
      'confidential*',
      'me confier',
      'se confier',
      'bienveill*',
      'ecout*',
      'sans jugement',
    ],
  },
  {
    key: 'challenge',
    label: { en: 'Being challenged', fr: 'Remise en question' },
    terms: [
      'challeng*',
      'question my',
      'push* me',
      'step* back',
      'outside perspective',
      'opened my eyes',
      'remis* en question',
      'remis* en cause',
      'remettre en question',
      'bouscul*',
      'du recul',
      'regard exterieur',
      'ouvert les yeux',
    ],
  },
  {
    key: 'practice',
    label: { en: 'Concrete practice and cases', fr: 'Pratique et cas concrets' },
    terms: [
      'real case*',
      'concrete',
      'examples from',
      'shared ~ example*',
      'shared how',
      'role play*',
      'theoretical',
      'practis*',
      'cas concret*',
      'cas reel*',
      'exemples vecus',
      'exemples tires',
      'du terrain',
      'equipe terrain',
      'mise* en situation',
      'theorique*',
      'mise en pratique',
      'raconte comment',
    ],
  },
  {
    key: 'feedback',
    label: { en: 'Feedback and difficult conversations', fr: 'Feedback et conversations difficiles' },
    terms: [
      'feedback*',
      'difficult conversation*',
      'hard conversation*',
      'tell someone',
      'un retour',
      'des retours',
      'retours precis',
      'retour franc',
      'entretien* difficile*',
      'conversation* difficile*',
      'dire a quelqu un',
    ],
  },
  {
    key: 'delegation',
    label: { en: 'Delegation and autonomy', fr: 'Délégation et autonomie' },
    terms: [
      'delegat*',
      'autonom*',
      'team decide',
      'taking work back',
      'hand* over',
      'delegu*',
      'deleg*',
      'confier le',
      'confier la',
      'confier un*',
      'reprenai* les dossiers',
    ],
  },
  {
    key: 'structure',
    label: { en: 'Goals and structure', fr: 'Objectifs et cadre' },
    terms: [
      'goals we set',
      'set goals',
      'our goal for',
      'our goals for',
      'goal* for the mentorship',
      'our objectives for',
      'objectives for the mentorship',
      'action plan',
      'clear agenda',
      'follow up between',
      'follow up after',
      'written down',
      'development plan',
      'objectifs fixes',
      'notre objectif etait',
      'nos objectifs de mentorat',
      'objectifs du mentorat',
      'objectifs pour le mentorat',
      'un cadre',
      'sans cadre',
      'cadre clair',
      'plan d action',
      'le suivi',
      'suivi entre',
      'plan de developpement',
    ],
  },
  {
    key: 'match',
    label: { en: 'The pairing itself', fr: 'Le binôme lui-même' },
    terms: [
      'the match',
      'our match',
      'paired',
      'pairing',
      'chemistry',
      'clicked',
      'compatib*',
      'binome*',
      'alchimie',
      'le courant',
      'associe* a',
      'affinit*',
      'personnalites',
    ],
  },
];

export const THEME_LEXICON: Lexicon = {
  entries: THEMES.map((t) => ({ key: t.key, terms: t.terms, not: t.not })),
  blockers: [
    'open space',
    'open plan',
    'de retour',
    'retour de conge*',
    'retour de vacance*',
    'retour sur investissement',
    'customer feedback',
    'feedback des clients',
    'feedback client*',
    'for the first time',
    'confiance en elle',
    'confiance en lui',
    'confiance en moi',
    'confiance en soi',
    'self confiden*',
  ],
};

const themeTagger = compileLexicon(THEME_LEXICON);

/** The themes of one text, by key. */
export const themesOf = (text: string): string[] => themeTagger.tag(text).map((t) => t.key);

export interface ThemeFinding {
  key: string;
  label: { en: string; fr: string };
  /** Texts filed under the theme. */
  count: number;
  /** Up to three quotes, the ones matching most of the theme's terms, shortest first among equals. */
  quotes: string[];
}

/** Themes found in the texts, most frequent first; a theme no text mentions is left out. */
export function findThemes(texts: string[], themes: Theme[] = THEMES): ThemeFinding[] {
  const tagger =
    themes === THEMES
      ? themeTagger
      : compileLexicon({ ...THEME_LEXICON, entries: themes.map((t) => ({ key: t.key, terms: t.terms, not: t.not })) });
  const tagged = texts.map((text) => ({ text, found: tagger.tag(text) }));
  const found: ThemeFinding[] = [];
  for (const theme of themes) {
    const hits = tagged
      .map(({ text, found }) => ({ text, score: found.find((f) => f.key === theme.key)?.terms.length ?? 0 }))
      .filter((h) => h.score > 0);
    if (hits.length === 0) continue;
    hits.sort((a, b) => b.score - a.score || a.text.length - b.text.length);
    found.push({ key: theme.key, label: theme.label, count: hits.length, quotes: hits.slice(0, 3).map((h) => h.text) });
  }
  return found.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
