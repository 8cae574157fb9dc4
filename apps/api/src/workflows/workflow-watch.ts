import {
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Client, QueryNotRegisteredError, type WorkflowClientInterceptor } from '@temporalio/client';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { WorkflowFaultQueries } from '../../../../libs/persistence/src/index.js';
import type { AppMetrics } from '../../../../libs/platform/src/index.js';
import { METRICS, TEMPORAL_CLIENT, UPDATE_BOUNDS } from '../tokens.js';

/** How long a request waits for a workflow, and from when a wait is worth reporting. */
export interface UpdateBounds {
  /** The request gives up waiting after this (503 WORKFLOW.NOT_ANSWERING); the Update itself goes on. */
  timeoutMs: number;
  /** An Update answered later than this is counted and recorded as a fault of its workflow. */
  slowAfterMs: number;
}
export const DEFAULT_UPDATE_BOUNDS: UpdateBounds = { timeoutMs: 30_000, slowAfterMs: 5_000 };

/** The Updates a request sent, noted by the client interceptor below. */
const sentUpdates = new AsyncLocalStorage<Array<{ workflowId: string; name: string }>>();

/**
 * The server rejects an Update as `UnprocessedUpdate` when the worker completed the workflow task
 * that carried it without handling it. Measured here with the TypeScript SDK 1.24: when Updates
 * arrive while a workflow waits on a local activity (every append is one), the SDK's core sometimes
 * gets a second task for the run ("Trying to send a new WFT for a run which already has one") and
 * drops the Update requests it held. Nothing of a rejected Update was applied, so it is sent again,
 * with the same Update id, a few times before the caller hears of it.
 */
const UNPROCESSED_UPDATE = 'UnprocessedUpdate';
const RESENDS = 10;
/** A query that met a worker in the middle of recovering (see above) is asked again, this many times. */
const QUERY_TRIES = 3;

/** Notes each Update a request sends (its workflow id), and sends again the ones the SDK dropped. */
export const updateInterceptor: WorkflowClientInterceptor = {
  async startUpdate(given, next) {
    sentUpdates.getStore()?.push({ workflowId: given.workflowExecution.workflowId, name: given.updateName });
    // One id for every send: if a dropped Update did run after all, the workflow knows it by its id
    // (the SDK would otherwise draw a new id for each send).
    const input = { ...given, options: { ...given.options, updateId: given.options.updateId ?? randomUUID() } };
    for (let attempt = 1; ; attempt++) {
      const output = await next(input);
      const dropped = output.outcome?.failure?.applicationFailureInfo?.type === UNPROCESSED_UPDATE;
      if (!dropped || attempt > RESENDS) return output;
      await pause(20 * attempt + Math.random() * 50);
    }
  },
  // The same defect sometimes leaves the worker's copy of a workflow broken for a moment ("Fatal error
  // in workflow machines", surfaced as QueryNotRegisteredError) until it is rebuilt from its history.
  // A query only reads: asking again is safe.
  async query(input, next) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await next(input);
      } catch (e) {
        if (!(e instanceof QueryNotRegisteredError) || attempt >= QUERY_TRIES) throw e;
        await pause(100 * attempt);
      }
    }
  },
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The API's own client: the caller's connection, with the interceptor that watches Updates. */
export function watchedClient(client: Client): Client {
  return new Client({
    connection: client.connection,
    namespace: client.options.namespace,
    interceptors: { workflow: [updateInterceptor] },
  });
}

/**
 * Every request that talks to a workflow does so within a deadline, so no workflow, however stuck,
 * can hold a request (and its client) forever: past it, the API answers 503 WORKFLOW.NOT_ANSWERING
 * and the Update goes on in the workflow (a retry with the same Idempotency-Key gets its outcome).
 * An Update answered later than the slow bound, or not at all, is logged with its workflow id,
 * counted, and recorded in workflow_faults (SLOW_UPDATE) until one of its Updates is answered in time.
 */
@Injectable()
export class WorkflowWatchInterceptor implements NestInterceptor {
  private readonly logger = new Logger('workflows');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly faults: WorkflowFaultQueries,
    @Inject(METRICS) private readonly metrics: AppMetrics,
    @Inject(UPDATE_BOUNDS) private readonly bounds: UpdateBounds,
  ) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const updates: Array<{ workflowId: string; name: string }> = [];
    const started = Date.now();
    const run = (): Promise<unknown> =>
      this.temporal.withDeadline(started + this.bounds.timeoutMs, () =>
        lastValueFrom<unknown, undefined>(next.handle(), { defaultValue: undefined }),
      );
    return from(
      sentUpdates.run(updates, async (): Promise<unknown> => {
        try {
          return await run();
        } finally {
          await this.judge(updates, Date.now() - started);
        }
      }),
    );
  }

  private async judge(updates: Array<{ workflowId: string; name: string }>, elapsedMs: number): Promise<void> {
    for (const { workflowId, name } of updates) {
      if (elapsedMs >= this.bounds.slowAfterMs) {
        this.logger.warn(`Update ${name} of ${workflowId} took ${elapsedMs} ms`);
        this.metrics.slowUpdates.inc({ workflow: workflowId.split(':')[0] ?? 'unknown' });
        await this.faults
          .record({
            workflowId,
            kind: 'SLOW_UPDATE',
            code: elapsedMs >= this.bounds.timeoutMs ? 'WORKFLOW.NOT_ANSWERING' : 'WORKFLOW.SLOW',
            detail: `Update ${name} answered after ${elapsedMs} ms (bound ${this.bounds.slowAfterMs} ms)`,
          })
          .catch((e: unknown) => this.logger.warn(`could not record the slow Update: ${String(e)}`));
      } else {
        // Whichever replica recorded it, a prompt answer clears it (not awaited: the answer is not delayed).
        void this.faults.clear(workflowId, 'SLOW_UPDATE').catch(() => undefined);
      }
    }
  }
}
