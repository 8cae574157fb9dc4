import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterDatabaseFromUrl, freePort, projectRoot, type ClusterTls } from '../../libs/platform/src/index.js';
import { startClusterSystem, type ClusterSystem } from '../../apps/launcher/src/cluster-system.js';
import { tokenFor } from '../support/api.js';
import { createTestDatabase, eventually, testServices } from '../support/services.js';
import { aDraft } from '../support/programs.js';
import type { DataSource } from 'typeorm';

/**
 * The Temporal client settings against a real frontend that requires mTLS: the api and the worker,
 * configured only through TEMPORAL_TLS_* variables, run a program; a process without a client
 * certificate is refused by the server, and one with an unreadable file stops at start-up.
 */
const dir = mkdtempSync(join(tmpdir(), 'mentorflow-tls-'));
chmodSync(dir, 0o755);
const file = (name: string) => join(dir, name);
let system: ClusterSystem | undefined;
let db: DataSource;
let url = '';

/** A CA, a frontend certificate for frontend.test and 127.0.0.1, and a client certificate, made with openssl. */
function makeCertificates(): ClusterTls {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=mentorflow test CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
  );
  // X.509 v3 (extensions on every certificate): the SDK's TLS stack (rustls) refuses v1 certificates.
  writeFileSync(file('server.ext'), 'subjectAltName=DNS:frontend.test,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  writeFileSync(file('client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const name of ['server', 'client']) {
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      file(`${name}.key`),
      '-out',
      file(`${name}.csr`),
    );
    ssl(
      'x509',
      '-req',
      '-in',
      file(`${name}.csr`),
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      file(`${name}.pem`),
      '-extfile',
      file(`${name}.ext`),
    );
  }
  return {
    caFile: file('ca.pem'),
    serverCertFile: file('server.pem'),
    serverKeyFile: file('server.key'),
    clientCertFile: file('client.pem'),
    clientKeyFile: file('client.key'),
    serverName: 'frontend.test',
  };
}

beforeAll(async () => {
  const tls = makeCertificates();
  ({ db, url } = await createTestDatabase('tls'));
  try {
    system = await startClusterSystem({
      databaseUrl: url,
      temporalDatabase: clusterDatabaseFromUrl(testServices().pgAdminUrl, 'temporal_tls'),
      dir: join(dir, 'cluster'),
      historyShards: 2,
      frontendTls: tls,
      workers: 1,
      apiPorts: [0],
      appEnv: {
        TEMPORAL_TASK_QUEUE: 'tls',
        TEMPORAL_TLS_CA_FILE: tls.caFile,
        TEMPORAL_TLS_CERT_FILE: tls.clientCertFile,
        TEMPORAL_TLS_KEY_FILE: tls.clientKeyFile,
        TEMPORAL_TLS_SERVER_NAME: tls.serverName,
      },
      log: (line) => process.stderr.write(`[tls] ${line}\n`),
    });
  } catch (e) {
    const logs = join(dir, 'cluster', 'logs');
    const tails = readdirSync(logs).map((f) => `--- ${f}\n${readFileSync(join(logs, f), 'utf8').slice(-1500)}`);
    throw new Error(`${String(e)}\n${tails.join('\n')}`, { cause: e });
  }
});
afterAll(async () => {
  await system?.stop();
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the API process with the given Temporal settings; resolves with its status or its exit. */
async function apiWith(env: NodeJS.ProcessEnv): Promise<{ ready: number | null; exit: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(projectRoot(), 'dist/apps/api/src/main.js')], {
    env: { ...process.env, DATABASE_URL: url, TEMPORAL_ADDRESS: system!.temporal.address, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const ready = await eventually(async () => {
      if (child.exitCode !== null) return -1;
      return (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status;
    }, 30_000);
    return { ready: ready === -1 ? null : ready, exit: stderr };
  } finally {
    child.kill('SIGKILL');
  }
}

describe('Temporal client over mTLS (a frontend that requires client certificates)', () => {
  it('runs a program through the api and the worker configured by TEMPORAL_TLS_* alone', async () => {
    const draft = aDraft();
    const api = system!.apis[0].url!;
    expect((await fetch(`${api}/health/ready`)).status).toBe(200);
    const owner = await tokenFor(db, 'owner-1', ['owner']);
    await tokenFor(db, draft.sponsorId, ['sponsor']);
    const res = await fetch(`${api}/programs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: draft.name, sponsorId: draft.sponsorId, objectives: draft.objectives }),
    });
    const body = (await res.json()) as { phase: string };
    expect([res.status, body.phase, body]).toEqual([201, 'LAUNCH_PLANNING', body]);
  }, 120_000);

  it('is refused by the server without a client certificate, and stopped at start-up by an unreadable one', async () => {
    const noCertificate = await apiWith({
      TEMPORAL_TLS_CA_FILE: file('ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'frontend.test',
    });
    // The API connects to Temporal at start: the server refuses the handshake and the process stops.
    expect(noCertificate.ready).toBeNull();
    expect(noCertificate.exit).toMatch(/Failed to connect/);
    const badFile = await apiWith({
      TEMPORAL_TLS_CERT_FILE: file('missing.pem'),
      TEMPORAL_TLS_KEY_FILE: file('client.key'),
    });
    expect(badFile.ready).toBeNull();
    expect(badFile.exit).toMatch(/TEMPORAL_TLS_CERT_FILE must name a readable file/);
  }, 120_000);
});
