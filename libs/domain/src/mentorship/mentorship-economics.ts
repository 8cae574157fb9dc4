import type { ReviewSubmission } from './mentorship-events.js';
import type { MentorshipState } from './mentorship-state.js';
import { roiEvidence, type RoiEvidence } from './roi.js';

/** What the company agreed to count in a mentorship's ROI (from the program's policy). */
export interface MentorshipEconomics {
  rates: { mentor: number; mentee: number; supervisor: number };
  /** Hours of the mentor's and mentee's time per session hour (preparation, travel). */
  hoursPerSessionHour: number;
  supervisorHoursPerCheckpoint: number;
  /** Share of an improvement attributed to the mentorship (0..1). */
  attribution: number;
  currency: string;
}

export const DEFAULT_ECONOMICS: MentorshipEconomics = {
  rates: { mentor: 90, mentee: 60, supervisor: 110 },
  hoursPerSessionHour: 1.5,
  supervisorHoursPerCheckpoint: 0.5,
  attribution: 0.5,
  currency: 'EUR',
};

export function evidenceOf(s: MentorshipState, mentorFinal: ReviewSubmission, x: MentorshipEconomics): RoiEvidence {
  const sessionHours = s.sessionMinutes / 60;
  return roiEvidence({
    goals: s.goals.map((g) => ({
      competencyKey: g.competencyKey,
      baseline: s.baselines[g.competencyKey] ?? 0,
      target: g.targetLevel,
      final: mentorFinal.levels[g.competencyKey] ?? 0,
    })),
    facts: s.facts.map((f) => ({
      name: f.name,
      unit: f.unit,
      source: f.source,
      before: f.value,
      after: mentorFinal.factsAfter[f.name] ?? f.value,
      lowerIsBetter: f.lowerIsBetter,
      valuePerUnit: f.valuePerUnit,
    })),
    mentorHours: Math.round(sessionHours * x.hoursPerSessionHour * 100) / 100,
    menteeHours: Math.round(sessionHours * x.hoursPerSessionHour * 100) / 100,
    supervisorHours: s.checkpoints.filter((c) => c.decision !== null).length * x.supervisorHoursPerCheckpoint,
    rates: x.rates,
    attribution: x.attribution,
    currency: x.currency,
    counting: {
      hoursPerSessionHour: x.hoursPerSessionHour,
      supervisorHoursPerCheckpoint: x.supervisorHoursPerCheckpoint,
    },
  });
}
