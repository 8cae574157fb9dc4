import { join } from 'node:path';
import { openDatabase } from '../../../libs/persistence/src/index.js';
import { clusterDatabaseFromUrl, dataDir, loadConfig } from '../../../libs/platform/src/index.js';
import { startClusterSystem } from './cluster-system.js';
import { provideDatabase } from './local-database.js';
import { demoWanted, log, printFirstAdminToken, seedDemoInBackground } from './start-up.js';

/** Fixed when Temporal's database is first set up: the server refuses another count later. */
function historyShards(): number {
  const raw = process.env.TEMPORAL_HISTORY_SHARDS?.trim();
  const shards = raw ? Number(raw) : 4;
  if (!Number.isInteger(shards) || shards < 1 || shards > 16384)
    throw new Error(`TEMPORAL_HISTORY_SHARDS must be a whole number from 1 to 16384, got "${raw}"`);
  return shards;
}

/**
 * `npm run cluster`: the same application as `npm start`, laid out as in production. Postgres
 * (DATABASE_URL's server or the embedded one) holds mentorflow's database and Temporal's two; the
 * real Temporal server runs as four service processes; two workers and two API replicas (PORT and
 * PORT+1) run as separate processes. Ctrl-C stops everything.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const shards = historyShards();
  const seed = demoWanted();
  if (config.temporalAddress)
    throw new Error('npm run cluster starts its own Temporal cluster: unset TEMPORAL_ADDRESS (or use npm run start:*)');
  const database = await provideDatabase(config, log);
  // Migrate and issue the first token before the replicas start, so the token prints once.
  const db = await openDatabase(database.url);
  await printFirstAdminToken(db, config.security.tokenTtlDays);
  await db.destroy();
  const dir = join(dataDir(), 'cluster');
  log(`Starting the Temporal cluster (${shards} history shards; config and logs in ${dir})…`);
  const system = await startClusterSystem({
    databaseUrl: database.url,
    temporalDatabase: clusterDatabaseFromUrl(database.url),
    dir,
    historyShards: shards,
    frontendPort: config.temporalPort,
    workers: 2,
    apiPorts: [config.httpPort, config.httpPort + 1],
    appEnv: { MAIL_DIR: config.mailDir ?? join(dataDir(), 'mail') },
    log,
  });
  const t = system.temporal;
  log(`Postgres:    ${database.source} (mentorflow, temporal, temporal_visibility)`);
  log(
    `Temporal:    ${t.address}; ${Object.values(t.services)
      .map((s) => `${s.name} pid ${s.pid()}`)
      .join(', ')}`,
  );
  log(`Workers:     ${system.workers.map((w) => `${w.name} pid ${w.pid()}`).join(', ')}`);
  log(`API:         ${system.apis.map((a) => a.url).join(' and ')} (put a load balancer in front: README)`);
  log(`Dashboard:   ${system.apis[0].url}/dashboard`);
  log(`Logs:        ${t.logDir}`);
  log('Ready. Ctrl-C stops everything.');
  if (seed) void seedDemoInBackground(config.httpPort);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    await system.stop();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`[mentorflow] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
