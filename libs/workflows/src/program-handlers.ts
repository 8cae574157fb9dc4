import { condition, log, setHandler, sleep } from '@temporalio/workflow';
import {
  applyPilotRecommendations,
  approveLaunch,
  approveProposal,
  assertCanApplyPilot,
  assertCanApproveLaunch,
  assertCanApproveProposal,
  assertCanClose,
  assertCanDecidePair,
  assertCanDecideReview,
  assertCanEditTrainingPlan,
  assertCanProposeTrainingPlan,
  assertCanEnrol,
  assertCanGrantRecognition,
  assertCanPlanMentorship,
  assertCanRecordLessons,
  assertCanRecordTraining,
  assertCanRenew,
  assertCanRequestProposal,
  assertCanStartEvaluation,
  assertCanStartExecution,
  closeProgram,
  decidePair,
  decideReview,
  editTrainingPlan,
  enrol,
  grantRecognition,
  planMentorship,
  proposeTrainingPlan,
  recordLessons,
  recordTraining,
  renewProgram,
  requestProposal,
  requestRematch,
  startEvaluation,
  startExecution,
} from '../../domain/src/index.js';
import {
  applyPilotRecommendationsUpdate,
  approveLaunchUpdate,
  approveMatchingProposalUpdate,
  closeProgramUpdate,
  decideMatchingPairUpdate,
  decideReviewUpdate,
  editTrainingPlanUpdate,
  enrolParticipantUpdate,
  grantRecognitionUpdate,
  planMentorshipUpdate,
  programReadyUpdate,
  programStateQuery,
  proposeTrainingPlanUpdate,
  recordLessonsUpdate,
  recordTrainingUpdate,
  rematchRequestedSignal,
  renewProgramUpdate,
  requestMatchingProposalUpdate,
  startEvaluationUpdate,
  startExecutionUpdate,
  type ApplyPilotInput,
  type ApproveLaunchInput,
  type ApproveProposalInput,
  type DecidePairInput,
  type DecideReviewInput,
  type EditTrainingPlanInput,
  type EnrolParticipantInput,
  type GrantRecognitionInput,
  type OwnerInput,
  type PlanMentorshipInput,
  type ProposeTrainingPlanInput,
  type RecordLessonsInput,
  type RecordTrainingInput,
  type RenewProgramInput,
  type RequestProposalInput,
  type StartExecutionInput,
} from '../../contracts/src/index.js';
import type { ProgramShell } from './program-shell.js';

/**
 * Every person's action on a program: an Update whose validator asks the domain (403/409/400, no
 * history entry) and whose handler decides again on the state it runs on, once per Update id.
 */
export function registerProgramHandlers(entity: ProgramShell): void {
  const { act, check, current } = entity;

  setHandler(programStateQuery, () => entity.state());
  setHandler(programReadyUpdate, async () => {
    await condition(() => entity.state() !== null);
    return current();
  });

  // Planning and matching.
  setHandler(
    approveLaunchUpdate,
    act<ApproveLaunchInput>((s, { actor, comment }, now) => approveLaunch(s, actor, comment, now)),
    { validator: ({ actor }: ApproveLaunchInput) => check((s) => assertCanApproveLaunch(s, actor)) },
  );
  setHandler(
    applyPilotRecommendationsUpdate,
    act<ApplyPilotInput>((s, { actor, recommendations }, now) =>
      applyPilotRecommendations(s, actor, recommendations, now),
    ),
    { validator: ({ actor }: ApplyPilotInput) => check((s) => assertCanApplyPilot(s, actor)) },
  );
  setHandler(
    enrolParticipantUpdate,
    act<EnrolParticipantInput>((s, { actor, participant }, now) => enrol(s, actor, participant, now)),
    {
      validator: ({ actor, participant }: EnrolParticipantInput) => check((s) => assertCanEnrol(s, actor, participant)),
    },
  );
  setHandler(
    requestMatchingProposalUpdate,
    act<RequestProposalInput, { version: number }>(
      (s, { actor, options }, now) => requestProposal(s, actor, options, now),
      // The version this request asked for: the latest, once its event is stored.
      () => ({ version: current().matching?.proposals.at(-1)?.version ?? 0 }),
      // A repeat from an earlier run gets the latest version asked for.
      () => ({ version: current().matching?.proposals.at(-1)?.version ?? 0 }),
    ),
    { validator: ({ actor }: RequestProposalInput) => check((s) => assertCanRequestProposal(s, actor)) },
  );
  setHandler(
    decideMatchingPairUpdate,
    act<DecidePairInput>((s, { actor, decision, menteeId, mentorId, reason }, now) =>
      decidePair(s, actor, decision, menteeId, mentorId, reason, now),
    ),
    {
      validator: ({ actor, menteeId, mentorId }: DecidePairInput) =>
        check((s) => assertCanDecidePair(s, actor, menteeId, mentorId)),
    },
  );
  setHandler(
    approveMatchingProposalUpdate,
    act<ApproveProposalInput>((s, { actor, version }, now) => approveProposal(s, actor, version, now)),
    {
      validator: ({ actor, version }: ApproveProposalInput) =>
        check((s) => assertCanApproveProposal(s, actor, version)),
    },
  );

  // Training and execution.
  setHandler(
    proposeTrainingPlanUpdate,
    act<ProposeTrainingPlanInput>((s, { actor, plan }, now) => proposeTrainingPlan(s, actor, plan, now)),
    {
      validator: ({ actor, plan }: ProposeTrainingPlanInput) =>
        check((s) => assertCanProposeTrainingPlan(s, actor, plan)),
    },
  );
  setHandler(
    editTrainingPlanUpdate,
    act<EditTrainingPlanInput>((s, { actor, items }, now) => editTrainingPlan(s, actor, items, now)),
    {
      validator: ({ actor, items }: EditTrainingPlanInput) => check((s) => assertCanEditTrainingPlan(s, actor, items)),
    },
  );
  setHandler(
    recordTrainingUpdate,
    act<RecordTrainingInput>((s, { actor, session }, now) => recordTraining(s, actor, session, now)),
    {
      validator: ({ actor, session }: RecordTrainingInput) => check((s) => assertCanRecordTraining(s, actor, session)),
    },
  );
  setHandler(
    startExecutionUpdate,
    act<StartExecutionInput>((s, { actor }, now) => startExecution(s, actor, now)),
    { validator: ({ actor }: StartExecutionInput) => check((s) => assertCanStartExecution(s, actor)) },
  );
  setHandler(
    planMentorshipUpdate,
    act<PlanMentorshipInput>((s, { actor, mentorshipId, menteeId, supervisorId }, now) =>
      planMentorship(s, actor, mentorshipId, menteeId, supervisorId, now),
    ),
    {
      validator: ({ actor, menteeId, supervisorId }: PlanMentorshipInput) =>
        check((s) => assertCanPlanMentorship(s, actor, menteeId, supervisorId)),
    },
  );
  setHandler(
    decideReviewUpdate,
    act<DecideReviewInput>((s, { actor, review, decision }, now) => decideReview(s, actor, review, decision, now)),
    { validator: ({ actor, review }: DecideReviewInput) => check((s) => assertCanDecideReview(s, actor, review)) },
  );
  setHandler(
    grantRecognitionUpdate,
    act<GrantRecognitionInput>((s, { actor, mentorId, note }, now) => grantRecognition(s, actor, mentorId, note, now)),
    {
      validator: ({ actor, mentorId }: GrantRecognitionInput) =>
        check((s) => assertCanGrantRecognition(s, actor, mentorId)),
    },
  );

  // Evaluation, lessons, closure or renewal.
  setHandler(
    startEvaluationUpdate,
    act<OwnerInput>((s, { actor }, now) => startEvaluation(s, actor, now)),
    { validator: ({ actor }: OwnerInput) => check((s) => assertCanStartEvaluation(s, actor)) },
  );
  setHandler(
    recordLessonsUpdate,
    act<RecordLessonsInput>((s, { actor, whatWorked, whatToChange }, now) =>
      recordLessons(s, actor, { whatWorked, whatToChange }, now),
    ),
    { validator: ({ actor }: RecordLessonsInput) => check((s) => assertCanRecordLessons(s, actor)) },
  );
  setHandler(
    closeProgramUpdate,
    act<OwnerInput>((s, { actor }, now) => closeProgram(s, actor, now)),
    { validator: ({ actor }: OwnerInput) => check((s) => assertCanClose(s, actor)) },
  );
  setHandler(
    renewProgramUpdate,
    act<RenewProgramInput>((s, { actor, continuing }, now) => renewProgram(s, actor, continuing, now)),
    {
      validator: ({ actor, continuing }: RenewProgramInput) => check((s) => assertCanRenew(s, actor, continuing)),
    },
  );

  // A signal cannot be refused: a request the program already holds yields no event. One that cannot
  // be stored now is tried again later (the sender will not send it twice), never failing the program.
  setHandler(rematchRequestedSignal, async (request) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await entity.record((s, now) => requestRematch(s, request, now));
      } catch (e) {
        log.error('the rematch request could not be stored', { request, attempt, error: String(e) });
        if (attempt >= SIGNAL_ATTEMPTS) return;
        await sleep(Math.min(10_000 * 2 ** (attempt - 1), 600_000));
      }
    }
  });
}

/** About two hours of tries (10 s doubling to 10 min), then the request is given up, loudly. */
const SIGNAL_ATTEMPTS = 16;
