import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TLSConfig } from '@temporalio/client';
import {
  CLUSTER_SERVICES,
  writeClusterConfig,
  type ClusterService,
  type TemporalClusterOptions,
} from './temporal-cluster-config.js';
import { urlOf, waitForClusterMetadata } from './temporal-cluster-database.js';
import { waitForCluster } from './temporal-cluster-probe.js';
import { stopChild, type TemporalTarget } from './temporal-server.js';

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
  mkdirSync(logDir, { recursive: true });
  const frontendPort = await writeClusterConfig(options, configDir);
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
