import type { MentorshipEconomics } from '../mentorship/mentorship.js';
import type { MentorshipPolicy } from '../mentorship/mentorship-policy.js';
import { SYSTEM_ACTOR } from '../shared/system-actor.js';
import type { ProgramEvent } from './program-events.js';
import type { ProgramState } from './program-state.js';
import { DEFAULT_REVIEW_CADENCE, type ProposalSummary, type ReviewCadence } from './program-values.js';

/**
 * What the program's workflow records on its own, not for a person: a solve's outcome, a started
 * mentorship. Each is a decision on the state, so deciding again after catching up with the log
 * records nothing twice.
 */

export type ProposalOutcome = ProposalSummary | { failed: true; code: string; message: string };

/** The outcome of proposal `version`'s solve, if that proposal is still being solved. */
export function recordProposalOutcome(
  s: ProgramState,
  version: number,
  outcome: ProposalOutcome,
  now: Date,
): ProgramEvent[] {
  const proposal = s.matching?.proposals.find((p) => p.version === version);
  if (!proposal || proposal.status !== 'SOLVING') return [];
  const at = now.toISOString();
  return [
    'failed' in outcome
      ? {
          type: 'MatchingProposalFailed',
          at,
          actorId: SYSTEM_ACTOR,
          data: { version, code: outcome.code, message: outcome.message },
        }
      : { type: 'MatchingProposalProduced', at, actorId: SYSTEM_ACTOR, data: outcome },
  ];
}

/** Mentorship `mentorshipId` was started as a workflow, unless already recorded. */
export function recordMentorshipStarted(s: ProgramState, mentorshipId: string, now: Date): ProgramEvent[] {
  const planned = s.execution?.mentorships.find((m) => m.mentorshipId === mentorshipId);
  if (!planned || planned.startedAt !== null) return [];
  return [{ type: 'MentorshipStarted', at: now.toISOString(), actorId: SYSTEM_ACTOR, data: { mentorshipId } }];
}

/** The review cadence of a cycle: the program's own policy, then the deployment's, then the defaults. */
export function reviewCadenceOf(s: ProgramState, deployment: Partial<ReviewCadence>): ReviewCadence {
  const repeat = s.policy?.reviews?.followUpRepeatMs ?? deployment.followUpRepeatMs;
  return {
    ...(repeat === undefined ? {} : { followUpRepeatMs: repeat }),
    reviewEveryMs: s.policy?.reviews?.reviewEveryMs ?? deployment.reviewEveryMs ?? DEFAULT_REVIEW_CADENCE.reviewEveryMs,
    reviewDecisionMs:
      s.policy?.reviews?.reviewDecisionMs ?? deployment.reviewDecisionMs ?? DEFAULT_REVIEW_CADENCE.reviewDecisionMs,
  };
}

/** The terms a started mentorship runs on: the deployment's, with the program's own policy over them. */
export function mentorshipTermsOf(
  s: Pick<ProgramState, 'policy'>,
  deployment: { policy: MentorshipPolicy; economics: MentorshipEconomics },
): { policy: MentorshipPolicy; economics: MentorshipEconomics } {
  return { policy: { ...deployment.policy, ...s.policy?.mentorship }, economics: deployment.economics };
}
