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
    `${Math.round(x.attribution * 100)} % of each improvement is attributed to the mentorship`,
    ...monetised.map((f) => valueAssumption(f.name, f.unit, f.valuePerUnit!, x.currency, f.source)),
    ...facts.filter((f) => f.value === null).map((f) => `${f.name} is reported but not monetised`),
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

/** "Team turnover: 2000 EUR per unit of improvement (percentage point), from the HR report" — no "one days". */
export const valueAssumption = (fact: string, unit: string, value: number, currency: string, source: string) =>
  `${fact}: ${value} ${currency} per unit of improvement (${unit}), figures from ${source}`;

/**
 * The assumptions of a set of evidence, each stated once: the cost rule and the rates, the share
 * attributed, each fact's value. Evidence recorded before the basis existed gives its own lines.
 */
export function assumptionsOf(evidence: RoiEvidence[]): string[] {
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
      ? `each session hour counts ${b.counting.hoursPerSessionHour} h for the mentor and for the mentee (preparation included), each decided checkpoint ${b.counting.supervisorHoursPerCheckpoint} h of supervision; `
      : '';
    once(
      `cost: ${counting}hourly rates ${b.rates.mentor} (mentor), ${b.rates.mentee} (mentee), ${b.rates.supervisor} (supervisor) ${b.currency}`,
    );
    once(`${Math.round(b.attribution * 100)} % of each improvement is attributed to the mentorship`);
    for (const v of b.values) once(valueAssumption(v.fact, v.unit, v.valuePerUnit, b.currency, v.source));
    for (const f of b.notMonetised) once(`${f} is reported but not monetised`);
  }
  return lines;
}
