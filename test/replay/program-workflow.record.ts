import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { writeFileSync } from 'node:fs';
import { approveLaunchUpdate, programStateQuery } from '../../libs/contracts/src/index.js';
import { eventually, useWorkerStack } from '../support/services.js';
import { startProgram } from '../support/programs.js';
import { HISTORY_FILES } from './histories.js';

/**
 * `npm run record-histories`: runs the reference scenarios on a real server and writes their
 * histories under test/histories/. Commit them; the replay test then guards every later change.
 */
const stack = useWorkerStack('record', { beforeAll, afterAll });

describe('record ProgramWorkflow histories', () => {
  it('records: created, one reminder, approved by the sponsor', async () => {
    const { handle } = await startProgram(stack.client, stack.taskQueue, undefined, { launchApprovalReminderAfterMs: 1000, launchApprovalMaxReminders: 1 });
    await eventually(async () => (await handle.query(programStateQuery))?.launchRemindersSent === 1);
    await handle.executeUpdate(approveLaunchUpdate, { args: [{ actor: { personId: 'sponsor-1', roles: ['sponsor'] }, comment: 'recorded' }] });
    const history = await handle.fetchHistory();
    expect(history.events?.length).toBeGreaterThan(10);
    writeFileSync(HISTORY_FILES.programApprovedAfterReminder, historyToJSON(history) + '\n');
  });
});
