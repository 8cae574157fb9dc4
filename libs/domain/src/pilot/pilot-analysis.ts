import { DEFAULT_MATCHING_WEIGHTS, type MatchingWeights } from '../matching/candidates.js';
import type { PilotMentorship } from './pilot-data.js';
import {
  assessMentorship,
  PARTIAL_AT,
  round,
  SUCCESS_AT,
  WEIGHTS,
  type MentorshipAssessment,
  type Outcome,
} from './pilot-success.js';
import { correlationInterval, mean, pearson } from './statistics.js';
import { CRITERION_OF, factorValues, labelOf, targetOf, type FactorKey, type PilotContext } from './pilot-factors.js';
import { findThemes, type ThemeFinding } from './themes.js';

export interface FactorFinding {
  factor: FactorKey;
  label: string;
  n: number;
  status: 'effect' | 'no-clear-effect' | 'not-enough-data';
  /** Pearson's r between the factor and the success score (null below the minimum sample). */
  r: number | null;
  interval: [number, number] | null;
  direction: 'positive' | 'negative' | null;
}

export interface PilotCompetencyGap {
  competencyKey: string;
  name: string;
  /** Mean target of the mentees' job levels. */
  target: number | null;
  menteesBefore: number | null;
  menteesAfter: number | null;
  /** Mean assessed level of the pilot's mentors. */
  mentors: number | null;
  /** target − level after the pilot (positive: still short of the target). */
  remainingGap: number | null;
}

export interface PilotAnalysis {
  mentorships: MentorshipAssessment[];
  outcomes: Record<Outcome, number>;
  factors: FactorFinding[];
  gaps: PilotCompetencyGap[];
  themes: ThemeFinding[];
  keySuccessFactors: string[];
  risks: string[];
  recommendations: { matchingWeights: MatchingWeights; focusCompetencies: string[]; notes: string[] };
  method: string[];
}

const avg = (xs: number[]) => (xs.length ? mean(xs) : null);

/**
 * The pilot's evaluation. Pure: the same file and context give the same report. Effects are
 * correlations with the success score, each with a confidence interval corrected for the number
 * of factors tested (Bonferroni), so a factor is claimed only when its whole interval is on one side
 * of zero and a noise factor among many is not reported by chance.
 */
export function analysePilot(mentorships: PilotMentorship[], ctx: PilotContext): PilotAnalysis {
  const minSample = ctx.minSample ?? 10;
  const assessed = mentorships.map(assessMentorship);
  const outcomes: Record<Outcome, number> = { success: 0, partial: 0, failure: 0 };
  for (const a of assessed) outcomes[a.outcome]++;

  const values = mentorships.map((m) => factorValues(m, ctx));
  const factorKeys = [
    ...new Set(values.flatMap((v) => Object.keys(v).filter((k) => v[k as FactorKey] !== undefined))),
  ] as FactorKey[];
  const tested = factorKeys.length || 1;
  const confidence = 1 - 0.05 / tested;
  const factors: FactorFinding[] = factorKeys.map((factor) => {
    const pairs = values
      .map((v, i) => [v[factor], assessed[i].score] as const)
      .filter((p): p is readonly [number, number] => p[0] !== undefined);
    const base = { factor, label: labelOf(factor), n: pairs.length };
    const r =
      pairs.length >= minSample
        ? pearson(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          )
        : NaN;
    if (pairs.length < minSample || Number.isNaN(r))
      return { ...base, status: 'not-enough-data' as const, r: null, interval: null, direction: null };
    const interval = correlationInterval(r, pairs.length, confidence);
    const effect = interval[0] > 0 || interval[1] < 0;
    return {
      ...base,
      status: effect ? ('effect' as const) : ('no-clear-effect' as const),
      r: round(r, 3),
      interval: [round(interval[0], 3), round(interval[1], 3)] as [number, number],
      direction: effect ? (r > 0 ? ('positive' as const) : ('negative' as const)) : null,
    };
  });
  const rank = { effect: 0, 'no-clear-effect': 1, 'not-enough-data': 2 } as const;
  factors.sort((a, b) => rank[a.status] - rank[b.status] || Math.abs(b.r ?? 0) - Math.abs(a.r ?? 0));

  const gaps: PilotCompetencyGap[] = ctx.model.competencies.map((c) => {
    const worked = mentorships.filter((m) => m.baseline[c.key] !== undefined);
    const targets = [...new Set(mentorships.map((m) => m.menteeId))]
      .map((id) => targetOf(ctx.model, ctx.jobLevels.get(id), c.key))
      .filter((t): t is number => t !== undefined);
    const before = avg(worked.map((m) => m.baseline[c.key]));
    const after = avg(worked.filter((m) => m.final[c.key] !== undefined).map((m) => m.final[c.key]));
    const mentors = avg(
      [...new Set(mentorships.map((m) => m.mentorId))]
        .map((id) => ctx.mentorLevels.get(id)?.[c.key])
        .filter((l): l is number => l !== undefined),
    );
    const target = avg(targets);
    const rounded = (x: number | null) => (x === null ? null : round(x));
    return {
      competencyKey: c.key,
      name: c.name,
      target: rounded(target),
      menteesBefore: rounded(before),
      menteesAfter: rounded(after),
      mentors: rounded(mentors),
      remainingGap: target !== null && (after ?? before) !== null ? round(target - (after ?? before)!) : null,
    };
  });

  const texts = mentorships.flatMap((m) => [
    ...m.anecdotes,
    ...m.surveys.map((s) => s.answers.comment).filter((c): c is string => typeof c === 'string' && c.trim().length > 0),
  ]);
  const themes = findThemes(texts);

  const effects = factors.filter((f) => f.status === 'effect');
  const keySuccessFactors = effects
    .filter((f) => f.direction === 'positive')
    .map((f) => `more ${f.label} goes with success (r = ${f.r}, n = ${f.n})`);
  const risks = effects
    .filter((f) => f.direction === 'negative')
    .map((f) => `more ${f.label} goes with weaker results (r = ${f.r}, n = ${f.n})`);
  const failures = assessed.filter((a) => a.outcome === 'failure');
  const reasonCounts = new Map<string, number>();
  for (const a of failures) {
    // The figures in brackets differ per mentorship; the reason itself is what recurs.
    for (const reason of a.reasons.map((r) => r.replace(/ \(.*\)$/, '')))
      reasonCounts.set(reason, (reasonCounts.get(reason) ?? 0) + 1);
  }
  for (const [reason, count] of [...reasonCounts].sort((a, b) => b[1] - a[1]).slice(0, 3))
    risks.push(`${reason}: in ${count} of ${failures.length} failed mentorships`);

  // Weights: each criterion a clear effect speaks for is scaled by (1 + r·sign), the others keep
  // their default; then all are normalised to sum to 1.
  const raw: MatchingWeights = { ...DEFAULT_MATCHING_WEIGHTS };
  for (const f of effects) {
    const map = CRITERION_OF[f.factor];
    if (map) raw[map.criterion] = raw[map.criterion] * Math.max(0, 1 + map.sign * f.r!);
  }
  const total = Object.values(raw).reduce((s, w) => s + w, 0);
  const matchingWeights = Object.fromEntries(
    Object.entries(raw).map(([k, w]) => [k, round(w / total, 3)]),
  ) as unknown as MatchingWeights;
  const focusCompetencies = gaps
    .filter((g) => g.remainingGap !== null && g.remainingGap > 0)
    .sort((a, b) => b.remainingGap! - a.remainingGap!)
    .slice(0, 3)
    .map((g) => g.competencyKey);
  const notes: string[] = [];
  const frequency = effects.find((f) => f.factor === 'sessionFrequency' && f.direction === 'positive');
  const successfulFrequencies = values
    .filter((_, i) => assessed[i].outcome === 'success')
    .map((v) => v.sessionFrequency)
    .filter((x): x is number => x !== undefined)
    .sort((x, y) => x - y);
  if (frequency && successfulFrequencies.length) {
    notes.push(
      `plan about ${round(successfulFrequencies[Math.floor(successfulFrequencies.length / 2)], 1)} sessions a month: the median of the successful mentorships`,
    );
  }
  if (effects.some((f) => f.factor === 'interactionQuality' && f.direction === 'positive'))
    notes.push('train mentors to challenge, to share cases and to build trust: interaction quality goes with success');
  for (const g of gaps.filter((g) => g.mentors !== null && g.target !== null && g.mentors < g.target))
    notes.push(`mentors themselves are below the target in ${g.name}: include it in the mentors' training`);

  return {
    mentorships: assessed,
    outcomes,
    factors,
    gaps,
    themes,
    keySuccessFactors,
    risks,
    recommendations: { matchingWeights, focusCompetencies, notes },
    method: [
      `success score = ${WEIGHTS.progress} × competency progress (mean levels gained on the competencies worked, 2 levels = 1) + ${WEIGHTS.satisfaction} × mentee satisfaction (NPS / 10, else their mean 1–5 answer) + ${WEIGHTS.practiceChange} × visible change in practice (practiceChange, 1–5); weights renormalised over the components present`,
      `success from ${SUCCESS_AT}, partial from ${PARTIAL_AT}, failure below`,
      `each factor: Pearson's r with the success score and its ${round(confidence * 100, 2)} % interval (Fisher z; 95 % corrected for ${tested} factors tested); an effect is claimed only when the interval excludes 0; fewer than ${minSample} mentorships with a value: not enough data`,
      'interaction quality and satisfaction both come from the surveys of the same people; read their association with that in mind',
      'themes: English and French words and phrases per theme (libs/domain/src/pilot/themes.ts), accents and case ignored; precision and recall measured on a labelled bilingual set in the tests',
    ],
  };
}
