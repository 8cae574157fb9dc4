import type { ComparisonOptions, BalanceRow } from './comparison-matching.js';
import type { BootstrapOptions } from './bootstrap.js';
import type { Estimate } from './difference-in-differences.js';
import type { OutcomeMeasure } from './outcome-measures.js';
import type { MonthWindow } from './periods.js';

// What an effect estimate is asked and answers: below the estimate and its words, which both read it.

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
