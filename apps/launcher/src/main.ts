import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiApp } from '../../api/src/create-app.js';
import { createMentorflowWorker } from '../../worker/src/worker.js';
import { jsonWorkerLogger } from '../../worker/src/json-log.js';
import { startMail } from '../../worker/src/mail/mail-service.js';
import { DEFAULT_PROGRAM_TIMINGS } from '../../../libs/contracts/src/index.js';
import { issueToken, openDatabase, TokenQueries } from '../../../libs/persistence/src/index.js';
import { createMetrics, dataDir, loadConfig, provideTemporal } from '../../../libs/platform/src/index.js';
import { provideDatabase } from './local-database.js';
import { DEMO_PROGRAM, seedDemo } from '../../cli/src/demo.js';

const log = (line: string) => process.stdout.write(`[mentorflow] ${line}\n`);

/** The demo company and program are seeded unless `npm start -- --no-demo` or MENTORFLOW_DEMO=off. */
function demoWanted(): boolean {
  const env = process.env.MENTORFLOW_DEMO?.trim().toLowerCase();
  if (env !== undefined && env !== '' && env !== 'on' && env !== 'off')
    throw new Error(`MENTORFLOW_DEMO must be "on" or "off", got "${process.env.MENTORFLOW_DEMO}"`);
  return !process.argv.includes('--no-demo') && env !== 'off';
}

/** Seeds through the API it just started, as the CLI would; a failure is reported, not fatal. */
async function seedDemoInBackground(port: number): Promise<void> {
  process.env.MENTORFLOW_URL ??= `http://127.0.0.1:${port}`;
  try {
    const demo = await seedDemo((step) => log(`Demo: ${step}`));
    if (demo.created)
      log(
        `Demo: program "${DEMO_PROGRAM}" in EXECUTION with ${demo.mentorships} mentorships (turn off with --no-demo).`,
      );
    else log(`Demo: program "${DEMO_PROGRAM}" already seeded.`);
    log(`Demo: sign in to the dashboard as its owner with this token: ${demo.ownerToken}`);
  } catch (e) {
    log(`Demo: not seeded (${e instanceof Error ? e.message : String(e)}); the system runs without it.`);
  }
}

/**
 * `npm start`: the whole system on one machine — Postgres (DATABASE_URL or embedded), Temporal
 * (TEMPORAL_ADDRESS or an embedded dev server keeping its state in .data/temporal.sqlite), the
 * worker and the API in this process.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  demoWanted(); // a bad MENTORFLOW_DEMO stops the start here, before anything runs
  const database = await provideDatabase(config, log);
  const temporalServer = await provideTemporal({
    dbFile: join(dataDir(), 'temporal.sqlite'),
    port: config.temporalPort,
    uiPort: config.temporalUiPort,
    log,
  });
  const db = await openDatabase(database.url);
  await printFirstAdminToken(db, config.security.tokenTtlDays);

  // Worker logs as JSON lines like the API's; WARN keeps the start-up output readable.
  Runtime.install({ logger: jsonWorkerLogger('WARN') });
  const workerConnection = await NativeConnection.connect({ address: temporalServer.address });
  // One registry for the whole local system: the API's /metrics shows the worker's counters too.
  const metrics = createMetrics('api');
  const worker = await createMentorflowWorker({
    connection: workerConnection,
    namespace: temporalServer.namespace,
    db,
    taskQueue: config.taskQueue,
    metrics,
    mailFrom: config.mailFrom,
    publicUrl: config.security.publicUrl,
  });
  const workerRun = worker.run();
  const mail = startMail(db, config, metrics, log);

  const connection = await Connection.connect({ address: temporalServer.address });
  const temporal = new Client({ connection, namespace: temporalServer.namespace });
  const app = await createApiApp({
    db,
    temporal,
    taskQueue: config.taskQueue,
    programTimings: DEFAULT_PROGRAM_TIMINGS,
    metrics,
    idempotencyStaleAfterSeconds: config.idempotencyStaleAfterSeconds,
    updateBounds: { timeoutMs: config.updateTimeoutMs, slowAfterMs: config.updateSlowAfterMs },
    security: config.security,
  });
  await app.listen(config.httpPort, '127.0.0.1');

  log(`Postgres:    ${database.source}`);
  log(`Temporal:    ${temporalServer.address} (${temporalServer.source})`);
  log(`API:         http://127.0.0.1:${config.httpPort}`);
  log(`API docs:    http://127.0.0.1:${config.httpPort}/docs`);
  log(`Temporal UI: ${temporalServer.uiUrl ?? 'not started here (external cluster)'}`);
  log(`Mail:        ${mail.sender.describe()}`);
  log(`Dashboard:   http://127.0.0.1:${config.httpPort}/dashboard`);
  log('Ready. Ctrl-C stops everything.');
  if (demoWanted()) void seedDemoInBackground(config.httpPort);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    await app.close();
    // The Temporal runtime also reacts to SIGINT/SIGTERM by shutting workers down itself.
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun.catch(() => undefined);
    await mail.stop();
    await connection.close();
    await workerConnection.close();
    await db.destroy();
    await temporalServer.stop();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await workerRun;
}

/**
 * On the very first start there is no token at all: issue an admin one so a person can begin. A
 * saved admin token that has since expired or been revoked is replaced the same way (local use).
 */
async function printFirstAdminToken(db: Awaited<ReturnType<typeof openDatabase>>, ttlDays: number): Promise<void> {
  const file = join(dataDir(), 'admin-token');
  const rows: Array<{ n: string }> = await db.query('SELECT count(*) AS n FROM api_tokens');
  const saved = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  const savedWorks = saved !== '' && (await new TokenQueries(db).authenticate(saved)) !== null;
  if (Number(rows[0]?.n ?? 0) > 0 && (saved === '' || savedWorks)) return;
  const issued = await issueToken(db, {
    personId: 'admin',
    displayName: 'Administrator',
    email: null,
    roles: ['hr-admin', 'owner', 'operator'],
    label: 'first admin',
    ttlDays,
  });
  mkdirSync(dataDir(), { recursive: true });
  writeFileSync(file, issued.token + '\n');
  chmodSync(file, 0o600);
  log(`Admin token (roles hr-admin, owner, operator; valid until ${issued.expiresAt}), also saved in ${file}:`);
  log(`  ${issued.token}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`[mentorflow] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
