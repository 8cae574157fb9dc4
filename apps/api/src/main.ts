import { Client, Connection } from '@temporalio/client';
import { DEFAULT_PROGRAM_TIMINGS } from '../../../libs/contracts/src/index.js';
import { openDatabase } from '../../../libs/persistence/src/index.js';
import {
  loadConfig,
  requireDatabaseUrl,
  requireTemporalAddress,
  temporalConnectionOptions,
} from '../../../libs/platform/src/index.js';
import { createApiApp } from './create-app.js';

/** The API on its own (compose stack, production): DATABASE_URL and TEMPORAL_ADDRESS are required. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(requireDatabaseUrl(config));
  const connection = await Connection.connect(temporalConnectionOptions(config, requireTemporalAddress(config)));
  const temporal = new Client({ connection, namespace: config.temporalNamespace });
  const app = await createApiApp(
    {
      db,
      temporal,
      taskQueue: config.taskQueue,
      programTimings: DEFAULT_PROGRAM_TIMINGS,
      idempotencyStaleAfterSeconds: config.idempotencyStaleAfterSeconds,
      updateBounds: { timeoutMs: config.updateTimeoutMs, slowAfterMs: config.updateSlowAfterMs },
      security: config.security,
    },
    { trustProxyHops: config.trustProxyHops },
  );
  await app.listen(config.httpPort, '0.0.0.0');
  process.stdout.write(`mentorflow API on http://0.0.0.0:${config.httpPort} (docs at /docs)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
