import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type QueryDefinition,
  type UpdateDefinition,
} from '@temporalio/client';
import { HTTP_STATUS_BY_KIND, type FailureKind } from '../../../../libs/contracts/src/index.js';
import { TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE } from '../tokens.js';

/**
 * The one choke point between the API and Temporal: every start, Update and query of the API's
 * workflows goes through these three methods (bounded waits and error mapping belong here). The
 * per-workflow gateways name the ids and the definitions.
 */
@Injectable()
export class WorkflowGateway {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TEMPORAL_TASK_QUEUE) private readonly taskQueue: string,
  ) {}

  /** Starts the workflow; one already running under the id (a retried request) counts as started. */
  async start(workflowType: string, workflowId: string, args: unknown[]): Promise<void> {
    try {
      await this.client.workflow.start(workflowType, { workflowId, taskQueue: this.taskQueue, args });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
  }

  /** Runs an Update and waits for its result; the same `updateId` is applied once per run. */
  update<Ret, Args extends unknown[]>(
    workflowId: string,
    def: UpdateDefinition<Ret, Args>,
    args: Args,
    updateId?: string,
  ): Promise<Ret> {
    // The client's overloads split on empty and non-empty argument lists; both send `args` as given.
    return this.client.workflow
      .getHandle(workflowId)
      .executeUpdate(def as unknown as UpdateDefinition<Ret, [unknown]>, {
        args: args as unknown as [unknown],
        updateId,
      });
  }

  query<Ret>(workflowId: string, def: QueryDefinition<Ret, []>): Promise<Ret> {
    return this.client.workflow.getHandle(workflowId).query(def);
  }

  /** Readiness: the Temporal frontend answers. */
  async ping(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }
}

/**
 * A refusal by a workflow's validator or handler — its stable code and kind, as the failure's
 * type and details carry them — or null for any other failure (shown on a page as a notice).
 */
export function workflowRefusal(e: unknown): { code: string; kind: FailureKind } | null {
  if (!(e instanceof WorkflowUpdateFailedError)) return null;
  const cause = e.cause as { type?: string; details?: Array<{ kind?: FailureKind }> } | undefined;
  const kind = cause?.details?.[0]?.kind;
  return { code: cause?.type ?? 'WORKFLOW.REFUSED', kind: kind && kind in HTTP_STATUS_BY_KIND ? kind : 'CONFLICT' };
}

/** One workflow type as the API sees it: Updates by entity id, and its state query. */
export abstract class EntityWorkflow<S> {
  constructor(
    protected readonly workflows: WorkflowGateway,
    private readonly workflowIdOf: (id: string) => string,
    private readonly stateQuery: QueryDefinition<S | null, []>,
  ) {}

  update<Ret, Args extends unknown[]>(
    id: string,
    def: UpdateDefinition<Ret, Args>,
    args: Args,
    updateId?: string,
  ): Promise<Ret> {
    return this.workflows.update(this.workflowIdOf(id), def, args, updateId);
  }

  /** The live state, or null while the workflow has not stored its creation yet. */
  state(id: string): Promise<S | null> {
    return this.workflows.query(this.workflowIdOf(id), this.stateQuery);
  }
}
