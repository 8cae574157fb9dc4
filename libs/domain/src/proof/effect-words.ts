import type { Estimate } from './difference-in-differences.js';
import type { EffectCovariate, EffectEstimate } from './effect-types.js';

// The estimate in plain words for the sponsor's report: what it found, and what it cannot rule out.

const COVARIATE_WORDS: Record<EffectCovariate, string> = {
  managementYears: 'years of management',
  teamSize: 'team size',
  baseline: 'the measure’s level before the cycle',
  trend: 'the measure’s trend before the cycle (change per month)',
};

const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (x: number) => `${Math.round(x * 100)} %`;
const interval = (e: Estimate, f = num) => (e.interval ? `${f(e.interval[0])} to ${f(e.interval[1])}` : 'not computed');

export function summaryOf(r: EffectEstimate): string[] {
  const level = Math.round(r.confidence * 100);
  const s = r.sample;
  const out = [
    `${s.matchedMentees} of the cycle's ${s.mentees} mentees were each compared with up to ${r.options.controlsPerMentee} managers who were not in the program (${s.comparisonManagers} in all, from ${s.pool} with figures): same job level${r.exactOn.includes('department') ? ' and department' : ''}, close on ${r.covariates.map((c) => COVARIATE_WORDS[c]).join(', ')}.`,
  ];
  if (!r.effect || !r.improvement || !r.naive) {
    out.push(`Not enough figures of "${r.measure}" before and after the cycle to estimate an effect.`);
    return out;
  }
  out.push(
    `Before/after alone, the mentees' ${r.measure} changed by ${num(r.naive.estimate)}; the comparison managers' changed by ${num(r.comparisonChange ?? 0)} over the same months.`,
  );
  const better = r.lowerIsBetter ? 'lower' : 'higher';
  const verdicts = {
    improved: `The program's estimated effect: ${num(r.effect.estimate)} (${level} % interval ${interval(r.effect)}) — the mentees ended ${better} than comparable managers, beyond what chance explains.`,
    worsened: `The program's estimated effect: ${num(r.effect.estimate)} (${level} % interval ${interval(r.effect)}) — the mentees ended worse than comparable managers.`,
    inconclusive: `The program's estimated effect: ${num(r.effect.estimate)} (${level} % interval ${interval(r.effect)}). The interval includes 0: these figures do not show an effect either way.`,
    'not-enough-data': `The program's estimated effect: ${num(r.effect.estimate)}; too few matched mentees for an interval.`,
  };
  out.push(verdicts[r.verdict]);
  if (r.retention)
    out.push(
      `Still with the company at the end of the window: ${pct(r.retention.mentees)} of the mentees, ${pct(r.retention.comparison)} of their comparison managers (difference ${pct(r.retention.difference.estimate)}, interval ${interval(r.retention.difference, pct)}).`,
    );
  if (r.promotion)
    out.push(
      `Promoted in the window: ${pct(r.promotion.mentees)} of the mentees, ${pct(r.promotion.comparison)} of their comparison managers (difference ${pct(r.promotion.difference.estimate)}, interval ${interval(r.promotion.difference, pct)}).`,
    );
  return out;
}

/** Largest standardised difference still acceptable after matching (a common rule of thumb). */
export const BALANCE_THRESHOLD = 0.1;

export function limitsOf(r: EffectEstimate): string[] {
  const out = [
    'The comparison evens out only what is in the data: job level, the covariates listed and the measure before the cycle. A difference nobody measured — motivation, a manager who asked to join, a new team, another programme at the same time — can still explain part of the result.',
    'Mentees were not chosen at random. Matching on the measure’s trend before the cycle removes the head start of managers who were already improving, but only as far as that trend shows in the figures.',
    'If colleagues of the mentees benefit too (better practice spreads), the comparison managers improve as well and the effect is underestimated.',
  ];
  const unbalanced = r.balance.filter((b) => b.smdAfter !== null && Math.abs(b.smdAfter) > BALANCE_THRESHOLD);
  if (unbalanced.length)
    out.push(
      `After matching, ${unbalanced.map((b) => `${b.covariate} (${num(b.smdAfter!)} standard deviations)`).join(', ')} still differ by more than ${BALANCE_THRESHOLD} standard deviations: read the estimate with care.`,
    );
  if (r.sample.unmatchedMentees > 0)
    out.push(
      `${r.sample.unmatchedMentees} mentee(s) had no comparable manager close enough and are left out: the estimate speaks for the others.`,
    );
  if (r.sample.mentees - r.sample.menteesWithBaseline > 0)
    out.push(
      `${r.sample.mentees - r.sample.menteesWithBaseline} mentee(s) had fewer than two months of figures before the cycle and are left out.`,
    );
  if (r.sample.matchedMentees > r.sample.measuredSets)
    out.push(
      `${r.sample.matchedMentees - r.sample.measuredSets} matched mentee(s) have no figures after the cycle (left, moved or not yet measured): the measure's estimate leaves them out; retention counts them.`,
    );
  if (r.sample.measuredSets > 0 && r.sample.measuredSets < 20)
    out.push(`Fewer than 20 mentees were compared: the interval is wide and may be less exact than stated.`);
  return out;
}
