import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import {
  approveLaunchUpdate,
  enrolParticipantUpdate,
  programStateQuery,
  programStreamId,
  requestMatchingProposalUpdate,
} from '../../contracts/src/index.js';
import { ApplicationFailure } from '@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import { workflowsEntry } from '../../platform/src/index.js';
import { createProgramActivities } from '../../../apps/worker/src/activities/program.activities.js';
import { readStream } from '../../persistence/src/index.js';
import {
  eventually,
  startWorker,
  testServices,
  uniqueTaskQueue,
  useWorkerStack,
} from '../../../test/support/services.js';
import { startProgram } from '../../../test/support/programs.js';

const sponsor = { personId: 'sponsor-1', roles: ['sponsor' as const] };
const stack = useWorkerStack('program-wf', { beforeAll, afterAll });

const historyLength = async (handle: WorkflowHandle) => (await handle.fetchHistory()).events?.length ?? 0;
const eventTypes = async (programId: string) =>
  (await readStream(stack.db, programStreamId(programId))).map((e) => e.type);

async function updateFailureType(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError) return (e.cause as { type?: string } | undefined)?.type;
    throw e;
  }
  throw new Error('the update was accepted');
}

describe('ProgramWorkflow on a real Temporal dev server', () => {
  it('stores the creation events before it answers ready', async () => {
    const { draft, handle } = await startProgram(stack.client, stack.taskQueue);
    expect((await handle.query(programStateQuery))?.phase).toBe('LAUNCH_PLANNING');
    expect(await eventTypes(draft.programId)).toEqual(['ProgramCreated', 'ProgramPhaseChanged']);
  });

  it('moves to SELECTION_MATCHING when the sponsor approves, with its events in Postgres', async () => {
    const { draft, handle } = await startProgram(stack.client, stack.taskQueue);
    const state = await handle.executeUpdate(approveLaunchUpdate, { args: [{ actor: sponsor, comment: 'go' }] });
    expect(state.phase).toBe('SELECTION_MATCHING');
    expect(await eventTypes(draft.programId)).toEqual([
      'ProgramCreated',
      'ProgramPhaseChanged',
      'LaunchApproved',
      'ProgramPhaseChanged',
    ]);
  });

  it('rejects a non-sponsor in the validator: nothing is written to the history or the log', async () => {
    const { draft, handle } = await startProgram(stack.client, stack.taskQueue);
    const before = await historyLength(handle);
    const type = await updateFailureType(
      handle.executeUpdate(approveLaunchUpdate, {
        args: [{ actor: { personId: 'intruder', roles: ['sponsor'] }, comment: null }],
      }),
    );
    expect(type).toBe('PROGRAM.NOT_SPONSOR');
    expect(await historyLength(handle)).toBe(before);
    expect(await eventTypes(draft.programId)).toHaveLength(2);
  });

  it('rejects a second approval as the wrong phase, writing nothing', async () => {
    const { draft, handle } = await startProgram(stack.client, stack.taskQueue);
    await handle.executeUpdate(approveLaunchUpdate, { args: [{ actor: sponsor, comment: null }] });
    const before = await historyLength(handle);
    expect(
      await updateFailureType(handle.executeUpdate(approveLaunchUpdate, { args: [{ actor: sponsor, comment: null }] })),
    ).toBe('PROGRAM.WRONG_PHASE');
    expect(await historyLength(handle)).toBe(before);
    expect(await eventTypes(draft.programId)).toHaveLength(4);
  });

  it('applies one of two concurrent approvals and refuses the other', async () => {
    const { draft, handle } = await startProgram(stack.client, stack.taskQueue);
    const results = await Promise.allSettled([
      handle.executeUpdate(approveLaunchUpdate, { args: [{ actor: sponsor, comment: 'a' }] }),
      handle.executeUpdate(approveLaunchUpdate, { args: [{ actor: sponsor, comment: 'b' }] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await eventTypes(draft.programId)).toEqual([
      'ProgramCreated',
      'ProgramPhaseChanged',
      'LaunchApproved',
      'ProgramPhaseChanged',
    ]);
  });

  it('takes the timeout path when the sponsor does not answer: reminders, then one escalation', async () => {
    const { draft, handle } = await startProgram(stack.client, stack.taskQueue, undefined, {
      launchApprovalReminderAfterMs: 500,
      launchApprovalMaxReminders: 2,
    });
    const types = await eventually(async () => {
      const t = await eventTypes(draft.programId);
      return t.includes('LaunchApprovalEscalated') ? t : null;
    });
    expect(types.slice(2)).toEqual([
      'LaunchApprovalReminderDue',
      'LaunchApprovalReminderDue',
      'LaunchApprovalEscalated',
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await eventTypes(draft.programId)).toHaveLength(5);
    // The sponsor can still approve after the escalation.
    expect((await handle.executeUpdate(approveLaunchUpdate, { args: [{ actor: sponsor, comment: null }] })).phase).toBe(
      'SELECTION_MATCHING',
    );
  });

  it('continues as new when the history grows, carrying its state (no event is lost or doubled)', async () => {
    // The test server suggests continue-as-new at 60 history events (test/support/global-setup.mjs).
    const { draft, handle } = await startProgram(stack.client, stack.taskQueue, undefined, {
      launchApprovalReminderAfterMs: 100,
      launchApprovalMaxReminders: 12,
    });
    const firstRunId = (await handle.describe()).runId;
    await eventually(
      async () => (await stack.client.workflow.getHandle(handle.workflowId).describe()).runId !== firstRunId,
      30_000,
    );
    const latest = stack.client.workflow.getHandle(handle.workflowId);
    await eventually(async () => (await eventTypes(draft.programId)).includes('LaunchApprovalEscalated'), 30_000);
    const state = await latest.query(programStateQuery);
    expect(state?.launchRemindersSent).toBe(12);
    const stream = await readStream(stack.db, programStreamId(draft.programId));
    expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_, i) => i + 1));
    expect(stream.filter((e) => e.type === 'LaunchApprovalReminderDue')).toHaveLength(12);
    expect((await latest.executeUpdate(approveLaunchUpdate, { args: [{ actor: sponsor, comment: null }] })).phase).toBe(
      'SELECTION_MATCHING',
    );
  });
});

describe('ProgramWorkflow across a worker restart', () => {
  it('goes on with a new worker after the first one stopped', async () => {
    const queue = uniqueTaskQueue('restart');
    const first = await startWorker(stack.db, queue);
    const { draft, handle } = await startProgram(stack.client, queue);
    await first.stop();
    const second = await startWorker(stack.db, queue);
    try {
      const state = await handle.executeUpdate(approveLaunchUpdate, {
        args: [{ actor: sponsor, comment: 'after restart' }],
      });
      expect(state.phase).toBe('SELECTION_MATCHING');
      expect(await eventTypes(draft.programId)).toEqual([
        'ProgramCreated',
        'ProgramPhaseChanged',
        'LaunchApproved',
        'ProgramPhaseChanged',
      ]);
    } finally {
      await second.stop();
    }
  });
});

describe('ProgramWorkflow when a solve keeps failing', () => {
  it('records the proposal as failed and goes on', async () => {
    const queue = uniqueTaskQueue('solve-fails');
    const connection = await NativeConnection.connect({ address: testServices().temporalAddress });
    const worker = await Worker.create({
      connection,
      namespace: testServices().temporalNamespace,
      taskQueue: queue,
      workflowsPath: workflowsEntry(),
      activities: {
        ...createProgramActivities({
          db: stack.db,
          mailFrom: 'mentorflow@test.local',
          publicUrl: 'http://localhost:3000',
        }),
        solveMatchingProposal: async () => {
          throw ApplicationFailure.nonRetryable('the solver crashed', 'SOLVER_CRASH');
        },
      },
    });
    const running = worker.run();
    try {
      const { handle } = await startProgram(stack.client, queue);
      await handle.executeUpdate(approveLaunchUpdate, { args: [{ actor: sponsor, comment: null }] });
      const owner = { personId: 'owner-1', roles: ['owner' as const] };
      for (const [personId, role] of [
        ['a', 'mentee'],
        ['b', 'mentor'],
      ] as const) {
        await handle.executeUpdate(enrolParticipantUpdate, {
          args: [
            {
              actor: owner,
              participant: { personId, role, capacity: role === 'mentor' ? 1 : null, goals: [], wishes: [] },
            },
          ],
        });
      }
      const options = {
        weights: {},
        excludeSameDepartment: false,
        maxTimeZoneHours: null,
        objective: 'total' as const,
        loadBalance: 0,
      };
      await handle.executeUpdate(requestMatchingProposalUpdate, { args: [{ actor: owner, options }] });
      const failed = await eventually(async () => {
        const proposal = (await handle.query(programStateQuery))?.matching?.proposals[0];
        return proposal?.status === 'FAILED' ? proposal : null;
      });
      expect(failed.failure).toMatch(/MATCHING.SOLVE_FAILED: the solver crashed/);
      expect((await handle.describe()).status.name).toBe('RUNNING');
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
    }
  });
});
