import { linearRegression, mean } from 'simple-statistics';
import {
  DEFAULT_COMPARISON_OPTIONS,
  matchComparisons,
  type BalanceRow,
  type ComparisonOptions,
  type ComparisonUnit,
  type MatchedSet,
} from './comparison-matching.js';
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from './bootstrap.js';
import {
  differenceInDifferences,
  regressionAdjustment,
  setEffects,
  shareDifference,
  type Estimate,
} from './difference-in-differences.js';
import { measureKey, type OutcomeMeasure } from './outcome-measures.js';
import { monthIndex, type MonthWindow } from './periods.js';
import { bootstrapInterval } from './bootstrap.js';

/** A manager as the directory and the HR events describe them. */
export interface EffectPerson {
  id: string;
  jobLevel: string;
  department: string;
  managementYears: number;
  teamSize: number;
  /** YYYY-MM of their departure (HR event `left`), or null while with the company. */
  leftIn: string | null;
  /** YYYY-MM of each promotion (HR event `promoted-to-manager` to a new job level). */
  promotedIn: string[];
}

export const EFFECT_COVARIATES = ['managementYears', 'teamSize', 'baseline', 'trend'] as const;
export type EffectCovariate = (typeof EFFECT_COVARIATES)[number];

const COVARIATE_WORDS: Record<EffectCovariate, string> = {
  managementYears: 'years of management',
  teamSize: 'team size',
  baseline: 'the measure’s level before the cycle',
  trend: 'the measure’s trend before the cycle (change per month)',
};

export interface EffectRequest {
  measure: string;
  lowerIsBetter: boolean;
  /** Months before the cycle (level and trend) and after it (outcome). */
  before: MonthWindow;
  after: MonthWindow;
  mentees: EffectPerson[];
  /** Managers who were never in the program; the caller leaves participants out. */
  pool: EffectPerson[];
  /** Values of any measure; only `measure`'s are read. Two sources for the same month are averaged. */
  values: OutcomeMeasure[];
  covariates?: EffectCovariate[];
  matching?: Partial<ComparisonOptions>;
  bootstrap?: Partial<BootstrapOptions>;
}

export interface IndividualComparison {
  menteeId: string;
  controlIds: string[];
  distance: number;
  menteeChange: number | null;
  comparisonChange: number | null;
  effect: number | null;
}

export interface ShareComparison {
  mentees: number;
  comparison: number;
  difference: Estimate;
}

export interface EffectEstimate {
  measure: string;
  lowerIsBetter: boolean;
  before: MonthWindow;
  after: MonthWindow;
  covariates: EffectCovariate[];
  exactOn: string[];
  options: ComparisonOptions;
  confidence: number;
  sample: {
    mentees: number;
    /** Mentees with at least two months of the measure in the before window. */
    menteesWithBaseline: number;
    matchedMentees: number;
    unmatchedMentees: number;
    comparisonManagers: number;
    pool: number;
    /** Matched sets whose mentee and at least one comparison manager have figures after the cycle. */
    measuredSets: number;
  };
  balance: BalanceRow[];
  /** Difference in differences: the mentees' change minus their comparison managers', in the measure's unit. */
  effect: Estimate | null;
  /** The effect in the measure's better direction (positive = the program helped). */
  improvement: Estimate | null;
  /** The mentees' own change, before/after, with nothing to compare it with. */
  naive: Estimate | null;
  comparisonChange: number | null;
  retention: ShareComparison | null;
  promotion: ShareComparison | null;
  verdict: 'improved' | 'worsened' | 'inconclusive' | 'not-enough-data';
  /** The result in plain words, for the sponsor's report. */
  summary: string[];
  /** What the method cannot rule out. */
  limits: string[];
  /** Mentee by mentee (HR admins and the program's owner only). */
  individual: IndividualComparison[];
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const roundEstimate = (e: Estimate | null): Estimate | null =>
  e && {
    estimate: round(e.estimate),
    interval: e.interval && [round(e.interval[0]), round(e.interval[1])],
  };

interface Series {
  baseline: number;
  trend: number;
  after: number | null;
}

/** Level and trend over the before window, level over the after window, per person. */
function seriesOf(values: OutcomeMeasure[], measure: string, before: MonthWindow, after: MonthWindow) {
  const wanted = measureKey(measure);
  const [b0, b1, a0, a1] = [before.from, before.to, after.from, after.to].map((m) => monthIndex(m)!);
  const byPerson = new Map<string, Map<number, number[]>>();
  const months = new Map<string, number>();
  for (const v of values) {
    if (v.measure !== measure && measureKey(v.measure) !== wanted) continue;
    let month = months.get(v.period);
    if (month === undefined) months.set(v.period, (month = monthIndex(v.period)!));
    const series = byPerson.get(v.employeeId) ?? new Map<number, number[]>();
    series.set(month, [...(series.get(month) ?? []), v.value]);
    byPerson.set(v.employeeId, series);
  }
  const out = new Map<string, Series>();
  for (const [id, series] of byPerson) {
    const points = [...series].map(([m, vs]) => [m, mean(vs)] as [number, number]).sort((a, b) => a[0] - b[0]);
    const pre = points.filter(([m]) => m >= b0 && m <= b1);
    const post = points.filter(([m]) => m >= a0 && m <= a1);
    if (pre.length < 2) continue;
    out.set(id, {
      baseline: mean(pre.map((p) => p[1])),
      trend: linearRegression(pre).m,
      after: post.length ? mean(post.map((p) => p[1])) : null,
    });
  }
  return out;
}

const outcomeBy = (end: MonthWindow, start: MonthWindow) => {
  const from = monthIndex(start.to)!;
  const to = monthIndex(end.to)!;
  const within = (month: string) => {
    const m = monthIndex(month);
    return m !== null && m > from && m <= to;
  };
  return {
    retained: (p: EffectPerson) => p.leftIn === null || monthIndex(p.leftIn)! > to,
    /** Gone before the cycle began: neither a mentee nor a comparison for it. */
    goneBefore: (p: EffectPerson) => p.leftIn !== null && monthIndex(p.leftIn)! <= from,
    promoted: (p: EffectPerson) => p.promotedIn.some(within),
  };
};

/**
 * The program's effect on one measure against comparable managers who were not in it: each mentee
 * is matched to managers of the same job level, close on the chosen covariates (by default years of
 * management, team size, and the measure's own level and trend before the cycle); the effect is the
 * difference in differences over the matched sets, with a bootstrap interval; retention and
 * promotion are compared over the same sets and window. Pure and seeded: the same data give the
 * same report.
 */
export function estimateEffect(request: EffectRequest): EffectEstimate {
  const covariates = request.covariates ?? [...EFFECT_COVARIATES];
  const options = { ...DEFAULT_COMPARISON_OPTIONS, ...(request.matching ?? {}) };
  const boot = { ...DEFAULT_BOOTSTRAP, ...(request.bootstrap ?? {}) };
  const series = seriesOf(request.values, request.measure, request.before, request.after);
  const rules = outcomeBy(request.after, request.before);
  const unit = (p: EffectPerson): ComparisonUnit | null => {
    const s = series.get(p.id);
    if (!s || rules.goneBefore(p)) return null;
    const all: Record<EffectCovariate, number> = {
      managementYears: p.managementYears,
      teamSize: p.teamSize,
      baseline: s.baseline,
      trend: s.trend,
    };
    return {
      id: p.id,
      jobLevel: p.jobLevel,
      department: p.department,
      covariates: Object.fromEntries(covariates.map((c) => [c, all[c]])),
    };
  };
  const mentees = request.mentees.map(unit).filter((u): u is ComparisonUnit => u !== null);
  const pool = request.pool.map(unit).filter((u): u is ComparisonUnit => u !== null);
  const match = matchComparisons(mentees, pool, covariates, options);

  // The measure's comparison needs figures after the cycle; people who left have none.
  const change = new Map<string, number>();
  for (const [id, s] of series) if (s.after !== null) change.set(id, s.after - s.baseline);
  const measuredSets: MatchedSet[] = match.sets
    .filter((s) => change.has(s.menteeId))
    .map((s) => ({ ...s, controlIds: s.controlIds.filter((id) => change.has(id)) }))
    .filter((s) => s.controlIds.length > 0);
  const units = new Map([...mentees, ...pool].map((u) => [u.id, u]));
  const adjust = regressionAdjustment(measuredSets, change, (id) =>
    covariates.map((c) => units.get(id)!.covariates[c]),
  );
  const effect = differenceInDifferences(measuredSets, change, boot, adjust);
  const menteeChanges = measuredSets.map((s) => change.get(s.menteeId)!);
  const naive: Estimate | null = menteeChanges.length
    ? {
        estimate: mean(menteeChanges),
        interval: bootstrapInterval(
          menteeChanges.length,
          (counts) => {
            let sum = 0;
            let n = 0;
            counts.forEach((c, i) => {
              sum += c * menteeChanges[i];
              n += c;
            });
            return n ? sum / n : null;
          },
          boot,
        ),
      }
    : null;
  const sign = request.lowerIsBetter ? -1 : 1;
  const improvement: Estimate | null = effect && {
    estimate: sign * effect.estimate,
    interval: effect.interval && (sign === 1 ? effect.interval : [-effect.interval[1], -effect.interval[0]]),
  };

  const people = new Map([...request.mentees, ...request.pool].map((p) => [p.id, p]));
  const retention = shareDifference(match.sets, (id) => rules.retained(people.get(id)!), boot);
  const promotion = shareDifference(match.sets, (id) => rules.promoted(people.get(id)!), boot);

  const verdict: EffectEstimate['verdict'] =
    !improvement || !improvement.interval
      ? 'not-enough-data'
      : improvement.interval[0] > 0
        ? 'improved'
        : improvement.interval[1] < 0
          ? 'worsened'
          : 'inconclusive';
  const effects = setEffects(measuredSets, change, adjust);
  const individual: IndividualComparison[] = match.sets.map((s) => {
    const i = measuredSets.findIndex((m) => m.menteeId === s.menteeId);
    const controls = i >= 0 ? measuredSets[i].controlIds.map((id) => change.get(id)!) : [];
    return {
      menteeId: s.menteeId,
      controlIds: s.controlIds,
      distance: s.distance,
      menteeChange: i >= 0 ? round(change.get(s.menteeId)!) : null,
      comparisonChange: i >= 0 ? round(mean(controls)) : null,
      effect: i >= 0 ? round(effects[i]) : null,
    };
  });
  const comparisonChange = measuredSets.length
    ? mean(measuredSets.map((s) => mean(s.controlIds.map((id) => change.get(id)!))))
    : null;
  const result: EffectEstimate = {
    measure: request.measure,
    lowerIsBetter: request.lowerIsBetter,
    before: request.before,
    after: request.after,
    covariates,
    exactOn: options.sameDepartment ? ['jobLevel', 'department'] : ['jobLevel'],
    options,
    confidence: boot.confidence,
    sample: {
      mentees: request.mentees.length,
      menteesWithBaseline: mentees.length,
      matchedMentees: match.sets.length,
      unmatchedMentees: match.unmatched.length,
      comparisonManagers: match.sets.reduce((n, s) => n + s.controlIds.length, 0),
      pool: pool.length,
      measuredSets: measuredSets.length,
    },
    balance: match.balance,
    effect: roundEstimate(effect),
    improvement: roundEstimate(improvement),
    naive: roundEstimate(naive),
    comparisonChange: comparisonChange === null ? null : round(comparisonChange),
    retention: retention && {
      mentees: round(retention.mentees),
      comparison: round(retention.comparison),
      difference: roundEstimate(retention.difference)!,
    },
    promotion: promotion && {
      mentees: round(promotion.mentees),
      comparison: round(promotion.comparison),
      difference: roundEstimate(promotion.difference)!,
    },
    verdict,
    summary: [],
    limits: [],
    individual,
  };
  result.summary = summaryOf(result);
  result.limits = limitsOf(result);
  return result;
}

const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (x: number) => `${Math.round(x * 100)} %`;
const interval = (e: Estimate, f = num) => (e.interval ? `${f(e.interval[0])} to ${f(e.interval[1])}` : 'not computed');

function summaryOf(r: EffectEstimate): string[] {
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

function limitsOf(r: EffectEstimate): string[] {
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
