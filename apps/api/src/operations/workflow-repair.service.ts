import { Injectable, Logger } from '@nestjs/common';
import {
  foldMentorship,
  foldProgram,
  type MentorshipEvent,
  type ProgramEvent,
} from '../../../../libs/domain/src/index.js';
import type { MentorshipWorkflowInput, ProgramWorkflowInput } from '../../../../libs/contracts/src/index.js';
import { WorkflowFaultQueries, domainEvents } from '../../../../libs/persistence/src/index.js';
import { ApiError, badField } from '../http/api-error.js';
import { RepairGateway } from '../workflows/repair-gateway.js';

const WORKFLOW_ID = /^(program|mentorship):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The last resort of the runbook (docs/RELIABILITY.md): a workflow that cannot be mended by a reset
 * is terminated and started again from the event log, which holds every fact it ever stored. The
 * new run gets its last run's input with the state folded from the log as `carried`, exactly as a
 * continue-as-new would, so nothing stored is lost and nothing is applied twice.
 */
@Injectable()
export class WorkflowRepairService {
  private readonly logger = new Logger('operations');

  constructor(
    private readonly workflows: RepairGateway,
    private readonly log: WorkflowFaultQueries,
  ) {}

  async restartFromLog(workflowId: string, operatorId: string) {
    if (!WORKFLOW_ID.test(workflowId)) throw badField('workflowId', 'program:<uuid> or mentorship:<uuid>');
    const description = await this.workflows.describe(workflowId);
    if (!description) throw new ApiError(404, 'NOT_FOUND', `no workflow ${workflowId}`);
    if (description.status === 'COMPLETED')
      throw new ApiError(409, 'WORKFLOW.COMPLETED', `${workflowId} completed normally: there is nothing to repair`);
    const started = await this.workflows.startedWith<ProgramWorkflowInput | MentorshipWorkflowInput>(workflowId);
    if (!started) throw new ApiError(500, 'WORKFLOW.NO_INPUT', `cannot read the input of ${workflowId}`);
    const { input } = started;
    const rows = await this.log.stream(workflowId);
    const carried = workflowId.startsWith('program:')
      ? foldProgram(domainEvents<ProgramEvent>(rows))
      : foldMentorship(domainEvents<MentorshipEvent>(rows));
    let terminatedRunId: string | null = null;
    if (description.status === 'RUNNING') {
      await this.workflows.terminate(workflowId, `restarted from the event log by ${operatorId}`);
      terminatedRunId = description.runId;
    }
    const runId = await this.workflows.start(description.type, workflowId, started.taskQueue ?? description.taskQueue, [
      { ...input, carried: carried ?? undefined, handledUpdates: input.handledUpdates ?? [] },
    ]);
    this.logger.warn(`${workflowId} restarted from the event log at version ${rows.length} by ${operatorId}`);
    return { workflowId, terminatedRunId, runId, version: rows.length };
  }
}
