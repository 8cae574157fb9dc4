import { mean } from 'simple-statistics';
import {
  DEFAULT_COMPARISON_OPTIONS,
  matchComparisons,
  type ComparisonUnit,
  type MatchedSet,
} from './comparison-matching.js';
import { bootstrapInterval, DEFAULT_BOOTSTRAP } from './bootstrap.js';
import {
  differenceInDifferences,
  regressionAdjustment,
  setEffects,
  shareDifference,
  type Estimate,
} from './difference-in-differences.js';
import { outcomeBy, seriesOf } from './effect-series.js';
import {
  EFFECT_COVARIATES,
  type EffectCovariate,
  type EffectEstimate,
  type EffectPerson,
  type EffectRequest,
  type IndividualComparison,
} from './effect-types.js';
import { limitsOf, summaryOf } from './effect-words.js';

export * from './effect-types.js';
export { BALANCE_THRESHOLD, limitsOf, summaryOf, verdictOf } from './effect-words.js';

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const roundEstimate = (e: Estimate | null): Estimate | null =>
  e && {
    estimate: round(e.estimate),
    interval: e.interval && [round(e.interval[0]), round(e.interval[1])],
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
