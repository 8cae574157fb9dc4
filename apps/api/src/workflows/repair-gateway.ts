import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { TEMPORAL_CLIENT } from '../tokens.js';

export interface WorkflowRun {
  type: string;
  runId: string;
  status: string;
  taskQueue: string;
}

/** What an operator's repair needs of Temporal: a workflow's run, its first input, terminate, start anew. */
@Injectable()
export class RepairGateway {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  /** The workflow's current run, or null when Temporal knows no such workflow. */
  async describe(workflowId: string): Promise<WorkflowRun | null> {
    try {
      const d = await this.client.workflow.getHandle(workflowId).describe();
      return { type: d.type, runId: d.runId, status: d.status.name, taskQueue: d.taskQueue };
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return null;
      throw e;
    }
  }

  /** The input the current run started with, and on which task queue, from its first history event. */
  async startedWith<I>(workflowId: string): Promise<{ input: I; taskQueue: string | null } | null> {
    const history = await this.client.workflow.getHandle(workflowId).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const payload = started?.input?.payloads?.[0];
    if (!started || !payload) return null;
    return { input: defaultPayloadConverter.fromPayload<I>(payload), taskQueue: started.taskQueue?.name ?? null };
  }

  async terminate(workflowId: string, reason: string): Promise<void> {
    await this.client.workflow.getHandle(workflowId).terminate(reason);
  }

  /** Starts a new run under the same id; returns its run id. */
  async start(type: string, workflowId: string, taskQueue: string, args: unknown[]): Promise<string> {
    const next = await this.client.workflow.start(type, { workflowId, taskQueue, args });
    return next.firstExecutionRunId;
  }
}
