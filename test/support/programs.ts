import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { ProgramDraft } from '../../libs/domain/src/index.js';
import { programReadyUpdate, programWorkflowId, type ProgramTimings } from '../../libs/contracts/src/index.js';
import type { programWorkflow } from '../../libs/workflows/src/index.js';

export const aDraft = (over: Partial<ProgramDraft> = {}): ProgramDraft => ({
  programId: randomUUID(),
  name: 'Managerial mentoring 2027',
  ownerId: 'owner-1',
  sponsorId: 'sponsor-1',
  objectives: [
    { title: 'Retain first-line managers', kpis: [{ name: 'turnover', unit: '%', baseline: 18, target: 12 }] },
  ],
  ...over,
});

/** Long enough that no reminder fires during a test that does not want one. */
export const quietTimings: ProgramTimings = {
  launchApprovalReminderAfterMs: 10 * 60_000,
  launchApprovalMaxReminders: 2,
};

export async function startProgram(
  client: Client,
  taskQueue: string,
  draft: ProgramDraft = aDraft(),
  timings: ProgramTimings = quietTimings,
): Promise<{ draft: ProgramDraft; handle: WorkflowHandleWithFirstExecutionRunId<typeof programWorkflow> }> {
  const handle = await client.workflow.start<typeof programWorkflow>('programWorkflow', {
    workflowId: programWorkflowId(draft.programId),
    taskQueue,
    args: [{ draft, createdBy: draft.ownerId, timings }],
  });
  await handle.executeUpdate(programReadyUpdate);
  return { draft, handle };
}
