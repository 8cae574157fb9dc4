import type { PilotMentorship } from './pilot-data.js';
import { mean } from './statistics.js';

export type Outcome = 'success' | 'partial' | 'failure';

export interface MentorshipAssessment {
  ref: string;
  mentorId: string;
  menteeId: string;
  /** 0 to 1. */
  score: number;
  outcome: Outcome;
  components: { progress: number | null; satisfaction: number | null; practiceChange: number | null };
  reasons: string[];
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const likertShare = (x: number) => (x - 1) / 4;
export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export const WEIGHTS = { progress: 0.5, satisfaction: 0.25, practiceChange: 0.25 } as const;
export const SUCCESS_AT = 0.6;
export const PARTIAL_AT = 0.4;
export const INTERACTION = ['challenge', 'guidedExperience', 'trust'];

export const numberAnswers = (m: PilotMentorship, who: 'mentor' | 'mentee' | 'any', items: string[]) =>
  m.surveys
    .filter((s) => who === 'any' || s.respondent === who)
    .flatMap((s) => items.map((k) => s.answers[k]).filter((v): v is number => typeof v === 'number'));

/** Success of one mentorship: competency progress, the mentee's satisfaction, visible change in practice. */
export function assessMentorship(m: PilotMentorship): MentorshipAssessment {
  const gains = m.competencies
    .filter((k) => m.baseline[k] !== undefined && m.final[k] !== undefined)
    .map((k) => m.final[k] - m.baseline[k]);
  // Two levels gained on average is full marks: the model has five levels, a mentorship lasts months.
  const progress = gains.length ? clamp01(mean(gains) / 2) : null;
  const nps = m.surveys
    .filter((s) => s.respondent === 'mentee' && typeof s.answers.nps === 'number')
    .map((s) => s.answers.nps as number);
  const menteeLikert = numberAnswers(m, 'mentee', [...INTERACTION, 'practiceChange']);
  const satisfaction = nps.length ? mean(nps) / 10 : menteeLikert.length ? likertShare(mean(menteeLikert)) : null;
  const practice = numberAnswers(m, 'any', ['practiceChange']);
  const practiceChange = practice.length ? likertShare(mean(practice)) : null;
  const parts = [
    [progress, WEIGHTS.progress],
    [satisfaction, WEIGHTS.satisfaction],
    [practiceChange, WEIGHTS.practiceChange],
  ].filter((p): p is [number, number] => p[0] !== null);
  const weight = parts.reduce((s, [, w]) => s + w, 0);
  const score = weight ? parts.reduce((s, [v, w]) => s + v * w, 0) / weight : 0;
  const outcome: Outcome = score >= SUCCESS_AT ? 'success' : score >= PARTIAL_AT ? 'partial' : 'failure';
  const reasons: string[] = [];
  const say = (value: number | null, low: string, high: string) => {
    if (value === null) return;
    if (value < PARTIAL_AT) reasons.push(low);
    else if (value >= SUCCESS_AT && outcome !== 'failure') reasons.push(high);
  };
  say(
    progress,
    `little competency progress (${gains.length ? `${round(mean(gains), 1)} level on average` : 'none measured'})`,
    `competencies progressed (${gains.length ? round(mean(gains), 1) : 0} level on average)`,
  );
  say(
    satisfaction,
    `low satisfaction of the mentee (${round((satisfaction ?? 0) * 100, 0)} %)`,
    `satisfied mentee (${round((satisfaction ?? 0) * 100, 0)} %)`,
  );
  say(practiceChange, 'little visible change in the manager’s practice', 'visible change in the manager’s practice');
  if (parts.length < 3) reasons.push(`scored on ${parts.length} of 3 components (missing data)`);
  return {
    ref: m.ref,
    mentorId: m.mentorId,
    menteeId: m.menteeId,
    score: round(score, 3),
    outcome,
    components: { progress, satisfaction, practiceChange },
    reasons,
  };
}
