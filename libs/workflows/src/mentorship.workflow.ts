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
  assertCanDecideCheckpoint,
  assertCanLogSession,
  assertCanPause,
  assertCanResume,
  assertCanSubmitPulse,
  assertCanSubmitReview,
  assertCanTerminate,
  assertCanRequestExtraCheckpoint,
  requestExtraCheckpoint,
  assertSupervisorCanApprove,
  createMentorship,
  decideCheckpoint,
  DomainError,
  foldMentorship,
  isFinished,
  logSession,
  mentorshipDue,
  pause,
  resume,
  submitPulse,
  submitReview,
  supervisorApproves,
  terminate,
  type MentorshipEvent,
  type MentorshipState,
} from '../../domain/src/index.js';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  decideCheckpointUpdate,
  logSessionUpdate,
  mentorshipReadyUpdate,
  mentorshipStateQuery,
  mentorshipStreamId,
  pauseMentorshipUpdate,
  programWorkflowId,
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
} from '../../contracts/src/index.js';
import { businessFailure, decide } from './business-failure.js';
import { createSerialQueue } from './serial.js';
import { createUpdateDeduplicator } from './once-per-update.js';
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
  const streamId = mentorshipStreamId(input.pair.mentorshipId);
  let state: MentorshipState | null = input.carried ?? null;
  const serial = createSerialQueue();

  // State changes only after the events are stored, so a query never shows an unsaved fact.
  const commit = async (events: MentorshipEvent[]): Promise<MentorshipState> => {
    if (events.length > 0) {
      await appends().appendMentorshipEvents({ streamId, expectedVersion: state?.version ?? 0, events });
      state = foldMentorship(events, state);
    }
    return current();
  };
  const current = (): MentorshipState => {
    if (state === null) throw businessFailure(notReady());
    return state;
  };
  // Each action: the validator answers 403/409/400 without a history entry; the handler decides
  // again on the state it runs on, after any action accepted before it.
  const updates = createUpdateDeduplicator(input.handledUpdates);
  const act = (run: (s: MentorshipState, now: Date) => MentorshipEvent[]) =>
    updates.once(() => serial(() => commit(decide(() => run(current(), new Date())))), current);
  const check = (assertion: (s: MentorshipState) => void) => {
    if (!updates.seen()) decide(() => assertion(current()));
  };

  setHandler(mentorshipStateQuery, () => state);
  setHandler(mentorshipReadyUpdate, async () => {
    await condition(() => state !== null);
    return current();
  });
  setHandler(approveMentorshipUpdate, ({ actor }) => act((s, now) => supervisorApproves(s, actor, now)), {
    validator: ({ actor }: ApproveMentorshipInput) => check((s) => assertSupervisorCanApprove(s, actor)),
  });
  setHandler(agreeKickoffUpdate, ({ actor, kickoff }) => act((s, now) => agreeKickoff(s, actor, kickoff, now)), {
    validator: ({ actor, kickoff }: AgreeKickoffInput) => check((s) => assertCanAgreeKickoff(s, actor, kickoff)),
  });
  setHandler(logSessionUpdate, ({ actor, session }) => act((s, now) => logSession(s, actor, session, now)), {
    validator: ({ actor }: LogSessionInput) => check((s) => assertCanLogSession(s, actor)),
  });
  setHandler(submitPulseUpdate, ({ actor, survey }) => act((s, now) => submitPulse(s, actor, survey, now)), {
    validator: ({ actor, survey }: SubmitPulseInput) => check((s) => assertCanSubmitPulse(s, actor, survey)),
  });
  setHandler(
    decideCheckpointUpdate,
    ({ actor, checkpoint, decision, guidance }) =>
      act((s, now) => decideCheckpoint(s, actor, checkpoint, decision, guidance, now)),
    {
      validator: ({ actor, checkpoint }: DecideCheckpointInput) =>
        check((s) => assertCanDecideCheckpoint(s, actor, checkpoint)),
    },
  );
  setHandler(
    submitReviewUpdate,
    ({ actor, stage, review }) => act((s, now) => submitReview(s, actor, stage, review, input.economics, now)),
    {
      validator: ({ actor, stage, review }: SubmitReviewInput) =>
        check((s) => assertCanSubmitReview(s, actor, stage, review)),
    },
  );
  setHandler(pauseMentorshipUpdate, ({ actor, reason }) => act((s, now) => pause(s, actor, reason, now)), {
    validator: ({ actor }: PauseMentorshipInput) => check((s) => assertCanPause(s, actor)),
  });
  setHandler(resumeMentorshipUpdate, ({ actor }) => act((s, now) => resume(s, actor, now)), {
    validator: ({ actor }: ResumeMentorshipInput) => check((s) => assertCanResume(s, actor)),
  });
  setHandler(
    requestExtraCheckpointUpdate,
    ({ actor, reason }) =>
      act((s, now) => requestExtraCheckpoint(s, actor, reason, input.policy.checkpointDecisionMs, now)),
    {
      validator: ({ actor }: ExtraCheckpointInput) => check((s) => assertCanRequestExtraCheckpoint(s, actor)),
    },
  );
  setHandler(
    terminateMentorshipUpdate,
    ({ actor, reason, rematch }) => act((s, now) => terminate(s, actor, reason, rematch, now)),
    {
      validator: ({ actor }: TerminateMentorshipInput) => check((s) => assertCanTerminate(s, actor)),
    },
  );

  if (state === null) {
    const created = decide(() => createMentorship(input.pair, input.createdBy, new Date()));
    await serial(() => commit(created));
  }

  const continueAsNewSuggested = () => workflowInfo().continueAsNewSuggested;
  while (!isFinished(current().phase) && !continueAsNewSuggested()) {
    const now = Date.now();
    const due = mentorshipDue(current(), input.policy, now);
    if (due.events.length > 0) {
      // Decided again inside the queue: an action accepted meanwhile may have changed what is due.
      await serial(() => commit(mentorshipDue(current(), input.policy, Date.now()).events));
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
    await continueAsNew<typeof mentorshipWorkflow>({ ...input, carried: final, handledUpdates: updates.remembered() });
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
