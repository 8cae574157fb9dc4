import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { ClusterDatabase } from './temporal-cluster-database.js';
import type { TemporalServerInstall } from './temporal-server-install.js';

export const CLUSTER_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type ClusterService = (typeof CLUSTER_SERVICES)[number];

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

/**
 * Writes the server's static config (`config/cluster.yaml`: one store on the Temporal database, one
 * on visibility, each service's gRPC and membership ports on loopback) and its dynamic config, and
 * returns the frontend's port.
 */
export async function writeClusterConfig(options: TemporalClusterOptions, configDir: string): Promise<number> {
  mkdirSync(configDir, { recursive: true });
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
  return frontendPort;
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
