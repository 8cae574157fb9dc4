import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { approveLaunchUpdate, programStreamId } from '../../libs/contracts/src/index.js';
import { readStream } from '../../libs/persistence/src/index.js';
import { freePort, provideTemporal, type TemporalTarget } from '../../libs/platform/src/index.js';
import { createMentorflowWorker } from '../../apps/worker/src/worker.js';
import { createTestDatabase, eventually, quietRuntime } from '../support/services.js';
import { startProgram } from '../support/programs.js';

/**
 * The embedded default keeps Temporal's state in a SQLite file. Stop the server with a program
 * waiting on a timer and an Update, start it again on the same file: the program goes on.
 */
let db: DataSource;
const dbFile = join(mkdtempSync(join(tmpdir(), 'mentorflow-temporal-')), 'temporal.sqlite');
let port = 0;

const startServer = () =>
  provideTemporal({ dbFile, port, uiPort: null, env: { ...process.env, TEMPORAL_ADDRESS: '' }, log: () => undefined });

async function withSystem<T>(server: TemporalTarget, work: (client: Client) => Promise<T>): Promise<T> {
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const worker = await createMentorflowWorker({
    connection: workerConnection,
    namespace: server.namespace,
    db,
    taskQueue: 'restart-queue',
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: server.address });
  try {
    return await work(new Client({ connection, namespace: server.namespace }));
  } finally {
    await connection.close();
    worker.shutdown();
    await running;
    await workerConnection.close();
  }
}

beforeAll(async () => {
  quietRuntime();
  ({ db } = await createTestDatabase('temporal_restart'));
  port = await freePort();
});
afterAll(async () => {
  await db?.destroy();
});

describe('embedded Temporal restarted on its database file', () => {
  it('resumes timers and accepts Updates for programs started before the restart', async () => {
    const first = await startServer();
    const { draft } = await withSystem(first, (client) =>
      startProgram(client, 'restart-queue', undefined, {
        launchApprovalReminderAfterMs: 3000,
        launchApprovalMaxReminders: 1,
      }),
    );
    await first.stop();

    const second = await startServer();
    try {
      await withSystem(second, async (client) => {
        // The reminder timer was set before the stop; it fires after the restart.
        await eventually(
          async () =>
            (await readStream(db, programStreamId(draft.programId))).some(
              (e) => e.type === 'LaunchApprovalReminderDue',
            ),
          30_000,
        );
        const handle = client.workflow.getHandle(`program:${draft.programId}`);
        const state = await handle.executeUpdate(approveLaunchUpdate, {
          args: [{ actor: { personId: 'sponsor-1', roles: ['sponsor'] }, comment: 'after restart' }],
        });
        expect(state.phase).toBe('SELECTION_MATCHING');
      });
      const types = (await readStream(db, programStreamId(draft.programId))).map((e) => e.type);
      expect(types).toEqual([
        'ProgramCreated',
        'ProgramPhaseChanged',
        'LaunchApprovalReminderDue',
        'LaunchApproved',
        'ProgramPhaseChanged',
      ]);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
