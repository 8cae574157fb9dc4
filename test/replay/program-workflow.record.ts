import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { Client } from '@temporalio/client';
import { writeFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { approveLaunchUpdate, programStateQuery } from '../../libs/contracts/src/index.js';
import { connectClient, createTestDatabase, eventually, startWorker, uniqueTaskQueue, type RunningWorker } from '../support/services.js';
import { startProgram } from '../support/programs.js';
import { HISTORY_FILES } from './histories.js';

/**
 * `npm run record-histories`: runs the reference scenarios on a real server and writes their
 * histories under test/histories/. Commit them; the replay test then guards every later change.
 */
let db: DataSource;
let client: Client;
let closeClient: () => Promise<void>;
let worker: RunningWorker;
const taskQueue = uniqueTaskQueue('record');

beforeAll(async () => {
  ({ db } = await createTestDatabase('record'));
  ({ client, close: closeClient } = await connectClient());
  worker = await startWorker(db, taskQueue);
});
afterAll(async () => {
  await worker?.stop();
  await closeClient?.();
  await db?.destroy();
});

describe('record ProgramWorkflow histories', () => {
  it('records: created, one reminder, approved by the sponsor', async () => {
    const { handle } = await startProgram(client, taskQueue, undefined, { launchApprovalReminderAfterMs: 1000, launchApprovalMaxReminders: 1 });
    await eventually(async () => (await handle.query(programStateQuery))?.launchRemindersSent === 1);
    await handle.executeUpdate(approveLaunchUpdate, { args: [{ actor: { personId: 'sponsor-1', roles: ['sponsor'] }, comment: 'recorded' }] });
    const history = await handle.fetchHistory();
    expect(history.events?.length).toBeGreaterThan(10);
    writeFileSync(HISTORY_FILES.programApprovedAfterReminder, historyToJSON(history) + '\n');
  });
});
