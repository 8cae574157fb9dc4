import { numberIn, percentIn, type Language } from '../shared/language.js';
import type { Estimate } from './difference-in-differences.js';
import { EFFECT_SENTENCES } from './effect-sentences.js';
import type { EffectEstimate } from './effect-types.js';

// The estimate in plain words for the sponsor's report: what it found, and what it cannot rule out,
// in the reader's language (the JSON API speaks English).

/** Two decimals below 10, one below 100, none above: as precise as the figures are. */
const numberOf = (lang: Language) => (x: number) =>
  numberIn(lang, x, Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2, true);

/** An estimate's interval in words ("-2.50 to 0.75"), or "not computed". */
const intervalIn = (lang: Language, e: Estimate, f = numberOf(lang)) =>
  e.interval ? EFFECT_SENTENCES[lang].interval(f(e.interval[0]), f(e.interval[1])) : EFFECT_SENTENCES[lang].notComputed;

/** The estimate and what it shows, in one sentence (the program page's proof block says only this). */
export function verdictOf(r: EffectEstimate, lang: Language = 'en'): string {
  const w = EFFECT_SENTENCES[lang];
  if (!r.effect || !r.improvement || !r.naive) return w.noFigures(r.measure);
  return w.verdict[r.verdict]({
    estimate: numberOf(lang)(r.effect.estimate),
    level: Math.round(r.confidence * 100),
    interval: intervalIn(lang, r.effect),
    lowerIsBetter: r.lowerIsBetter,
  });
}

export function summaryOf(r: EffectEstimate, lang: Language = 'en'): string[] {
  const w = EFFECT_SENTENCES[lang];
  const num = numberOf(lang);
  const s = r.sample;
  const out = [
    w.sample({
      matched: numberIn(lang, s.matchedMentees),
      mentees: numberIn(lang, s.mentees),
      perMentee: numberIn(lang, r.options.controlsPerMentee),
      managers: numberIn(lang, s.comparisonManagers),
      pool: numberIn(lang, s.pool),
      department: r.exactOn.includes('department'),
      covariates: r.covariates.map((c) => w.covariate[c]).join(', '),
    }),
  ];
  if (!r.effect || !r.improvement || !r.naive) {
    out.push(verdictOf(r, lang));
    return out;
  }
  out.push(w.naive(r.measure, num(r.naive.estimate), num(r.comparisonChange ?? 0)));
  out.push(verdictOf(r, lang));
  for (const [share, say] of [
    [r.retention, w.retention],
    [r.promotion, w.promotion],
  ] as const)
    if (share)
      out.push(
        say({
          mentees: percentIn(share.mentees),
          comparison: percentIn(share.comparison),
          difference: percentIn(share.difference.estimate),
          interval: intervalIn(lang, share.difference, percentIn),
        }),
      );
  return out;
}

/** Largest standardised difference still acceptable after matching (a common rule of thumb). */
export const BALANCE_THRESHOLD = 0.1;

export function limitsOf(r: EffectEstimate, lang: Language = 'en'): string[] {
  const w = EFFECT_SENTENCES[lang];
  const num = numberOf(lang);
  const out = [...w.always];
  const unbalanced = r.balance.filter((b) => b.smdAfter !== null && Math.abs(b.smdAfter) > BALANCE_THRESHOLD);
  if (unbalanced.length)
    out.push(
      w.unbalanced(
        unbalanced.map((b) => ({
          name: w.covariate[b.covariate as keyof typeof w.covariate] ?? b.covariate,
          smd: num(b.smdAfter!),
        })),
        numberIn(lang, BALANCE_THRESHOLD),
      ),
    );
  if (r.sample.unmatchedMentees > 0) out.push(w.unmatched(r.sample.unmatchedMentees));
  if (r.sample.mentees - r.sample.menteesWithBaseline > 0)
    out.push(w.noBaseline(r.sample.mentees - r.sample.menteesWithBaseline));
  if (r.sample.matchedMentees > r.sample.measuredSets)
    out.push(w.noAfter(r.sample.matchedMentees - r.sample.measuredSets));
  if (r.sample.measuredSets > 0 && r.sample.measuredSets < 20) out.push(w.fewerThan20);
  return out;
}
