import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Connection } from '@temporalio/client';
import { cacheDir } from './project-paths.js';
import { buildTemporalCliWithGo, findTemporalCli, TEMPORAL_CLI_MODULE } from './temporal-cli.js';

export interface TemporalTarget {
  address: string;
  namespace: string;
  /** Web UI of an embedded dev server, when one was started with it. */
  uiUrl: string | null;
  /** How the server was found: `TEMPORAL_ADDRESS`, `cli:<path>`, `built:<path>` or `sdk-download`. */
  source: string;
  stop(): Promise<void>;
}

export interface ProvideTemporalOptions {
  /** SQLite file that keeps workflows across restarts; null = in memory (tests). */
  dbFile: string | null;
  /** gRPC port; 0 picks a free one. */
  port: number;
  /** Web UI port; null = headless. */
  uiPort: number | null;
  /** Extra `--dynamic-config-value key=value` pairs for the dev server (e.g. history limits in tests). */
  dynamicConfig?: Record<string, string | number | boolean>;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/**
 * Finds or provisions a real Temporal server, in this order: `TEMPORAL_ADDRESS` → a `temporal` CLI
 * from `TEMPORAL_CLI_PATH`, `PATH` or the cache → build the CLI with Go into the cache → the SDK's
 * own download. Used by `npm start` and by the tests alike; it never silently falls back to a fake.
 */
export async function provideTemporal(options: ProvideTemporalOptions): Promise<TemporalTarget> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const namespace = env.TEMPORAL_NAMESPACE ?? 'default';
  if (env.TEMPORAL_ADDRESS) {
    return {
      address: env.TEMPORAL_ADDRESS,
      namespace,
      uiUrl: null,
      source: 'TEMPORAL_ADDRESS',
      stop: async () => undefined,
    };
  }
  const attempts: string[] = [];
  let cli = findTemporalCli(env, attempts);
  let source = cli ? `cli:${cli}` : '';
  if (!cli) {
    cli = buildTemporalCliWithGo(env, log, attempts);
    if (cli) source = `built:${cli}`;
  }
  if (cli) return startDevServer(cli, source, namespace, options, log);
  try {
    return await startWithSdkDownload(namespace, options, log);
  } catch (e) {
    attempts.push(`the SDK's download of the Temporal CLI failed: ${(e as Error).message}`);
  }
  throw new Error(
    [
      'No Temporal server could be found or provisioned. Tried:',
      ...attempts.map((a) => `  - ${a}`),
      'Fix one of these: set TEMPORAL_ADDRESS to a running cluster; or install the Temporal CLI and put it on PATH',
      '(or set TEMPORAL_CLI_PATH); or install Go so that mentorflow can build it with',
      `  CGO_ENABLED=0 go install ${TEMPORAL_CLI_MODULE}`,
    ].join('\n'),
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function startDevServer(
  cli: string,
  source: string,
  namespace: string,
  options: ProvideTemporalOptions,
  log: (line: string) => void,
): Promise<TemporalTarget> {
  const port = options.port || (await freePort());
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    namespace,
    '--log-level',
    'error',
  ];
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  // Never leave an orphan server behind, even when this process dies of an error.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const address = `127.0.0.1:${port}`;
  await waitUntilServing(address, child, () => stderr, 60_000);
  log(
    `Temporal dev server ready at ${address} (${source}${options.dbFile ? `, data in ${options.dbFile}` : ', in memory'})`,
  );
  return {
    address,
    namespace,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    source,
    stop: () => stopChild(child),
  };
}

/** The SDK gives a server it spawns 5 s; a cold dev server on 2 cores can need more, so we poll longer. */
async function waitUntilServing(
  address: string,
  child: ChildProcess,
  stderr: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the Temporal dev server exited (${child.exitCode ?? child.signalCode}) before serving:\n${stderr()}`,
      );
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill('SIGKILL');
  throw new Error(
    `the Temporal dev server did not answer at ${address} within ${timeoutMs} ms: ${String(lastError)}\n${stderr()}`,
  );
}

/** SIGTERM, then SIGKILL if it has not exited within the grace period. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function startWithSdkDownload(
  namespace: string,
  options: ProvideTemporalOptions,
  log: (line: string) => void,
): Promise<TemporalTarget> {
  log('Trying the Temporal SDK download of the CLI (needs internet access)…');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      namespace,
      ip: '127.0.0.1',
      ...(options.port ? { port: options.port } : {}),
      ...(options.dbFile ? { dbFilename: options.dbFile } : {}),
      ...(options.uiPort ? { ui: true, uiPort: options.uiPort } : {}),
      executable: { type: 'cached-download', downloadDir: join(cacheDir(), 'sdk-download') },
    },
  });
  return {
    address: env.address,
    namespace,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    source: 'sdk-download',
    stop: () => env.teardown(),
  };
}
