import {
  ActivityFailure,
  ParentClosePolicy,
  startChild,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  applyPilotRecommendations,
  assertCanApplyPilot,
  approveLaunch,
  approveProposal,
  assertCanApproveLaunch,
  assertCanApproveProposal,
  assertCanDecidePair,
  assertCanEnrol,
  assertCanRequestProposal,
  createProgram,
  decidePair,
  enrol,
  requestProposal,
  requestRematch,
  assertCanPlanMentorship,
  assertCanRecordTraining,
  assertCanStartExecution,
  DEFAULT_ECONOMICS,
  DEFAULT_MENTORSHIP_POLICY,
  mentorshipStarted,
  mentorshipsToStart,
  planMentorship,
  assertCanDecideReview,
  decideReview,
  DEFAULT_REVIEW_CADENCE,
  reviewsDue,
  assertCanClose,
  assertCanRecordLessons,
  assertCanRenew,
  assertCanStartEvaluation,
  closeProgram,
  recordLessons,
  renewProgram,
  startEvaluation,
  startNextCycle,
  assertCanGrantRecognition,
  grantRecognition,
  recordTraining,
  startExecution,
  DomainError,
  foldProgram,
  launchApprovalOverdue,
  SYSTEM_ACTOR,
  type ProgramEvent,
  type ProgramState,
} from '../../domain/src/index.js';
import {
  approveLaunchUpdate,
  approveMatchingProposalUpdate,
  decideMatchingPairUpdate,
  enrolParticipantUpdate,
  requestMatchingProposalUpdate,
  type ApproveProposalInput,
  type DecidePairInput,
  type EnrolParticipantInput,
  type RequestProposalInput,
  programReadyUpdate,
  programStateQuery,
  programStreamId,
  rematchRequestedSignal,
  mentorshipWorkflowId,
  planMentorshipUpdate,
  decideReviewUpdate,
  closeProgramUpdate,
  grantRecognitionUpdate,
  applyPilotRecommendationsUpdate,
  type ApplyPilotInput,
  type GrantRecognitionInput,
  recordLessonsUpdate,
  renewProgramUpdate,
  startEvaluationUpdate,
  type OwnerInput,
  type RecordLessonsInput,
  type RenewProgramInput,
  type DecideReviewInput,
  recordTrainingUpdate,
  startExecutionUpdate,
  type PlanMentorshipInput,
  type RecordTrainingInput,
  type StartExecutionInput,
  type ApproveLaunchInput,
  type ProgramActivities,
  type ProgramWorkflowInput,
} from '../../contracts/src/index.js';
import { businessFailure, decide } from './business-failure.js';
import { createSerialQueue } from './serial.js';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { createUpdateDeduplicator } from './once-per-update.js';
import { appendActivities } from './append-activity.js';
import type { mentorshipWorkflow } from './mentorship.workflow.js';

const appends = appendActivities<ProgramActivities>();

// A solve of a large cycle takes seconds to a minute; the timeout leaves ample room. When every
// attempt fails, the proposal is recorded as failed: the program itself must go on.
const { solveMatchingProposal } = proxyActivities<ProgramActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

const notReady = () =>
  new DomainError('PROGRAM.NOT_READY', 'CONFLICT', 'the program is still being created; try again');

/** One program cycle. A thin shell: decisions come from libs/domain, facts go to the event store. */
export async function programWorkflow(input: ProgramWorkflowInput): Promise<void> {
  const streamId = programStreamId(input.draft.programId);
  let state: ProgramState | null = input.carried ?? null;
  const serial = createSerialQueue();
  const updates = createUpdateDeduplicator(input.handledUpdates);
  const fresh = (assertion: () => void) => {
    if (!updates.seen()) decide(assertion);
  };

  // State changes only after the events are stored, so a query never shows an unsaved fact.
  const commit = async (events: ProgramEvent[]): Promise<void> => {
    if (events.length === 0) return;
    await appends().appendProgramEvents({ streamId, expectedVersion: state?.version ?? 0, events });
    state = foldProgram(events, state);
  };
  const current = (): ProgramState => {
    if (state === null) throw businessFailure(notReady());
    return state;
  };

  // Each action: once per Update id, after the actions before it, decided on the state it runs on.
  const action =
    <A>(run: (s: ProgramState, args: A, now: Date) => ProgramEvent[]) =>
    (args: A) =>
      updates.once(
        () =>
          serial(async () => {
            await commit(decide(() => run(current(), args, new Date())));
            return current();
          }),
        current,
      );

  setHandler(programStateQuery, () => state);
  setHandler(programReadyUpdate, async () => {
    await condition(() => state !== null);
    return current();
  });
  setHandler(
    approveLaunchUpdate,
    action<ApproveLaunchInput>((s, { actor, comment }, now) => approveLaunch(s, actor, comment, now)),
    {
      validator: ({ actor }: ApproveLaunchInput) => fresh(() => assertCanApproveLaunch(current(), actor)),
    },
  );
  setHandler(
    enrolParticipantUpdate,
    action<EnrolParticipantInput>((s, { actor, participant }, now) => enrol(s, actor, participant, now)),
    {
      validator: ({ actor, participant }: EnrolParticipantInput) =>
        fresh(() => assertCanEnrol(current(), actor, participant)),
    },
  );
  setHandler(
    requestMatchingProposalUpdate,
    ({ actor, options }) =>
      updates.once(
        () =>
          serial(async () => {
            const events = decide(() => requestProposal(current(), actor, options, new Date()));
            await commit(events);
            const requested = events[0];
            return { version: requested?.type === 'MatchingProposalRequested' ? requested.data.version : 0 };
          }),
        // A repeat from an earlier run gets the latest version asked for.
        () => ({ version: current().matching?.proposals.at(-1)?.version ?? 0 }),
      ),
    { validator: ({ actor }: RequestProposalInput) => fresh(() => assertCanRequestProposal(current(), actor)) },
  );
  setHandler(
    decideMatchingPairUpdate,
    action<DecidePairInput>((s, { actor, decision, menteeId, mentorId, reason }, now) =>
      decidePair(s, actor, decision, menteeId, mentorId, reason, now),
    ),
    {
      validator: ({ actor, menteeId, mentorId }: DecidePairInput) =>
        fresh(() => assertCanDecidePair(current(), actor, menteeId, mentorId)),
    },
  );
  setHandler(
    approveMatchingProposalUpdate,
    action<ApproveProposalInput>((s, { actor, version }, now) => approveProposal(s, actor, version, now)),
    {
      validator: ({ actor, version }: ApproveProposalInput) =>
        fresh(() => assertCanApproveProposal(current(), actor, version)),
    },
  );

  // Training, and the training gate: a planned mentorship starts once its mentor is trained.
  setHandler(
    recordTrainingUpdate,
    action<RecordTrainingInput>((s, { actor, session }, now) => recordTraining(s, actor, session, now)),
    {
      validator: ({ actor, session }: RecordTrainingInput) =>
        fresh(() => assertCanRecordTraining(current(), actor, session)),
    },
  );
  setHandler(
    startExecutionUpdate,
    action<StartExecutionInput>((s, { actor }, now) => startExecution(s, actor, now)),
    {
      validator: ({ actor }: StartExecutionInput) => fresh(() => assertCanStartExecution(current(), actor)),
    },
  );
  setHandler(
    planMentorshipUpdate,
    action<PlanMentorshipInput>((s, { actor, mentorshipId, menteeId, supervisorId }, now) =>
      planMentorship(s, actor, mentorshipId, menteeId, supervisorId, now),
    ),
    {
      validator: ({ actor, menteeId, supervisorId }: PlanMentorshipInput) =>
        fresh(() => assertCanPlanMentorship(current(), actor, menteeId, supervisorId)),
    },
  );

  setHandler(
    decideReviewUpdate,
    action<DecideReviewInput>((s, { actor, review, decision }, now) => decideReview(s, actor, review, decision, now)),
    {
      validator: ({ actor, review }: DecideReviewInput) => fresh(() => assertCanDecideReview(current(), actor, review)),
    },
  );

  // Evaluation, lessons, closure or renewal.
  setHandler(
    startEvaluationUpdate,
    action<OwnerInput>((s, { actor }, now) => startEvaluation(s, actor, now)),
    {
      validator: ({ actor }: OwnerInput) => fresh(() => assertCanStartEvaluation(current(), actor)),
    },
  );
  setHandler(
    recordLessonsUpdate,
    action<RecordLessonsInput>((s, { actor, whatWorked, whatToChange }, now) =>
      recordLessons(s, actor, { whatWorked, whatToChange }, now),
    ),
    {
      validator: ({ actor }: RecordLessonsInput) => fresh(() => assertCanRecordLessons(current(), actor)),
    },
  );
  setHandler(
    closeProgramUpdate,
    action<OwnerInput>((s, { actor }, now) => closeProgram(s, actor, now)),
    {
      validator: ({ actor }: OwnerInput) => fresh(() => assertCanClose(current(), actor)),
    },
  );
  setHandler(
    renewProgramUpdate,
    action<RenewProgramInput>((s, { actor, continuing }, now) => renewProgram(s, actor, continuing, now)),
    {
      validator: ({ actor, continuing }: RenewProgramInput) =>
        fresh(() => assertCanRenew(current(), actor, continuing)),
    },
  );

  setHandler(
    applyPilotRecommendationsUpdate,
    action<ApplyPilotInput>((s, { actor, recommendations }, now) =>
      applyPilotRecommendations(s, actor, recommendations, now),
    ),
    {
      validator: ({ actor }: ApplyPilotInput) => fresh(() => assertCanApplyPilot(current(), actor)),
    },
  );

  setHandler(
    grantRecognitionUpdate,
    action<GrantRecognitionInput>((s, { actor, mentorId, note }, now) =>
      grantRecognition(s, actor, mentorId, note, now),
    ),
    {
      validator: ({ actor, mentorId }: GrantRecognitionInput) =>
        fresh(() => assertCanGrantRecognition(current(), actor, mentorId)),
    },
  );

  // A signal cannot be refused: a request the program already holds yields no event.
  setHandler(rematchRequestedSignal, (request) =>
    serial(async () => {
      if (state !== null) await commit(requestRematch(state, request, new Date()));
    }),
  );

  if (state === null) {
    const created = decide(() => createProgram(input.draft, input.createdBy, new Date()));
    await serial(() => commit(created));
  }

  const continueAsNewSuggested = () => workflowInfo().continueAsNewSuggested;

  while (current().phase === 'LAUNCH_PLANNING' && !continueAsNewSuggested()) {
    const timeout = current().launchEscalated ? undefined : input.timings.launchApprovalReminderAfterMs;
    const moved = await condition(() => current().phase !== 'LAUNCH_PLANNING' || continueAsNewSuggested(), timeout);
    if (!moved) {
      await serial(() =>
        commit(launchApprovalOverdue(current(), input.timings.launchApprovalMaxReminders, new Date())),
      );
    }
  }

  // Selection and matching: solve each requested proposal as an activity, outside any request.
  const pendingProposal = () => current().matching?.proposals.find((p) => p.status === 'SOLVING');
  while (current().phase === 'SELECTION_MATCHING' && !continueAsNewSuggested()) {
    await condition(
      () => pendingProposal() !== undefined || current().phase !== 'SELECTION_MATCHING' || continueAsNewSuggested(),
    );
    const pending = pendingProposal();
    if (!pending || current().phase !== 'SELECTION_MATCHING') continue;
    const outcome = await solveMatchingProposal({
      programId: input.draft.programId,
      version: pending.version,
      participants: current().matching?.participants ?? [],
      request: pending.request,
    }).catch((e: unknown) => {
      if (!(e instanceof ActivityFailure)) throw e;
      return { failed: true as const, code: 'MATCHING.SOLVE_FAILED', message: e.cause?.message ?? e.message };
    });
    const at = new Date().toISOString();
    await serial(() =>
      commit([
        'failed' in outcome
          ? {
              type: 'MatchingProposalFailed',
              at,
              actorId: SYSTEM_ACTOR,
              data: { version: pending.version, code: outcome.code, message: outcome.message },
            }
          : { type: 'MatchingProposalProduced', at, actorId: SYSTEM_ACTOR, data: outcome },
      ]),
    );
  }

  // Training and execution: start each planned mentorship as a child workflow once its mentor is
  // trained. Children outlive this run (ABANDON): the program continues as new, they go on.
  const terms = input.mentorshipTerms ?? { policy: DEFAULT_MENTORSHIP_POLICY, economics: DEFAULT_ECONOMICS };
  const inCycle = () => current().phase === 'TRAINING' || current().phase === 'EXECUTION';
  // The program's own policy (decided at planning) first, then the deployment's defaults.
  const cadence = {
    reviewEveryMs:
      current().policy?.reviews?.reviewEveryMs ?? input.timings.reviewEveryMs ?? DEFAULT_REVIEW_CADENCE.reviewEveryMs,
    reviewDecisionMs:
      current().policy?.reviews?.reviewDecisionMs ??
      input.timings.reviewDecisionMs ??
      DEFAULT_REVIEW_CADENCE.reviewDecisionMs,
  };
  while (inCycle() && !continueAsNewSuggested()) {
    const now = Date.now();
    const due = reviewsDue(current(), cadence, now);
    if (due.events.length > 0) {
      // Decided again inside the queue: an owner's decision accepted meanwhile may have changed what is due.
      await serial(() => commit(reviewsDue(current(), cadence, Date.now()).events));
      continue;
    }
    const toStart = mentorshipsToStart(current());
    for (const m of toStart) {
      const s = current();
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
              policy: { ...terms.policy, ...s.policy?.mentorship },
              economics: terms.economics,
            },
          ],
        });
      } catch (e) {
        // Started by an earlier run whose record of it was not stored: the mentorship exists, go on.
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      }
      await serial(() => commit([mentorshipStarted(m.mentorshipId, new Date())]));
    }
    if (toStart.length > 0) continue;
    const seen = current().version;
    await condition(
      () => current().version !== seen || !inCycle() || continueAsNewSuggested(),
      Number.isFinite(due.wakeAt) ? Math.max(1, due.wakeAt - now) : undefined,
    );
  }

  while (current().phase === 'EVALUATION' && !continueAsNewSuggested()) {
    await condition(() => current().phase !== 'EVALUATION' || continueAsNewSuggested());
  }
  if (current().phase === 'CLOSED') {
    await condition(allHandlersFinished);
    return;
  }
  // A renewal opens the next cycle and continues as new: the new run plans it from the top.
  if (current().phase === 'RENEWED') await serial(() => commit(startNextCycle(current(), new Date())));
  await condition(allHandlersFinished);
  await continueAsNew<typeof programWorkflow>({ ...input, carried: current(), handledUpdates: updates.remembered() });
}
