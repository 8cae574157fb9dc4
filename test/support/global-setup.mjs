// Runs in plain Node (Jest does not apply its module mapping here), so it uses the compiled
// platform module: `npm run test:int` builds first. Same module as `npm start` uses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, provideTemporal, startEmbeddedPostgres } from '../../dist/libs/platform/src/index.js';

/**
 * Provisions the real services once per test run: an embedded Postgres (or the server of
 * TEST_DATABASE_ADMIN_URL) and a Temporal server found or provisioned like `npm start` does. If one
 * cannot be had, the run fails here, loudly: no test is ever skipped for lack of a service.
 */
export default async function globalSetup() {
  const log = (line) => process.stderr.write(`[test services] ${line}\n`);
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? null;
  let stopPostgres = async () => undefined;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'mentorflow-test-pg-'));
    const pg = await startEmbeddedPostgres({ dir, port: await freePort(), log });
    adminUrl = pg.adminUrl;
    stopPostgres = () => pg.stop();
    log(`embedded Postgres on port ${pg.port} (${dir})`);
  }
  const temporal = await provideTemporal({
    dbFile: null,
    port: 0,
    uiPort: null,
    log,
    // A small threshold lets a test reach continue-as-new in seconds (production keeps the default).
    dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 60 },
  });
  process.env.MENTORFLOW_TEST_SERVICES = JSON.stringify({
    pgAdminUrl: adminUrl,
    temporalAddress: temporal.address,
    temporalNamespace: temporal.namespace,
  });
  globalThis.__mentorflowStop = async () => {
    await temporal.stop();
    await stopPostgres();
  };
}
