import { numberIn, percentIn, type Language } from '../shared/language.js';
import { ROI_SENTENCES } from './roi-sentences.js';

/**
 * ROI evidence of one mentorship: what changed (competencies, operational facts, each with its
 * source), what it cost (hours × rates) and a ratio — with every assumption written out, since
 * an ROI figure without its assumptions proves nothing.
 */
export interface OperationalFact {
  /** e.g. "Team turnover (12 months)". */
  name: string;
  unit: string;
  /** Where the figure comes from (HR report, engagement survey, delivery dashboard…). */
  source: string;
  before: number;
  after: number;
  /** true when a lower value is an improvement (turnover, absence, defects). */
  lowerIsBetter: boolean;
  /** Money one unit of improvement is worth, when the company has agreed such a value; null = not monetised. */
  valuePerUnit: number | null;
}

export interface GoalProgress {
  competencyKey: string;
  baseline: number;
  target: number;
  final: number;
}

export interface RoiInputs {
  goals: GoalProgress[];
  facts: OperationalFact[];
  mentorHours: number;
  menteeHours: number;
  supervisorHours: number;
  /** Hourly cost rates (fully loaded), in the company's currency. */
  rates: { mentor: number; mentee: number; supervisor: number };
  /** Share of the improvement attributed to the mentorship (0..1), agreed with the sponsor. */
  attribution: number;
  currency: string;
  /** How the hours were counted (from the program's economics), for the assumptions. */
  counting?: { hoursPerSessionHour: number; supervisorHoursPerCheckpoint: number };
}

/** What a ROI figure rests on, kept apart from its text so that a report can state each once. */
export interface RoiBasis {
  currency: string;
  rates: { mentor: number; mentee: number; supervisor: number };
  attribution: number;
  counting: { hoursPerSessionHour: number; supervisorHoursPerCheckpoint: number } | null;
  /** Each monetised fact's value per unit of improvement, with its source. */
  values: Array<{ fact: string; unit: string; valuePerUnit: number; source: string }>;
  /** Facts reported without a money value. */
  notMonetised: string[];
}

export interface RoiEvidence {
  competencies: Array<GoalProgress & { gained: number; reached: boolean }>;
  facts: Array<OperationalFact & { delta: number; improvement: number; value: number | null }>;
  cost: number;
  benefit: number;
  /** (benefit − cost) / cost; null when nothing was monetised or nothing cost anything. */
  roi: number | null;
  assumptions: string[];
  /** Absent in evidence recorded before it. */
  basis?: RoiBasis;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** The assumptions a mentorship's evidence records when it closes (read back by assumptionsOf when it has no basis). */
const RECORDED = ROI_SENTENCES.en;

export function roiEvidence(x: RoiInputs): RoiEvidence {
  const competencies = x.goals.map((g) => ({
    ...g,
    gained: round2(g.final - g.baseline),
    reached: g.final >= g.target,
  }));
  const facts = x.facts.map((f) => {
    const delta = round2(f.after - f.before);
    const improvement = round2(f.lowerIsBetter ? -delta : delta);
    return {
      ...f,
      delta,
      improvement,
      value: f.valuePerUnit === null ? null : round2(improvement * f.valuePerUnit * x.attribution),
    };
  });
  const cost = round2(
    x.mentorHours * x.rates.mentor + x.menteeHours * x.rates.mentee + x.supervisorHours * x.rates.supervisor,
  );
  const monetised = facts.filter((f) => f.value !== null);
  const benefit = round2(monetised.reduce((s, f) => s + (f.value ?? 0), 0));
  const roi = monetised.length === 0 || cost === 0 ? null : round2((benefit - cost) / cost);
  const assumptions = [
    `cost = mentor ${x.mentorHours} h × ${x.rates.mentor} + mentee ${x.menteeHours} h × ${x.rates.mentee} + supervision ${x.supervisorHours} h × ${x.rates.supervisor} ${x.currency}/h`,
    RECORDED.attribution(percentIn(x.attribution)),
    // Recorded with the evidence as they always were: numbers as the code writes them.
    ...monetised.map((f) =>
      RECORDED.value({
        fact: f.name,
        unit: f.unit,
        value: String(f.valuePerUnit),
        currency: x.currency,
        source: f.source,
      }),
    ),
    ...facts.filter((f) => f.value === null).map((f) => RECORDED.notMonetised(f.name)),
  ];
  const basis: RoiBasis = {
    currency: x.currency,
    rates: x.rates,
    attribution: x.attribution,
    counting: x.counting ?? null,
    values: monetised.map((f) => ({ fact: f.name, unit: f.unit, valuePerUnit: f.valuePerUnit!, source: f.source })),
    notMonetised: facts.filter((f) => f.value === null).map((f) => f.name),
  };
  return { competencies, facts, cost, benefit, roi, assumptions, basis };
}

/**
 * The assumptions of a set of evidence, each stated once, in the reader's language: the cost rule
 * and the rates, the share attributed, each fact's value. Evidence recorded before the basis existed
 * gives its own lines, as they were recorded (in English).
 */
export function assumptionsOf(evidence: RoiEvidence[], lang: Language = 'en'): string[] {
  const w = ROI_SENTENCES[lang];
  const num = (x: number) => numberIn(lang, x);
  const lines: string[] = [];
  const once = (line: string) => {
    if (!lines.includes(line)) lines.push(line);
  };
  for (const e of evidence) {
    const b = e.basis;
    if (!b) {
      e.assumptions.forEach(once);
      continue;
    }
    const counting = b.counting
      ? w.counting(num(b.counting.hoursPerSessionHour), num(b.counting.supervisorHoursPerCheckpoint))
      : '';
    once(
      w.cost({
        counting,
        mentor: num(b.rates.mentor),
        mentee: num(b.rates.mentee),
        supervisor: num(b.rates.supervisor),
        currency: b.currency,
      }),
    );
    once(w.attribution(percentIn(b.attribution)));
    for (const v of b.values)
      once(w.value({ fact: v.fact, unit: v.unit, value: num(v.valuePerUnit), currency: b.currency, source: v.source }));
    for (const f of b.notMonetised) once(w.notMonetised(f));
  }
  return lines;
}
