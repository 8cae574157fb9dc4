import { NativeConnection } from '@temporalio/worker';
import { loadConfig, requireDatabaseUrl, requireTemporalAddress } from '../../../libs/platform/src/index.js';
import { openDatabase } from '../../../libs/persistence/src/index.js';
import { createMentorflowWorker } from './worker.js';

/** The worker on its own (compose stack, production): DATABASE_URL and TEMPORAL_ADDRESS are required. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(requireDatabaseUrl(config));
  const connection = await NativeConnection.connect({ address: requireTemporalAddress(config) });
  const worker = await createMentorflowWorker({ connection, namespace: config.temporalNamespace, db, taskQueue: config.taskQueue });
  process.once('SIGTERM', () => worker.shutdown());
  process.once('SIGINT', () => worker.shutdown());
  await worker.run();
  await connection.close();
  await db.destroy();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
