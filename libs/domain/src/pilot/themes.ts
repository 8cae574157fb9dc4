/**
 * Themes of free-text answers by a transparent lexicon: each theme lists word stems in English and
 * French; a text belongs to every theme one of whose stems starts one of its words (accents and
 * case ignored). Anyone can read why a quote was filed under a theme, and extend the lexicon.
 */
export interface Theme {
  key: string;
  label: { en: string; fr: string };
  stems: string[];
}

export const THEMES: Theme[] = [
  {
    key: 'time',
    label: { en: 'Time and availability', fr: 'Temps et disponibilité' },
    stems: ['time', 'busy', 'schedul', 'availab', 'agenda', 'temps', 'disponib', 'calendrier', 'annul', 'cancel'],
  },
  {
    key: 'trust',
    label: { en: 'Trust and confidentiality', fr: 'Confiance et confidentialité' },
    stems: ['trust', 'confiden', 'safe', 'open', 'confian', 'bienveill', 'ecoute', 'listen'],
  },
  {
    key: 'challenge',
    label: { en: 'Being challenged', fr: 'Remise en question' },
    stems: ['challeng', 'question', 'push', 'bouscul', 'remis', 'recul', 'perspective'],
  },
  {
    key: 'practice',
    label: { en: 'Concrete practice and cases', fr: 'Pratique et cas concrets' },
    stems: ['concret', 'case', 'cas', 'situation', 'practic', 'pratiqu', 'exempl', 'example', 'terrain'],
  },
  {
    key: 'feedback',
    label: { en: 'Feedback and difficult conversations', fr: 'Feedback et conversations difficiles' },
    stems: ['feedback', 'retour', 'conversation', 'entretien', 'conflict', 'conflit', 'difficil', 'difficult'],
  },
  {
    key: 'delegation',
    label: { en: 'Delegation and autonomy', fr: 'Délégation et autonomie' },
    stems: ['delegat', 'delegu', 'autonom', 'empower', 'responsabilis'],
  },
  {
    key: 'structure',
    label: { en: 'Goals and structure', fr: 'Objectifs et cadre' },
    stems: ['goal', 'objecti', 'structur', 'cadre', 'plan', 'suivi', 'follow'],
  },
  {
    key: 'match',
    label: { en: 'The pairing itself', fr: 'Le binôme lui-même' },
    stems: ['match', 'pair', 'binome', 'affinit', 'compatib', 'chemistry', 'alchimie'],
  },
];

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const wordsOf = (text: string) =>
  normalise(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

export interface ThemeFinding {
  key: string;
  label: { en: string; fr: string };
  /** Texts filed under the theme. */
  count: number;
  /** Up to three quotes, the ones matching the theme's stems most, shortest first among equals. */
  quotes: string[];
}

/** Themes found in the texts, most frequent first; a theme no text mentions is left out. */
export function findThemes(texts: string[], themes: Theme[] = THEMES): ThemeFinding[] {
  const found: ThemeFinding[] = [];
  for (const theme of themes) {
    const hits = texts
      .map((text) => ({ text, score: wordsOf(text).filter((w) => theme.stems.some((s) => w.startsWith(s))).length }))
      .filter((h) => h.score > 0);
    if (hits.length === 0) continue;
    hits.sort((a, b) => b.score - a.score || a.text.length - b.text.length);
    found.push({ key: theme.key, label: theme.label, count: hits.length, quotes: hits.slice(0, 3).map((h) => h.text) });
  }
  return found.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
