import type { Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import { assertSurvey } from './interaction-survey.js';
import type { MentorshipPhase } from './mentorship-phase.js';
import type { MentorshipEvent, Party, ReviewStage, ReviewSubmission } from './mentorship-events.js';
import { evidenceOf, type MentorshipEconomics } from './mentorship-economics.js';
import { err, inPhase, isLevel, partyOf, phaseChange } from './mentorship-rules.js';
import type { MentorshipState } from './mentorship-state.js';

const stageOfPhase = (phase: MentorshipPhase): ReviewStage | null =>
  phase === 'MIDTERM_REVIEW' ? 'midterm' : phase === 'FINAL_EVALUATION' ? 'final' : null;

export function assertCanSubmitReview(
  s: MentorshipState,
  actor: Actor,
  stage: ReviewStage,
  submission: Omit<ReviewSubmission, 'by'>,
): void {
  const side = partyOf(s, actor);
  if (!side) throw err.forbidden('NOT_A_PARTY', 'only the mentor and the mentee answer the reviews');
  const expectedPhase: MentorshipPhase = stage === 'midterm' ? 'MIDTERM_REVIEW' : 'FINAL_EVALUATION';
  inPhase(s, expectedPhase);
  if (s.reviews[stage][side])
    throw new DomainError(
      'MENTORSHIP.ALREADY_SUBMITTED',
      'CONFLICT',
      `the ${side} has already answered the ${stage} review`,
    );
  assertSurvey(submission.survey);
  if (side === 'mentor') {
    for (const g of s.goals) {
      if (!isLevel(submission.levels[g.competencyKey]))
        throw err.invalid(
          `levels.${g.competencyKey}`,
          'the mentor re-assesses each goal competency (a whole number from 1 to 5)',
        );
    }
    if (stage === 'final') {
      for (const f of s.facts) {
        if (typeof submission.factsAfter[f.name] !== 'number' || !Number.isFinite(submission.factsAfter[f.name])) {
          throw err.invalid(`factsAfter.${f.name}`, 'each baseline fact is measured again at the end');
        }
      }
    }
  }
}

/**
 * Mentor and mentee each answer the review; the second answer ends the stage: back to ACTIVE after
 * the midterm, CLOSED with the ROI evidence after the final evaluation.
 */
export function submitReview(
  s: MentorshipState,
  actor: Actor,
  stage: ReviewStage,
  submission: Omit<ReviewSubmission, 'by'>,
  economics: MentorshipEconomics,
  now: Date,
): MentorshipEvent[] {
  assertCanSubmitReview(s, actor, stage, submission);
  const side = partyOf(s, actor)!;
  const at = now.toISOString();
  const own: ReviewSubmission = {
    by: side,
    survey: submission.survey,
    levels: side === 'mentor' ? submission.levels : {},
    factsAfter: side === 'mentor' && stage === 'final' ? submission.factsAfter : {},
  };
  const events: MentorshipEvent[] = [{ type: 'ReviewSubmitted', at, actorId: actor.personId, data: { stage, ...own } }];
  const other: Party = side === 'mentor' ? 'mentee' : 'mentor';
  if (!s.reviews[stage][other]) return events;
  if (stage === 'midterm')
    return [...events, phaseChange(s, 'ACTIVE', actor.personId, at, 'midterm review answered by mentor and mentee')];
  const mentorReview = side === 'mentor' ? own : s.reviews.final.mentor!;
  const evidence = evidenceOf(s, mentorReview, economics);
  return [
    ...events,
    { type: 'RoiEvidenceRecorded', at, actorId: actor.personId, data: evidence },
    phaseChange(s, 'CLOSED', actor.personId, at, 'final evaluation answered by mentor and mentee'),
  ];
}

export const reviewStageOf = stageOfPhase;
