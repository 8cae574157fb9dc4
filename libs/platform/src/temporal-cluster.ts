import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, existsSync, mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Connection, type TLSConfig } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import pg from 'pg';
import { cacheDir } from './project-paths.js';
import { ensureDatabase } from './embedded-postgres.js';
import { isExecutable } from './temporal-cli.js';
import { stopChild, type TemporalTarget } from './temporal-server.js';

/** The real Temporal server, built from its official Go module (its go.mod has no `replace`, so go install works). */
export const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';

export const CLUSTER_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type ClusterService = (typeof CLUSTER_SERVICES)[number];

export interface TemporalServerInstall {
  server: string;
  sqlTool: string;
  /** schema/postgresql/v12 of the module: `temporal/` and `visibility/`, each with `versioned/`. */
  schemaDir: string;
}

export const serverInstallDir = (): string => join(cacheDir(), `temporal-server-${TEMPORAL_SERVER_VERSION}`);

/**
 * The server and its schema tool from the cache, built with Go on first use (about 4 minutes on two
 * cores), plus the Postgres schema files copied out of the module. There is no fallback: without Go
 * and the module proxy this fails, naming what to do.
 */
export function installTemporalServer(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): TemporalServerInstall {
  const dir = serverInstallDir();
  const install = {
    server: join(dir, 'bin', 'server'),
    sqlTool: join(dir, 'bin', 'sql'),
    schemaDir: join(dir, 'schema', 'postgresql', 'v12'),
  };
  if (isExecutable(install.server) && isExecutable(install.sqlTool) && existsSync(join(install.schemaDir, 'temporal')))
    return install;
  const go = spawnSync('go', ['version'], { env, encoding: 'utf8' });
  if (go.status !== 0)
    throw new Error(
      `the Temporal server is not in ${dir} and Go is not installed to build it: install Go, or run a cluster ` +
        'elsewhere and point TEMPORAL_ADDRESS at it',
    );
  const goEnv = { ...env, CGO_ENABLED: '0', GOBIN: join(dir, 'bin') };
  for (const pkg of ['cmd/server', 'cmd/tools/sql']) {
    const module = `${TEMPORAL_SERVER_MODULE}/${pkg}@${TEMPORAL_SERVER_VERSION}`;
    log(`Building ${module} with ${go.stdout.trim()} (first run only; several minutes)…`);
    const built = spawnSync('go', ['install', module], { env: goEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    if (built.status !== 0) throw new Error(`go install ${module} failed (exit ${built.status ?? built.signal})`);
  }
  // The schema files are not in the binaries: take them from the module go just downloaded.
  const download = spawnSync(
    'go',
    ['mod', 'download', '-json', `${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`],
    {
      env: goEnv,
      encoding: 'utf8',
    },
  );
  if (download.status !== 0) throw new Error(`go mod download ${TEMPORAL_SERVER_MODULE} failed: ${download.stderr}`);
  const moduleDir = (JSON.parse(download.stdout) as { Dir: string }).Dir;
  mkdirSync(dirname(install.schemaDir), { recursive: true });
  cpSync(join(moduleDir, 'schema', 'postgresql', 'v12'), install.schemaDir, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', join(dir, 'schema')]);
  log(`Temporal server ${TEMPORAL_SERVER_VERSION} built in ${dir}`);
  return install;
}

/** Where Temporal keeps its two databases (the server of DATABASE_URL, or the embedded Postgres). */
export interface ClusterDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Database names; distinct names let several clusters share one Postgres server. */
  temporal: string;
  visibility: string;
}

/** The same server and credentials as a postgres:// URL, with Temporal's two database names. */
export function clusterDatabaseFromUrl(url: string, prefix = 'temporal'): ClusterDatabase {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    temporal: prefix,
    visibility: `${prefix}_visibility`,
  };
}

const urlOf = (db: ClusterDatabase, name: string) =>
  `postgres://${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}@${db.host}:${db.port}/${name}`;

/** Creates both databases and applies the module's schemas (set-up once, then update-schema, which is idempotent). */
export async function setupTemporalSchemas(
  install: TemporalServerInstall,
  db: ClusterDatabase,
  log: (line: string) => void,
): Promise<void> {
  for (const [name, schema] of [
    [db.temporal, 'temporal'],
    [db.visibility, 'visibility'],
  ] as const) {
    await ensureDatabase(urlOf(db, 'postgres'), name);
    const tool = (...args: string[]) => {
      const run = spawnSync(
        install.sqlTool,
        ['--plugin', 'postgres12', '--ep', db.host, '-p', String(db.port), '-u', db.user, '--pw', db.password]
          .concat(['--db', name, '--quiet'])
          .concat(args),
        { encoding: 'utf8' },
      );
      if (run.status !== 0)
        throw new Error(`temporal sql tool ${args[0]} on ${name} failed: ${run.stderr || run.stdout}`);
    };
    if (!(await hasTable(urlOf(db, name), 'schema_version'))) {
      log(`Temporal: setting up the ${schema} schema in database ${name}`);
      tool('setup-schema', '-v', '0.0');
    }
    tool('update-schema', '-d', join(install.schemaDir, schema, 'versioned'));
  }
}

/** The frontend requires client certificates; the system worker and the frontend's own client present one. */
function frontendTlsSection(tls: ClusterTls) {
  const client = { serverName: tls.serverName, rootCaFiles: [tls.caFile] };
  return {
    frontend: {
      server: {
        certFile: tls.serverCertFile,
        keyFile: tls.serverKeyFile,
        clientCaFiles: [tls.caFile],
        requireClientAuth: true,
      },
      client,
    },
    systemWorker: { certFile: tls.clientCertFile, keyFile: tls.clientKeyFile, client },
  };
}

async function waitForClusterMetadata(url: string, alive: () => void): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    alive();
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const rows = await client.query('SELECT 1 FROM cluster_metadata_info LIMIT 1');
      if ((rows.rowCount ?? 0) > 0) return;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the Temporal history service did not write the cluster metadata within 60 s');
}

async function hasTable(url: string, table: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM information_schema.tables WHERE table_name = $1', [table]);
    return (found.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

export interface TemporalClusterOptions {
  install: TemporalServerInstall;
  database: ClusterDatabase;
  /** Config, dynamic config and one log file per service are written here. */
  dir: string;
  /** Fixed when the database is first used: Temporal refuses a different count later. */
  historyShards: number;
  /** Frontend gRPC port; 0 picks a free one. */
  frontendPort?: number;
  namespace?: string;
  /** Temporal dynamic config keys (e.g. persistence QPS, continue-as-new thresholds). */
  dynamicConfig?: Record<string, unknown>;
  /** Connections each service process may open to each store (4 processes share one Postgres). */
  maxConnsPerService?: number;
  /** mTLS on the frontend: clients must present a certificate signed by `caFile`. */
  frontendTls?: ClusterTls;
  log?: (line: string) => void;
}

/** PEM files: the frontend's certificate and key, the CA of client certificates, and a client pair for the cluster's own calls. */
export interface ClusterTls {
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  /** The name in the server certificate. */
  serverName: string;
}

export interface ClusterServiceHandle {
  name: ClusterService;
  pid(): number | undefined;
  /** Sends the signal to the service's process (SIGKILL for the fault drills). */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Starts the process again with the same configuration and ports. */
  start(): void;
}

export interface TemporalCluster extends TemporalTarget {
  services: Record<ClusterService, ClusterServiceHandle>;
  logDir: string;
  /** Resolves once the frontend, history and matching answer again (after a drill). */
  waitUntilServing(timeoutMs?: number): Promise<void>;
}

/**
 * Starts frontend, history, matching and worker as four processes of the real server, each with its
 * own gRPC and membership ports on loopback; they find each other through the membership table in
 * Postgres. Then registers the namespace and waits until a request reaches history and matching.
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const namespace = options.namespace ?? 'default';
  const configDir = join(options.dir, 'config');
  const logDir = join(options.dir, 'logs');
  mkdirSync(configDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  const ports = await distinctPorts(options.frontendPort ? 8 : 9);
  const frontendPort = options.frontendPort || ports.pop()!;
  const rpc = (service: ClusterService) => ({
    grpcPort: service === 'frontend' ? frontendPort : ports.pop()!,
    membershipPort: ports.pop()!,
    bindOnLocalHost: true,
    ...(service === 'frontend' ? { httpPort: ports.pop()! } : {}),
  });
  const dynamicConfigFile = join(configDir, 'dynamicconfig.yaml');
  const dynamic = { 'system.namespaceCacheRefreshInterval': '2s', ...options.dynamicConfig };
  // JSON is YAML: the server reads these files with its YAML parser.
  writeFileSync(
    dynamicConfigFile,
    JSON.stringify(
      Object.fromEntries(Object.entries(dynamic).map(([key, value]) => [key, [{ value, constraints: {} }]])),
      null,
      2,
    ),
  );
  const store = (database: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName: database,
      connectAddr: `${options.database.host}:${options.database.port}`,
      connectProtocol: 'tcp',
      user: options.database.user,
      password: options.database.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const maxConns = options.maxConnsPerService ?? 10;
  const globalSection = { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } };
  const config = {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: options.historyShards,
      datastores: {
        default: store(options.database.temporal, maxConns),
        visibility: store(options.database.visibility, 2),
      },
    },
    global: globalSection,
    services: Object.fromEntries(CLUSTER_SERVICES.map((s) => [s, { rpc: rpc(s) }])),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${frontendPort}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    publicClient: { hostPort: `127.0.0.1:${frontendPort}` },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
    ...(options.frontendTls ? { global: { ...globalSection, tls: frontendTlsSection(options.frontendTls) } } : {}),
  };
  writeFileSync(join(configDir, 'cluster.yaml'), JSON.stringify(config, null, 2));

  const children = new Map<ClusterService, ChildProcess>();
  let stopping = false;
  const startService = (service: ClusterService) => {
    const out = openSync(join(logDir, `${service}.log`), 'a');
    const child = spawn(
      options.install.server,
      [
        '--root',
        options.dir,
        '--config',
        'config',
        '--env',
        'cluster',
        '--allow-no-auth',
        'start',
        '--service',
        service,
      ],
      { stdio: ['ignore', out, out] },
    );
    closeSync(out);
    children.set(service, child);
    child.once('exit', (code, signal) => {
      if (!stopping && children.get(service) === child)
        log(`Temporal ${service} exited (${code ?? signal}); its log: ${join(logDir, `${service}.log`)}`);
    });
  };
  // Never leave orphan servers behind, even when this process dies of an error.
  const killAll = () => {
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  // On a new database every service writes the cluster's metadata at start and all but one fail on
  // the duplicate: history goes first, alone, until the record exists.
  startService('history');
  try {
    await waitForClusterMetadata(urlOf(options.database, options.database.temporal), () => {
      const history = children.get('history')!;
      if (history.exitCode !== null) throw new Error(`Temporal history exited (${history.exitCode}); see ${logDir}`);
    });
  } catch (e) {
    killAll();
    throw e;
  }
  for (const service of CLUSTER_SERVICES) if (service !== 'history') startService(service);

  const address = `127.0.0.1:${frontendPort}`;
  const tls = options.frontendTls;
  const clientTls: TLSConfig | undefined = tls && {
    serverNameOverride: tls.serverName,
    serverRootCACertificate: readFileSync(tls.caFile),
    clientCertPair: { crt: readFileSync(tls.clientCertFile), key: readFileSync(tls.clientKeyFile) },
  };
  const alive = () => {
    for (const [service, child] of children)
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`Temporal ${service} exited (${child.exitCode ?? child.signalCode}); see ${logDir}`);
  };
  const stop = async () => {
    stopping = true;
    process.removeListener('exit', killAll);
    await Promise.all([...children.values()].map((child) => stopChild(child, 15_000)));
  };
  try {
    await waitForCluster(address, namespace, true, alive, 180_000, clientTls);
    // A service that died while the others answered would go unnoticed until a drill needs it.
    await new Promise((r) => setTimeout(r, 1000));
    alive();
  } catch (e) {
    await stop();
    throw e;
  }
  log(
    `Temporal cluster ready at ${address}: ${CLUSTER_SERVICES.map((s) => `${s} pid ${children.get(s)?.pid}`).join(', ')}`,
  );
  const services = Object.fromEntries(
    CLUSTER_SERVICES.map((name) => [
      name,
      {
        name,
        pid: () => children.get(name)?.pid,
        async kill(signal: NodeJS.Signals) {
          const child = children.get(name);
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill(signal);
          await exited;
        },
        start: () => startService(name),
      },
    ]),
  ) as Record<ClusterService, ClusterServiceHandle>;
  return {
    address,
    namespace,
    uiUrl: null,
    source: `cluster:${options.dir}`,
    services,
    logDir,
    waitUntilServing: (timeoutMs = 120_000) =>
      waitForCluster(address, namespace, false, () => undefined, timeoutMs, clientTls),
    stop,
  };
}

/**
 * Free loopback ports below 32768: Temporal stores membership ports in a Postgres smallint, and the
 * kernel's ephemeral range (where port 0 lands) starts above it.
 */
async function distinctPorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (!ports.has(candidate) && (await portIsFree(candidate))) ports.add(candidate);
  }
  return [...ports];
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Polls until the frontend serves, the namespace exists (registering it once), history answers a
 * read (NOT_FOUND for a workflow that does not exist means history looked) and matching describes a
 * task queue. A cold cluster on two cores needs tens of seconds for its services to join.
 */
async function waitForCluster(
  address: string,
  namespace: string,
  register: boolean,
  alive: () => void,
  timeoutMs: number,
  tls?: TLSConfig,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  let registered = !register;
  while (Date.now() < deadline) {
    alive();
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000, tls });
      try {
        const service = connection.workflowService;
        if (!registered) {
          await service
            .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('7 days') })
            .catch((e: { code?: number }) => {
              if (e.code !== 6) throw e; // ALREADY_EXISTS
            });
          registered = true;
        }
        await service.describeNamespace({ namespace });
        await service
          .getWorkflowExecutionHistory({ namespace, execution: { workflowId: 'mentorflow-cluster-probe' } })
          .catch((e: { code?: number }) => {
            if (e.code !== 5) throw e; // NOT_FOUND: history answered
          });
        await service.describeTaskQueue({
          namespace,
          taskQueue: { name: 'mentorflow-cluster-probe' },
          taskQueueType: 1,
        });
        return;
      } finally {
        await connection.close();
      }
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`the Temporal cluster at ${address} did not serve within ${timeoutMs} ms: ${String(lastError)}`);
}
