import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import {
  foldMentorship,
  foldProgram,
  type MentorshipEvent,
  type ProgramEvent,
} from '../../../../libs/domain/src/index.js';
import type { MentorshipWorkflowInput, ProgramWorkflowInput } from '../../../../libs/contracts/src/index.js';
import { readStream, type EventRow } from '../../../../libs/persistence/src/index.js';
import { ApiError, badField } from '../http/api-error.js';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../tokens.js';

const WORKFLOW_ID = /^(program|mentorship):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const asEvents = <E>(rows: EventRow[]): E[] =>
  rows.map((r) => ({ type: r.type, at: r.occurredAt.toISOString(), actorId: r.actorId, data: r.payload }) as E);

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
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async restartFromLog(workflowId: string, operatorId: string) {
    if (!WORKFLOW_ID.test(workflowId)) throw badField('workflowId', 'program:<uuid> or mentorship:<uuid>');
    const handle = this.temporal.workflow.getHandle(workflowId);
    const description = await handle.describe().catch((e: unknown) => {
      if (e instanceof WorkflowNotFoundError) throw new ApiError(404, 'NOT_FOUND', `no workflow ${workflowId}`);
      throw e;
    });
    if (description.status.name === 'COMPLETED')
      throw new ApiError(409, 'WORKFLOW.COMPLETED', `${workflowId} completed normally: there is nothing to repair`);
    const history = await handle.fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const payload = started?.input?.payloads?.[0];
    if (!started || !payload) throw new ApiError(500, 'WORKFLOW.NO_INPUT', `cannot read the input of ${workflowId}`);
    const input = defaultPayloadConverter.fromPayload<ProgramWorkflowInput | MentorshipWorkflowInput>(payload);
    const rows = await readStream(this.db, workflowId);
    const carried = workflowId.startsWith('program:')
      ? foldProgram(asEvents<ProgramEvent>(rows))
      : foldMentorship(asEvents<MentorshipEvent>(rows));
    let terminatedRunId: string | null = null;
    if (description.status.name === 'RUNNING') {
      await handle.terminate(`restarted from the event log by ${operatorId}`);
      terminatedRunId = description.runId;
    }
    const next = await this.temporal.workflow.start(description.type, {
      workflowId,
      taskQueue: started.taskQueue?.name ?? description.taskQueue,
      args: [{ ...input, carried: carried ?? undefined, handledUpdates: input.handledUpdates ?? [] }],
    });
    this.logger.warn(`${workflowId} restarted from the event log at version ${rows.length} by ${operatorId}`);
    return { workflowId, terminatedRunId, runId: next.firstExecutionRunId, version: rows.length };
  }
}
