import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { startClusterSystem, type ClusterSystem } from '../../apps/launcher/src/cluster-system.js';
import { openDatabase } from '../../libs/persistence/src/index.js';
import { clusterDatabaseFromUrl, freePort, startEmbeddedPostgres } from '../../libs/platform/src/index.js';
import { RssSampler } from './rss-sampler.js';

/**
 * The Temporal settings this benchmark runs with (docs/BENCHMARKS.md and docs/SCALING.md say why).
 */
export const SCALE_TEMPORAL = { historyShards: 16, dynamicConfig: {} as Record<string, unknown> };

/**
 * Each worker caches 6,000 runs (10,000 mentorships over two workers, with a fifth to spare for an
 * uneven split) in a 6 GiB V8 heap: a cached mentorship run holds ~0.53 MiB of heap and ~0.77 MiB of
 * RSS (measured with bench/scale/cache-memory.ts), so 6,000 take ~3.2 GiB of heap, the rest being the
 * collector's room, and ~5 GiB of RSS per worker. The SDK's default from Node's 4 GiB heap is 2,310:
 * then every wake of 10,000 was a replay.
 */
export const SCALE_WORKERS = { maxCachedWorkflows: 6000, heapMiB: 6144 };

export interface ScaleSystem {
  system: ClusterSystem;
  db: DataSource;
  client: Client;
  rss: RssSampler;
  logDir: string;
  /** Bytes of mentorflow's and Temporal's databases. */
  sizes(): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

/** The embedded Postgres and the cluster of `npm run cluster` (four Temporal services, two workers, two APIs). */
export async function startScaleSystem(log: (line: string) => void): Promise<ScaleSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'mentorflow-bench-scale-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'postgres'),
    port: await freePort(),
    // Sized for the 24 GiB machine; the WAL grows between checkpoints instead of forcing them every minute.
    flags: ['-c', 'shared_buffers=2GB', '-c', 'max_wal_size=8GB', '-c', 'checkpoint_timeout=15min'],
  });
  const url = await pg.createDatabase('mentorflow');
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const system = await startClusterSystem({
    databaseUrl: url,
    temporalDatabase: clusterDatabaseFromUrl(url),
    dir: join(dir, 'cluster'),
    historyShards: SCALE_TEMPORAL.historyShards,
    dynamicConfig: SCALE_TEMPORAL.dynamicConfig,
    workers: 2,
    apiPorts: [0, 0],
    appEnv: { MAIL_DIR: join(dir, 'mail'), TEMPORAL_TASK_QUEUE: 'scale', OUTBOX_POLL_MS: '200' },
    workerEnv: {
      WORKER_MAX_CACHED_WORKFLOWS: String(SCALE_WORKERS.maxCachedWorkflows),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${SCALE_WORKERS.heapMiB}`.trim(),
    },
    log,
  });
  const db = await openDatabase(url, { poolSize: 4 });
  const connection = await Connection.connect({ address: system.temporal.address });
  const client = new Client({ connection, namespace: system.temporal.namespace });
  const rss = new RssSampler(() => [
    ...Object.values(system.temporal.services).map((s): [string, number | undefined] => [
      `temporal ${s.name}`,
      s.pid(),
    ]),
    ...[...system.workers, ...system.apis].map((p): [string, number | undefined] => [p.name, p.pid()]),
  ]);
  rss.start();
  return {
    system,
    db,
    client,
    rss,
    logDir: join(dir, 'cluster', 'logs'),
    async sizes() {
      const rows: Array<{ datname: string; bytes: string }> = await db.query(
        `SELECT datname, pg_database_size(datname)::text AS bytes FROM pg_database
          WHERE datname IN ('mentorflow', 'temporal', 'temporal_visibility') ORDER BY datname`,
      );
      return new Map(rows.map((r) => [r.datname, Number(r.bytes)]));
    },
    async stop() {
      rss.stop();
      await connection.close();
      await db.destroy();
      await system.stop();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
