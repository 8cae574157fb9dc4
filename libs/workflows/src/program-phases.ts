import {
  ActivityFailure,
  condition,
  ParentClosePolicy,
  proxyActivities,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  DEFAULT_ECONOMICS,
  DEFAULT_MENTORSHIP_POLICY,
  launchApprovalOverdue,
  mentorshipsToStart,
  mentorshipTermsOf,
  recordMentorshipStarted,
  recordProposalOutcome,
  reviewCadenceOf,
  reviewsDue,
  type ProgramPhase,
} from '../../domain/src/index.js';
import { mentorshipWorkflowId, type ProgramActivities, type ProgramWorkflowInput } from '../../contracts/src/index.js';
import type { ProgramShell } from './program-shell.js';
import type { mentorshipWorkflow } from './mentorship.workflow.js';

// A solve of a large cycle takes seconds to a minute; the timeout leaves ample room. When every
// attempt fails, the proposal is recorded as failed: the program itself must go on.
const { solveMatchingProposal } = proxyActivities<ProgramActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

const continueAsNewSuggested = () => workflowInfo().continueAsNewSuggested;

/** Whether a phase loop should go on: still in one of `phases`, and no continue-as-new asked. */
const stillIn = (entity: ProgramShell, ...phases: ProgramPhase[]) =>
  phases.includes(entity.current().phase) && !continueAsNewSuggested();

/** LAUNCH_PLANNING: wait for the sponsor; remind, then escalate to the owner, when they do not answer. */
export async function awaitLaunchApproval(entity: ProgramShell, input: ProgramWorkflowInput): Promise<void> {
  const { launchApprovalReminderAfterMs, launchApprovalMaxReminders, followUpRepeatMs } = input.timings;
  while (stillIn(entity, 'LAUNCH_PLANNING')) {
    // After the escalation, the ladder's cadence (none for programs started before it: wait for the sponsor).
    const timeout = entity.current().launchEscalated ? followUpRepeatMs : launchApprovalReminderAfterMs;
    const moved = await condition(() => !stillIn(entity, 'LAUNCH_PLANNING'), timeout);
    if (!moved)
      await entity.tick((s, now) => launchApprovalOverdue(s, launchApprovalMaxReminders, now, followUpRepeatMs));
  }
}

/** SELECTION_MATCHING: solve each requested proposal as an activity, outside any request. */
export async function solveProposals(entity: ProgramShell, input: ProgramWorkflowInput): Promise<void> {
  const pendingProposal = () => entity.current().matching?.proposals.find((p) => p.status === 'SOLVING');
  while (stillIn(entity, 'SELECTION_MATCHING')) {
    await condition(() => pendingProposal() !== undefined || !stillIn(entity, 'SELECTION_MATCHING'));
    const pending = pendingProposal();
    if (!pending || entity.current().phase !== 'SELECTION_MATCHING') continue;
    const outcome = await solveMatchingProposal({
      programId: input.draft.programId,
      version: pending.version,
      participants: entity.current().matching?.participants ?? [],
      request: pending.request,
    }).catch((e: unknown) => {
      if (!(e instanceof ActivityFailure)) throw e;
      return { failed: true as const, code: 'MATCHING.SOLVE_FAILED', message: e.cause?.message ?? e.message };
    });
    await entity.tick((s, now) => recordProposalOutcome(s, pending.version, outcome, now));
  }
}

/**
 * TRAINING and EXECUTION: open and follow up the re-alignment reviews, and start each planned
 * mentorship as a child workflow once its mentor is trained. Children outlive this run (ABANDON):
 * the program continues as new, they go on.
 */
export async function runCycle(entity: ProgramShell, input: ProgramWorkflowInput): Promise<void> {
  const { current } = entity;
  const terms = input.mentorshipTerms ?? { policy: DEFAULT_MENTORSHIP_POLICY, economics: DEFAULT_ECONOMICS };
  const cadence = reviewCadenceOf(current(), input.timings);
  while (stillIn(entity, 'TRAINING', 'EXECUTION')) {
    const now = Date.now();
    const due = reviewsDue(current(), cadence, now);
    if (due.events.length > 0) {
      // Decided again inside the queue: an owner's decision accepted meanwhile may have changed what is due.
      await entity.tick((s, at) => reviewsDue(s, cadence, at.getTime()).events);
      continue;
    }
    const toStart = mentorshipsToStart(current());
    for (const m of toStart) {
      const s = current();
      const { policy, economics } = mentorshipTermsOf(s, terms);
      try {
        await startChild<typeof mentorshipWorkflow>('mentorshipWorkflow', {
          workflowId: mentorshipWorkflowId(m.mentorshipId),
          parentClosePolicy: ParentClosePolicy.ABANDON,
          args: [
            {
              pair: {
                mentorshipId: m.mentorshipId,
                programId: s.programId,
                menteeId: m.menteeId,
                mentorId: m.mentorId,
                supervisorId: m.supervisorId,
                ownerId: s.ownerId,
              },
              createdBy: m.plannedBy,
              policy,
              economics,
            },
          ],
        });
      } catch (e) {
        // Started by an earlier run whose record of it was not stored: the mentorship exists, go on.
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      }
      await entity.tick((st, at) => recordMentorshipStarted(st, m.mentorshipId, at));
    }
    if (toStart.length > 0) continue;
    const seen = current().version;
    await condition(
      () => current().version !== seen || !stillIn(entity, 'TRAINING', 'EXECUTION'),
      Number.isFinite(due.wakeAt) ? Math.max(1, due.wakeAt - now) : undefined,
    );
  }
}

/** EVALUATION: the owner records lessons, then closes or renews. */
export async function awaitEvaluation(entity: ProgramShell): Promise<void> {
  while (stillIn(entity, 'EVALUATION')) await condition(() => !stillIn(entity, 'EVALUATION'));
}
