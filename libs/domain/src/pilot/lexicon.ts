/**
 * A transparent lexicon tagger: a label is given to a text when one of its terms appears in it, so
 * anyone can read why a sentence was filed somewhere, and extend the lists.
 *
 * Terms, after accents, case and apostrophes are dropped:
 * - `word` matches that word only; `stem*` any word it starts;
 * - `a b` the words in that order, next to each other;
 * - `a ~ b` b within four words after a ("sessions kept getting postponed").
 * Blockers mask words before terms are looked for: "open space" is not about trust, "de retour de
 * congé" is not feedback, "customer feedback" is not the manager's.
 *
 * Whole words and phrases rather than bare stems: the first lexicon filed 6 of 8 theme-free
 * sentences under a theme (`open` → trust, `retour` → feedback, `plan` → structure).
 */
export interface LexiconEntry {
  key: string;
  terms: string[];
  /** Phrases that stop this entry only (e.g. "team decide" is delegation, not decision making). */
  not?: string[];
}

export interface Lexicon {
  entries: LexiconEntry[];
  /** Phrases masked for every entry. */
  blockers: string[];
}

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe');

export const tokensOf = (text: string): string[] =>
  normalise(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

type Matcher = (tokens: string[], masked: boolean[]) => Array<[number, number]>;

const tokenTest = (pattern: string) =>
  pattern.endsWith('*')
    ? (
        (stem: string) => (w: string) =>
          w.startsWith(stem)
      )(pattern.slice(0, -1))
    : (w: string) => w === pattern;

/** Compiles a term into a finder of [first, last] token spans. */
function compile(term: string): Matcher {
  const parts = term.split(' ~ ').map((p) =>
    normalise(p)
      .split(/[^a-z0-9*]+/)
      .filter(Boolean),
  );
  const phrase = (words: string[]) => {
    const tests = words.map(tokenTest);
    return (tokens: string[], masked: boolean[], from: number, to: number): number[] => {
      const starts: number[] = [];
      for (let i = from; i <= Math.min(to, tokens.length - tests.length); i++)
        if (tests.every((t, k) => !masked[i + k] && t(tokens[i + k]))) starts.push(i);
      return starts;
    };
  };
  const finders = parts.map(phrase);
  return (tokens, masked) => {
    const spans: Array<[number, number]> = [];
    for (const start of finders[0](tokens, masked, 0, tokens.length)) {
      let end = start + parts[0].length - 1;
      let ok = true;
      for (let p = 1; p < parts.length && ok; p++) {
        const next = finders[p](tokens, masked, end + 1, end + 5)[0];
        if (next === undefined) ok = false;
        else end = next + parts[p].length - 1;
      }
      if (ok) spans.push([start, end]);
    }
    return spans;
  };
}

export interface CompiledLexicon {
  /** The labels of a text, each with the terms that gave it (for "why was this filed here"). */
  tag(text: string): Array<{ key: string; terms: string[] }>;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const blockers = lexicon.blockers.map(compile);
  const entries = lexicon.entries.map((e) => ({
    key: e.key,
    terms: e.terms.map((t) => ({ term: t, find: compile(t) })),
    not: (e.not ?? []).map(compile),
  }));
  const mask = (tokens: string[], masked: boolean[], finders: Matcher[]) => {
    const out = [...masked];
    for (const find of finders) for (const [a, b] of find(tokens, masked)) for (let i = a; i <= b; i++) out[i] = true;
    return out;
  };
  return {
    tag(text) {
      const tokens = tokensOf(text);
      const base = mask(tokens, new Array<boolean>(tokens.length).fill(false), blockers);
      const found: Array<{ key: string; terms: string[] }> = [];
      for (const e of entries) {
        const masked = e.not.length ? mask(tokens, base, e.not) : base;
        const terms = e.terms.filter((t) => t.find(tokens, masked).length > 0).map((t) => t.term);
        if (terms.length) found.push({ key: e.key, terms });
      }
      return found;
    },
  };
}

/** Precision and recall of a tagger on labelled texts, overall (micro-averaged) and per label. */
export interface TaggingQuality {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  perLabel: Array<{ key: string; precision: number | null; recall: number | null; support: number }>;
  /** Texts with a label the reader did not give, for reading why. */
  mistakes: Array<{ text: string; extra: string[]; missing: string[] }>;
}

export function taggingQuality(
  labelled: Array<{ text: string; labels: string[] }>,
  tag: (text: string) => string[],
): TaggingQuality {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (key: string) => counts.get(key) ?? counts.set(key, { tp: 0, fp: 0, fn: 0 }).get(key)!;
  const mistakes: TaggingQuality['mistakes'] = [];
  for (const { text, labels } of labelled) {
    const found = new Set(tag(text));
    const truth = new Set(labels);
    for (const k of found) count(k)[truth.has(k) ? 'tp' : 'fp']++;
    for (const k of truth) if (!found.has(k)) count(k).fn++;
    const extra = [...found].filter((k) => !truth.has(k));
    const missing = [...truth].filter((k) => !found.has(k));
    if (extra.length || missing.length) mistakes.push({ text, extra, missing });
  }
  const sum = (f: 'tp' | 'fp' | 'fn') => [...counts.values()].reduce((s, c) => s + c[f], 0);
  const [tp, fp, fn] = [sum('tp'), sum('fp'), sum('fn')];
  const ratio = (a: number, b: number) => (a + b === 0 ? null : a / (a + b));
  return {
    precision: ratio(tp, fp) ?? 1,
    recall: ratio(tp, fn) ?? 1,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    perLabel: [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, c]) => ({ key, precision: ratio(c.tp, c.fp), recall: ratio(c.tp, c.fn), support: c.tp + c.fn })),
    mistakes,
  };
}
