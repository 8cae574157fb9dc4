import { cachedCliPath, findTemporalCli, TEMPORAL_CLI_MODULE } from '../../../libs/platform/src/index.js';
import { provideTemporal } from '../../../libs/platform/src/index.js';

/**
 * `npm run temporal:install`: makes sure a Temporal CLI is at hand (building it with Go when needed)
 * and that it really serves, so CI and first-time users pay the build once, as a visible step.
 */
async function main(): Promise<void> {
  const found = findTemporalCli(process.env);
  if (found) process.stdout.write(`Temporal CLI found: ${found}\n`);
  else process.stdout.write(`No Temporal CLI yet; building ${TEMPORAL_CLI_MODULE} into ${cachedCliPath()}\n`);
  const server = await provideTemporal({
    dbFile: null,
    port: 0,
    uiPort: null,
    env: { ...process.env, TEMPORAL_ADDRESS: '' },
  });
  process.stdout.write(`Temporal server check passed (${server.source})\n`);
  await server.stop();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
