import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { createMentorflowWorker } from '../apps/worker/src/worker.js';
import { openDatabase } from '../libs/persistence/src/index.js';
import { freePort, provideTemporal, startEmbeddedPostgres, workflowsEntry } from '../libs/platform/src/index.js';

export interface BenchStack {
  db: DataSource;
  databaseUrl: string;
  client: Client;
  taskQueue: string;
  address: string;
  namespace: string;
  /** The stack's own worker (its status tells how many runs it caches). */
  worker: Worker;
  /** Another worker on the same task queue (its own connection), stopped with the stack. */
  addWorker(): Promise<Worker>;
}

let runtimeInstalled = false;

/**
 * A fresh embedded Postgres, an in-memory Temporal dev server with its default limits and one
 * mentorflow worker: what each Temporal benchmark measures against, torn down afterwards.
 */
export async function withBenchStack<T>(name: string, body: (stack: BenchStack) => Promise<T>): Promise<T> {
  const pg = await startEmbeddedPostgres({
    dir: mkdtempSync(join(tmpdir(), `mentorflow-bench-${name}-`)),
    port: await freePort(),
  });
  const server = await provideTemporal({ dbFile: null, port: await freePort(), uiPort: null, log: () => undefined });
  const databaseUrl = await pg.createDatabase(`bench_${name.replace(/\W/g, '_')}`);
  const db = await openDatabase(databaseUrl);
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
    runtimeInstalled = true;
  }
  const taskQueue = `bench-${name}-${randomUUID().slice(0, 8)}`;
  const workers: Array<{ worker: Worker; running: Promise<void>; connection: NativeConnection }> = [];
  const addWorker = async () => {
    const connection = await NativeConnection.connect({ address: server.address });
    const worker = await createMentorflowWorker({ connection, namespace: server.namespace, db, taskQueue });
    workers.push({ worker, running: worker.run(), connection });
    return worker;
  };
  const worker = await addWorker();
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, namespace: server.namespace });
  try {
    return await body({
      db,
      databaseUrl,
      client,
      taskQueue,
      address: server.address,
      namespace: server.namespace,
      worker,
      addWorker,
    });
  } finally {
    for (const w of workers) w.worker.shutdown();
    for (const w of workers) {
      await w.running.catch(() => undefined);
      await w.connection.close();
    }
    await connection.close();
    await db.destroy();
    await server.stop();
    await pg.stop();
  }
}

/** Follows a workflow's chain of runs from its first one: each run's history, event count and encoded size. */
export async function runsOf(client: Client, workflowId: string, firstRunId: string) {
  const runs: Array<{ events: number; bytes: number; history: proto.temporal.api.history.v1.IHistory }> = [];
  let runId: string | null | undefined = firstRunId;
  while (runId) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push({
      events: history.events?.length ?? 0,
      bytes: proto.temporal.api.history.v1.History.encode(history).finish().byteLength,
      history,
    });
    runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  return runs;
}

/**
 * Replays a history with the current workflow code and times the replay alone: the code is
 * bundled first (webpack, seconds) and the bundle's time is reported apart.
 */
export async function timeReplay(
  history: proto.temporal.api.history.v1.IHistory,
  workflowId: string,
): Promise<{ bundleMs: number; replayMs: number }> {
  const t0 = performance.now();
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: workflowsEntry(),
    logger: new DefaultLogger('ERROR'),
  });
  const t1 = performance.now();
  await Worker.runReplayHistory({ workflowBundle }, history, workflowId);
  return { bundleMs: t1 - t0, replayMs: performance.now() - t1 };
}
