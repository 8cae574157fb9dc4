// The cluster tier's services: an embedded Postgres and the real Temporal server as four service
// processes (frontend, history, matching, worker) on it — the same code as `npm run cluster`, from
// the compiled platform module (`npm run test:cluster` builds first). The int and e2e suites named in
// jest.cluster.config.js then run against it unchanged; nothing is skipped if it cannot start.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  clusterDatabaseFromUrl,
  freePort,
  installTemporalServer,
  setupTemporalSchemas,
  startEmbeddedPostgres,
  startTemporalCluster,
} from '../../../dist/libs/platform/src/index.js';

export default async function globalSetup() {
  const log = (line) => process.stderr.write(`[cluster services] ${line}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'mentorflow-test-cluster-'));
  chmodSync(dir, 0o755); // Postgres runs as its own OS user and must reach its folder inside
  const pg = await startEmbeddedPostgres({ dir: join(dir, 'postgres'), port: await freePort(), log });
  const database = clusterDatabaseFromUrl(pg.adminUrl);
  const install = installTemporalServer(process.env, log);
  await setupTemporalSchemas(install, database, log);
  const cluster = await startTemporalCluster({
    install,
    database,
    dir: join(dir, 'temporal'),
    historyShards: 4,
    // As on the int tier's dev server: a test reaches continue-as-new in seconds.
    dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 60 },
    log,
  });
  process.env.MENTORFLOW_TEST_SERVICES = JSON.stringify({
    pgAdminUrl: pg.adminUrl,
    temporalAddress: cluster.address,
    temporalNamespace: cluster.namespace,
  });
  globalThis.__mentorflowStop = async () => {
    await cluster.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
