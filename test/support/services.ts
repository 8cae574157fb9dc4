import { randomBytes } from 'node:crypto';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { ensureDatabase } from '../../libs/platform/src/index.js';
import { openDatabase } from '../../libs/persistence/src/index.js';
import { createMentorflowWorker } from '../../apps/worker/src/worker.js';

export interface TestServices {
  pgAdminUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
}

export function testServices(): TestServices {
  const raw = process.env.MENTORFLOW_TEST_SERVICES;
  if (!raw) throw new Error('test services are not provisioned: run through jest.int.config.js (npm run test:int)');
  return JSON.parse(raw) as TestServices;
}

let runtimeInstalled = false;
/** Worker logs at WARN keep test output readable; errors still show. */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
}

/** A fresh database per test file, migrated like production: suites never see each other's rows. */
export async function createTestDatabase(prefix: string): Promise<{ db: DataSource; url: string }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = testServices().pgAdminUrl;
  await ensureDatabase(admin, name);
  const url = admin.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  return { db: await openDatabase(url, { poolSize: 5, logErrors: false }), url };
}

export async function connectClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const { temporalAddress, temporalNamespace } = testServices();
  const connection = await Connection.connect({ address: temporalAddress });
  return { client: new Client({ connection, namespace: temporalNamespace }), close: () => connection.close() };
}

export const uniqueTaskQueue = (name: string): string => `${name}-${randomBytes(4).toString('hex')}`;

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

/** A real worker of the app (same factory as production) on its own task queue. */
export async function startWorker(
  db: DataSource,
  taskQueue: string,
  options: { publicUrl?: string } = {},
): Promise<RunningWorker> {
  quietRuntime();
  const { temporalAddress, temporalNamespace } = testServices();
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await createMentorflowWorker({ connection, namespace: temporalNamespace, db, taskQueue, ...options });
  const running = worker.run();
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/** How an Update failed: its failure's type and kind (the domain code and its HTTP kind), or 'accepted'. */
export async function updateOutcome(p: Promise<unknown>): Promise<{ type?: string; kind?: string } | 'accepted'> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    if (!(e instanceof WorkflowUpdateFailedError)) throw e;
    const cause = e.cause as { type?: string; details?: Array<{ kind?: string }> };
    return { type: cause.type, kind: cause.details?.[0]?.kind };
  }
}

/** Polls until `check` returns a value (or the deadline passes); for effects that land asynchronously. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last instanceof Error ? `: ${last.message}` : ''}`);
}

export interface WorkerStack {
  db: DataSource;
  client: Client;
  taskQueue: string;
  /** Stops the suite's worker (a test of what happens without one). */
  stopWorker(): Promise<void>;
  /** Starts it again on the same task queue. */
  startWorker(): Promise<void>;
}

/**
 * Registers beforeAll/afterAll hooks that give a suite its own database, a client and a running
 * worker on its own task queue; the returned object is filled in by the time tests run.
 */
export function useWorkerStack(
  name: string,
  hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void },
): WorkerStack {
  let worker: RunningWorker | undefined;
  const stack = {
    taskQueue: uniqueTaskQueue(name),
    async stopWorker() {
      await worker?.stop();
      worker = undefined;
    },
    async startWorker() {
      worker ??= await startWorker(stack.db, stack.taskQueue);
    },
  } as WorkerStack;
  let closeClient: (() => Promise<void>) | undefined;
  hooks.beforeAll(async () => {
    ({ db: stack.db } = await createTestDatabase(name.replace(/-/g, '_')));
    const connected = await connectClient();
    stack.client = connected.client;
    closeClient = connected.close;
    await stack.startWorker();
  });
  hooks.afterAll(async () => {
    await stack.stopWorker();
    await closeClient?.();
    await stack.db?.destroy();
  });
  return stack;
}
