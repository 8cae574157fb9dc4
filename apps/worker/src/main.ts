import { NativeConnection, Runtime } from '@temporalio/worker';
import { createServer } from 'node:http';
import { getHeapStatistics } from 'node:v8';
import {
  createMetrics,
  loadConfig,
  requireDatabaseUrl,
  requireTemporalAddress,
  temporalConnectionOptions,
} from '../../../libs/platform/src/index.js';
import { openDatabase } from '../../../libs/persistence/src/index.js';
import { createMentorflowWorker } from './worker.js';
import { jsonWorkerLogger } from './json-log.js';
import { startMail } from './mail/mail-service.js';

/** The worker on its own (compose stack, production): DATABASE_URL and TEMPORAL_ADDRESS are required. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(requireDatabaseUrl(config));
  // The SDK exports its own runtime metrics (task latencies, slots, polls) for Prometheus.
  Runtime.install({
    logger: jsonWorkerLogger('INFO'),
    telemetryOptions: { metrics: { prometheus: { bindAddress: `0.0.0.0:${config.sdkMetricsPort}` } } },
  });
  const metrics = createMetrics('worker');
  const metricsServer = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  }).listen(config.workerMetricsPort);
  const connection = await NativeConnection.connect(temporalConnectionOptions(config, requireTemporalAddress(config)));
  const worker = await createMentorflowWorker({
    connection,
    namespace: config.temporalNamespace,
    db,
    taskQueue: config.taskQueue,
    metrics,
    mailFrom: config.mailFrom,
    publicUrl: config.security.publicUrl,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
  });
  const mail = startMail(db, config, metrics, (line) => process.stderr.write(`${line}\n`));
  // The cache size actually in force (set or the SDK's default from the heap): what docs/SCALING.md sizes.
  const cache = `workflow cache: ${worker.options.maxCachedWorkflows} runs, heap limit ${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)} MiB`;
  process.stdout.write(`${JSON.stringify({ level: 'INFO', message: cache })}\n`);
  process.stdout.write(`${JSON.stringify({ level: 'INFO', message: `mail goes to ${mail.sender.describe()}` })}\n`);
  await worker.run();
  await mail.stop();
  metricsServer.close();
  await connection.close();
  await db.destroy();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
