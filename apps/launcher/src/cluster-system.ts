import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  installTemporalServer,
  projectRoot,
  setupTemporalSchemas,
  startTemporalCluster,
  type ClusterDatabase,
  type ClusterTls,
  type TemporalCluster,
} from '../../../libs/platform/src/index.js';

/** One mentorflow process of the cluster (an API replica or a worker), restartable for the drills. */
export interface AppProcess {
  name: string;
  /** API replicas: their base URL. */
  url: string | null;
  pid(): number | undefined;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Starts it again (same port and settings) and waits until it is ready. */
  start(): Promise<void>;
  running(): boolean;
}

export interface ClusterSystemOptions {
  /** mentorflow's own database. */
  databaseUrl: string;
  temporalDatabase: ClusterDatabase;
  /** Temporal config and every process's log go here. */
  dir: string;
  historyShards: number;
  frontendPort?: number;
  dynamicConfig?: Record<string, unknown>;
  /** mTLS on the Temporal frontend (the app processes then need TEMPORAL_TLS_* in appEnv). */
  frontendTls?: ClusterTls;
  workers: number;
  /** One port per API replica (0 = a free one). */
  apiPorts: number[];
  /** Extra environment for the api and worker processes (SMTP_URL, MAIL_DIR, TEMPORAL_TASK_QUEUE…). */
  appEnv?: NodeJS.ProcessEnv;
  /** Extra environment for the worker processes alone (their cache and heap: WORKER_MAX_CACHED_WORKFLOWS, NODE_OPTIONS). */
  workerEnv?: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export interface ClusterSystem {
  temporal: TemporalCluster;
  workers: AppProcess[];
  apis: AppProcess[];
  stop(): Promise<void>;
}

/**
 * The cluster mode: the real Temporal server as four service processes on Postgres, then N worker
 * and M API processes of the same build as production (dist/apps/*), each its own OS process. Used
 * by `npm run cluster`, the cluster test tier and the scale benchmark.
 */
export async function startClusterSystem(options: ClusterSystemOptions): Promise<ClusterSystem> {
  const install = installTemporalServer(process.env, options.log);
  await setupTemporalSchemas(install, options.temporalDatabase, options.log);
  const temporal = await startTemporalCluster({
    install,
    database: options.temporalDatabase,
    dir: options.dir,
    historyShards: options.historyShards,
    frontendPort: options.frontendPort,
    dynamicConfig: options.dynamicConfig,
    frontendTls: options.frontendTls,
    log: options.log,
  });
  const logDir = join(options.dir, 'logs');
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace,
    ...options.appEnv,
  };
  const workers: AppProcess[] = [];
  const apis: AppProcess[] = [];
  try {
    for (let i = 1; i <= options.workers; i++) {
      const env = {
        ...options.workerEnv,
        WORKER_METRICS_PORT: String(await freePort()),
        SDK_METRICS_PORT: String(await freePort()),
      };
      workers.push(
        appProcess(`worker-${i}`, 'dist/apps/worker/src/main.js', { ...common, ...env }, logDir, null, options.log),
      );
    }
    for (const [i, wanted] of options.apiPorts.entries()) {
      const port = wanted || (await freePort());
      const url = `http://127.0.0.1:${port}`;
      apis.push(
        appProcess(
          `api-${i + 1}`,
          'dist/apps/api/src/main.js',
          { ...common, PORT: String(port) },
          logDir,
          url,
          options.log,
        ),
      );
    }
    // All at once: the migrations run under an advisory lock, so concurrent starts are safe.
    await Promise.all([...workers, ...apis].map((p) => p.start()));
  } catch (e) {
    await Promise.all([...apis, ...workers].map((p) => p.kill('SIGKILL')));
    await temporal.stop();
    throw e;
  }
  return {
    temporal,
    workers,
    apis,
    async stop() {
      await Promise.all(apis.map((p) => p.kill('SIGTERM')));
      await Promise.all(workers.map((p) => p.kill('SIGTERM')));
      await temporal.stop();
    },
  };
}

/** Ready = an API answers /health; a worker printed that its mail transport is set (after it connected). */
function appProcess(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  url: string | null,
  log: (line: string) => void,
): AppProcess {
  mkdirSync(logDir, { recursive: true });
  let child: ChildProcess | null = null;
  let ready = false;
  let stopped = false;
  const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
  const killOnExit = () => child?.kill('SIGKILL');
  return {
    name,
    url,
    pid: () => child?.pid,
    running: () => !exited(),
    async kill(signal) {
      stopped = true;
      if (exited()) return;
      const gone = new Promise((r) => child!.once('exit', r));
      child!.kill(signal);
      const force = setTimeout(() => child?.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(force);
    },
    async start() {
      const out = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
      ready = false;
      stopped = false;
      const current = spawn(process.execPath, [join(projectRoot(), script)], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = current;
      process.once('exit', killOnExit);
      current.stdout?.on('data', (chunk: Buffer) => {
        out.write(chunk);
        if (!url && chunk.toString().includes('mail goes to')) ready = true;
      });
      current.stderr?.on('data', (chunk: Buffer) => out.write(chunk));
      current.once('exit', (code, signal) => {
        process.removeListener('exit', killOnExit);
        out.end();
        if (!stopped && code !== 0) log(`${name} exited (${code ?? signal}); its log: ${join(logDir, `${name}.log`)}`);
      });
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        if (exited()) throw new Error(`${name} exited while starting; see ${join(logDir, `${name}.log`)}`);
        if (url) ready = (await fetch(`${url}/health`).catch(() => null))?.ok === true;
        if (ready) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${name} was not ready within 120 s; see ${join(logDir, `${name}.log`)}`);
    },
  };
}
