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
}

export interface RoiEvidence {
  competencies: Array<GoalProgress & { gained: number; reached: boolean }>;
  facts: Array<OperationalFact & { delta: number; improvement: number; value: number | null }>;
  cost: number;
  benefit: number;
  /** (benefit − cost) / cost; null when nothing was monetised or nothing cost anything. */
  roi: number | null;
  assumptions: string[];
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
    ...monetised.map(
      (f) =>
        `${f.name}: one ${f.unit} of improvement is worth ${f.valuePerUnit} ${x.currency} (source of the figures: ${f.source})`,
    ),
    ...facts.filter((f) => f.value === null).map((f) => `${f.name} is reported but not monetised`),
  ];
  return { competencies, facts, cost, benefit, roi, assumptions };
}
