import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  agreeKickoff,
  assertCanAgreeKickoff,
  assertCanLogSession,
  assertCanSubmitPulse,
  assertSupervisorCanApprove,
  createMentorship,
  logSession,
  submitPulse,
  supervisorApproves,
} from '../../domain/src/mentorship/mentorship.js';
import { type MentorshipEvent } from '../../domain/src/mentorship/mentorship-events.js';
import { isFinished } from '../../domain/src/mentorship/mentorship-phase.js';
import { assertCanSubmitReview, submitReview } from '../../domain/src/mentorship/mentorship-reviews.js';
import { mentorshipDue } from '../../domain/src/mentorship/mentorship-schedule.js';
import { foldMentorship, type MentorshipState } from '../../domain/src/mentorship/mentorship-state.js';
import {
  assertCanDecideCheckpoint,
  assertCanPause,
  assertCanResume,
  assertCanTerminate,
  assertCanRequestExtraCheckpoint,
  requestExtraCheckpoint,
  decideCheckpoint,
  pause,
  resume,
  terminate,
} from '../../domain/src/mentorship/mentorship-supervision.js';
import { DomainError } from '../../domain/src/shared/domain-error.js';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  decideCheckpointUpdate,
  logSessionUpdate,
  mentorshipReadyUpdate,
  mentorshipStateQuery,
  mentorshipStreamId,
  pauseMentorshipUpdate,
  rematchRequestedSignal,
  resumeMentorshipUpdate,
  submitPulseUpdate,
  submitReviewUpdate,
  terminateMentorshipUpdate,
  requestExtraCheckpointUpdate,
  type ExtraCheckpointInput,
  type AgreeKickoffInput,
  type ApproveMentorshipInput,
  type DecideCheckpointInput,
  type LogSessionInput,
  type MentorshipActivities,
  type MentorshipOutcome,
  type MentorshipWorkflowInput,
  type PauseMentorshipInput,
  type ResumeMentorshipInput,
  type SubmitPulseInput,
  type SubmitReviewInput,
  type TerminateMentorshipInput,
} from '../../contracts/src/mentorship.contract.js';
import { programWorkflowId } from '../../contracts/src/program.contract.js';
import { createEntityShell } from './entity-shell.js';
import { appendActivities } from './append-activity.js';

const appends = appendActivities<MentorshipActivities>();

const notReady = () =>
  new DomainError('MENTORSHIP.NOT_READY', 'CONFLICT', 'the mentorship is still being created; try again');

/**
 * One mentorship, for months. A thin shell: every decision — what a person may do and what time
 * alone asks for (reminders, escalations, checkpoints, midterm, end) — comes from libs/domain; the
 * facts go to the event store, whose projector also queues the emails.
 */
export async function mentorshipWorkflow(input: MentorshipWorkflowInput): Promise<MentorshipOutcome> {
  const entity = createEntityShell<MentorshipState, MentorshipEvent>({
    streamId: mentorshipStreamId(input.pair.mentorshipId),
    carried: input.carried ?? null,
    handledUpdates: input.handledUpdates,
    fold: foldMentorship,
    append: () => appends().appendMentorshipEvents,
    notReady,
  });
  const { act, check, current } = entity;

  setHandler(mentorshipStateQuery, () => entity.state());
  setHandler(mentorshipReadyUpdate, async () => {
    await condition(() => entity.state() !== null);
    return current();
  });
  // Each action: the validator answers 403/409/400 without a history entry; the handler decides
  // again on the state it runs on, after any action accepted before it.
  setHandler(
    approveMentorshipUpdate,
    act<ApproveMentorshipInput>((s, { actor }, now) => supervisorApproves(s, actor, now)),
    { validator: ({ actor }: ApproveMentorshipInput) => check((s) => assertSupervisorCanApprove(s, actor)) },
  );
  setHandler(
    agreeKickoffUpdate,
    act<AgreeKickoffInput>((s, { actor, kickoff }, now) => agreeKickoff(s, actor, kickoff, now)),
    {
      validator: ({ actor, kickoff }: AgreeKickoffInput) => check((s) => assertCanAgreeKickoff(s, actor, kickoff)),
    },
  );
  setHandler(
    logSessionUpdate,
    act<LogSessionInput>((s, { actor, session }, now) => logSession(s, actor, session, now)),
    { validator: ({ actor }: LogSessionInput) => check((s) => assertCanLogSession(s, actor)) },
  );
  setHandler(
    submitPulseUpdate,
    act<SubmitPulseInput>((s, { actor, survey }, now) => submitPulse(s, actor, survey, now)),
    { validator: ({ actor, survey }: SubmitPulseInput) => check((s) => assertCanSubmitPulse(s, actor, survey)) },
  );
  setHandler(
    decideCheckpointUpdate,
    act<DecideCheckpointInput>((s, { actor, checkpoint, decision, guidance }, now) =>
      decideCheckpoint(s, actor, checkpoint, decision, guidance, now),
    ),
    {
      validator: ({ actor, checkpoint }: DecideCheckpointInput) =>
        check((s) => assertCanDecideCheckpoint(s, actor, checkpoint)),
    },
  );
  setHandler(
    submitReviewUpdate,
    act<SubmitReviewInput>((s, { actor, stage, review }, now) =>
      submitReview(s, actor, stage, review, input.economics, now),
    ),
    {
      validator: ({ actor, stage, review }: SubmitReviewInput) =>
        check((s) => assertCanSubmitReview(s, actor, stage, review)),
    },
  );
  setHandler(
    pauseMentorshipUpdate,
    act<PauseMentorshipInput>((s, { actor, reason }, now) => pause(s, actor, reason, now)),
    { validator: ({ actor }: PauseMentorshipInput) => check((s) => assertCanPause(s, actor)) },
  );
  setHandler(
    resumeMentorshipUpdate,
    act<ResumeMentorshipInput>((s, { actor }, now) => resume(s, actor, now)),
    { validator: ({ actor }: ResumeMentorshipInput) => check((s) => assertCanResume(s, actor)) },
  );
  setHandler(
    requestExtraCheckpointUpdate,
    act<ExtraCheckpointInput>((s, { actor, reason }, now) =>
      requestExtraCheckpoint(s, actor, reason, input.policy.checkpointDecisionMs, now),
    ),
    { validator: ({ actor }: ExtraCheckpointInput) => check((s) => assertCanRequestExtraCheckpoint(s, actor)) },
  );
  setHandler(
    terminateMentorshipUpdate,
    act<TerminateMentorshipInput>((s, { actor, reason, rematch }, now) => terminate(s, actor, reason, rematch, now)),
    { validator: ({ actor }: TerminateMentorshipInput) => check((s) => assertCanTerminate(s, actor)) },
  );

  if (entity.state() === null) await entity.create((now) => createMentorship(input.pair, input.createdBy, now));

  const continueAsNewSuggested = () => workflowInfo().continueAsNewSuggested;
  while (!isFinished(current().phase) && !continueAsNewSuggested()) {
    const now = Date.now();
    const due = mentorshipDue(current(), input.policy, now);
    if (due.events.length > 0) {
      // Decided again inside the queue: an action accepted meanwhile may have changed what is due.
      await entity.tick((s, at) => mentorshipDue(s, input.policy, at.getTime()).events);
      continue;
    }
    const seen = current().version;
    await condition(
      () => current().version !== seen || continueAsNewSuggested(),
      Number.isFinite(due.wakeAt) ? Math.max(1, due.wakeAt - now) : undefined,
    );
  }

  await condition(allHandlersFinished);
  const final = current();
  if (!isFinished(final.phase)) {
    await continueAsNew<typeof mentorshipWorkflow>({ ...input, carried: final, handledUpdates: entity.remembered() });
  }
  if (final.phase === 'TERMINATED' && final.rematchRequested) {
    // The program records the request once (keyed by mentorship); a program that no longer runs
    // cannot take it, which the log says and the mentorship's own events still show.
    try {
      await getExternalWorkflowHandle(programWorkflowId(final.programId)).signal(rematchRequestedSignal, {
        mentorshipId: final.mentorshipId,
        menteeId: final.menteeId,
        mentorId: final.mentorId,
        reason: final.terminationReason ?? '',
        requestedBy: final.ownerId,
      });
    } catch (e) {
      log.warn('the program did not take the rematch request', { programId: final.programId, error: String(e) });
    }
  }
  return { phase: final.phase, version: final.version };
}
