import type { RoiEvidence } from '../mentorship/roi.js';
import type { EffectView } from './effect-privacy.js';
import type { EffectRoi } from './effect-roi.js';
import { measureKey } from './outcome-measures.js';

/** The present figure: what happened to the mentees, times the agreed attribution share. */
export interface BeforeAfterRoi {
  label: string;
  benefit: number;
  cost: number;
  roi: number | null;
  mentorships: number;
}

/** One monetised measure of the cycle's report: the effect, and both ROI figures side by side. */
export interface ReportComparison {
  measure: string;
  effect: EffectView;
  beforeAfter: BeforeAfterRoi | null;
  /** Null when the viewer may not see the estimate (fewer than 5 people on one side) or it has none. */
  fromEstimate: EffectRoi | null;
}

export interface MonetisedMeasure {
  name: string;
  lowerIsBetter: boolean;
  valuePerUnit: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Each fact the closed mentorships monetised whose measure was also imported for everyone, once. */
export function monetisedMeasures(evidence: RoiEvidence[], imported: ReadonlySet<string>): MonetisedMeasure[] {
  const out = new Map<string, MonetisedMeasure>();
  for (const f of evidence.flatMap((e) => e.facts))
    if (f.valuePerUnit !== null && imported.has(measureKey(f.name)) && !out.has(measureKey(f.name)))
      out.set(measureKey(f.name), { name: f.name, lowerIsBetter: f.lowerIsBetter, valuePerUnit: f.valuePerUnit });
  return [...out.values()];
}

/** The before/after ROI over the mentorships that monetised this measure, or null when none did. */
export function beforeAfterRoi(evidence: RoiEvidence[], measure: string): BeforeAfterRoi | null {
  const key = measureKey(measure);
  const monetised = evidence.filter((e) => e.facts.some((f) => measureKey(f.name) === key));
  if (monetised.length === 0) return null;
  const benefit = monetised.reduce((s, e) => s + (e.facts.find((f) => measureKey(f.name) === key)?.value ?? 0), 0);
  const cost = monetised.reduce((s, e) => s + e.cost, 0);
  return {
    label: 'ROI before/after (the mentees’ own change × the agreed attribution share)',
    benefit: round2(benefit),
    cost: round2(cost),
    roi: cost === 0 ? null : round2((benefit - cost) / cost),
    mentorships: monetised.length,
  };
}

/** The mean cost of one closed mentorship of the cycle (hours × rates), 0 without any. */
export const costPerMentee = (evidence: RoiEvidence[]): number =>
  evidence.length ? evidence.reduce((s, e) => s + e.cost, 0) / evidence.length : 0;
