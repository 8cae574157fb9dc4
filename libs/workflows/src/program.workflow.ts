import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  approveLaunch,
  assertCanApproveLaunch,
  createProgram,
  DomainError,
  foldProgram,
  launchApprovalOverdue,
  type ProgramEvent,
  type ProgramState,
} from '../../domain/src/index.js';
import {
  approveLaunchUpdate,
  EVENT_STORE_CONFLICT,
  programReadyUpdate,
  programStateQuery,
  programStreamId,
  type ApproveLaunchInput,
  type ProgramActivities,
  type ProgramWorkflowInput,
} from '../../contracts/src/index.js';
import { decide } from './business-failure.js';
import { createSerialQueue } from './serial.js';

const { appendProgramEvents } = proxyActivities<ProgramActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: [EVENT_STORE_CONFLICT] },
});

const notReady = () => new DomainError('PROGRAM.NOT_READY', 'CONFLICT', 'the program is still being created; try again');

/** One program cycle. A thin shell: decisions come from libs/domain, facts go to the event store. */
export async function programWorkflow(input: ProgramWorkflowInput): Promise<void> {
  const streamId = programStreamId(input.draft.programId);
  let state: ProgramState | null = input.carried ?? null;
  const serial = createSerialQueue();

  // State changes only after the events are stored, so a query never shows an unsaved fact.
  const commit = async (events: ProgramEvent[]): Promise<void> => {
    if (events.length === 0) return;
    await appendProgramEvents({ streamId, expectedVersion: state?.version ?? 0, events });
    state = foldProgram(events, state);
  };
  const current = (): ProgramState => {
    if (state === null) throw decide(() => { throw notReady(); });
    return state;
  };

  setHandler(programStateQuery, () => state);
  setHandler(programReadyUpdate, async () => {
    await condition(() => state !== null);
    return current();
  });
  setHandler(
    approveLaunchUpdate,
    ({ actor, comment }) =>
      serial(async () => {
        const events = decide(() => approveLaunch(current(), actor, comment, new Date()));
        await commit(events);
        return current();
      }),
    { validator: ({ actor }: ApproveLaunchInput) => decide(() => assertCanApproveLaunch(current(), actor)) },
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
      await serial(() => commit(launchApprovalOverdue(current(), input.timings.launchApprovalMaxReminders, new Date())));
    }
  }

  // Later phases (matching, training, execution…) are driven from here as they are built.
  await condition(continueAsNewSuggested);
  await condition(allHandlersFinished);
  await continueAsNew<typeof programWorkflow>({ ...input, carried: current() });
}
