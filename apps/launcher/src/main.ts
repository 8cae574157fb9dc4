import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { join } from 'node:path';
import { createApiApp } from '../../api/src/create-app.js';
import { createMentorflowWorker } from '../../worker/src/worker.js';
import { jsonWorkerLogger } from '../../worker/src/json-log.js';
import { startMail } from '../../worker/src/mail/mail-service.js';
import { DEFAULT_PROGRAM_TIMINGS } from '../../../libs/contracts/src/index.js';
import { openDatabase } from '../../../libs/persistence/src/index.js';
import {
  createMetrics,
  dataDir,
  loadConfig,
  provideTemporal,
  temporalConnectionOptions,
} from '../../../libs/platform/src/index.js';
import { provideDatabase } from './local-database.js';
import { demoWanted, log, printFirstAdminToken, seedDemoInBackground } from './start-up.js';

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
  const workerConnection = await NativeConnection.connect(temporalConnectionOptions(config, temporalServer.address));
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
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
  });
  const workerRun = worker.run();
  const mail = startMail(db, config, metrics, log);

  const connection = await Connection.connect(temporalConnectionOptions(config, temporalServer.address));
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

main().catch((e: unknown) => {
  process.stderr.write(`[mentorflow] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
