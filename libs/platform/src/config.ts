import { securitySettings, type SecuritySettings } from './security-config.js';

/**
 * Start-up configuration, read from the environment once and validated: a bad value stops the
 * process with a message naming the variable instead of failing later in a request.
 */
export interface MentorflowConfig {
  /** Postgres URL; null = the embedded Postgres of the local default. */
  databaseUrl: string | null;
  /** Temporal frontend; null = find or provision a dev server (libs/platform/temporal-server). */
  temporalAddress: string | null;
  temporalNamespace: string;
  /** Task queue of the program workflows (one per deployment; tests use their own). */
  taskQueue: string;
  httpPort: number;
  /** Port of the embedded Postgres (local default only). */
  embeddedPostgresPort: number;
  temporalPort: number;
  temporalUiPort: number;
  /** Worker process: application metrics (/metrics) and the Temporal SDK's own metrics. */
  workerMetricsPort: number;
  sdkMetricsPort: number;
  /** smtp(s)://user:pass@host:port; null = write each message as an .eml file under mailDir. */
  smtpUrl: string | null;
  mailFrom: string;
  mailDir: string | null;
  /** How often the worker looks for emails to send when the outbox was empty. */
  outboxPollMs: number;
  /** A request with an Idempotency-Key that got no answer (its process died) may be retried after this. */
  idempotencyStaleAfterSeconds: number;
  /** The API stops waiting for a workflow's answer after this (503 WORKFLOW.NOT_ANSWERING). */
  updateTimeoutMs: number;
  /** An Update answered later than this is logged, counted and recorded as a workflow fault. */
  updateSlowAfterMs: number;
  /** Token and session lifetimes, the metrics secret, sign-in with the company's identity provider. */
  security: SecuritySettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): MentorflowConfig {
  const problems: string[] = [];
  const port = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      problems.push(`${name} must be a port number (0-65535), got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgres:// URL, got "${databaseUrl.replace(/:[^:@/]*@/, ':***@')}"`);
  }
  const temporalAddress = env.TEMPORAL_ADDRESS?.trim() || null;
  if (temporalAddress && !/^[\w.-]+:\d+$/.test(temporalAddress)) {
    problems.push(`TEMPORAL_ADDRESS must be host:port, got "${temporalAddress}"`);
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    problems.push(`SMTP_URL must be an smtp:// or smtps:// URL, got "${smtpUrl.replace(/:[^:@/]*@/, ':***@')}"`);
  const mailFrom = env.MAIL_FROM?.trim() || 'mentorflow@localhost';
  if (!/^[^\s@]+@[^\s@]+$/.test(mailFrom)) problems.push(`MAIL_FROM must be an email address, got "${mailFrom}"`);
  const pollRaw = env.OUTBOX_POLL_MS?.trim();
  const outboxPollMs = pollRaw ? Number(pollRaw) : 1000;
  if (!Number.isInteger(outboxPollMs) || outboxPollMs < 10)
    problems.push(`OUTBOX_POLL_MS must be a whole number of milliseconds ≥ 10, got "${pollRaw}"`);
  const staleRaw = env.IDEMPOTENCY_STALE_AFTER_SECONDS?.trim();
  const idempotencyStaleAfterSeconds = staleRaw ? Number(staleRaw) : 60;
  if (!Number.isInteger(idempotencyStaleAfterSeconds) || idempotencyStaleAfterSeconds < 1) {
    problems.push(`IDEMPOTENCY_STALE_AFTER_SECONDS must be a whole number of seconds ≥ 1, got "${staleRaw}"`);
  }
  const millis = (name: string, fallback: number, min: number): number => {
    const raw = env[name]?.trim();
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < min) {
      problems.push(`${name} must be a whole number of milliseconds ≥ ${min}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const updateTimeoutMs = millis('UPDATE_TIMEOUT_MS', 30_000, 1_000);
  const updateSlowAfterMs = millis('UPDATE_SLOW_AFTER_MS', 5_000, 1);
  if (updateSlowAfterMs > updateTimeoutMs)
    problems.push(`UPDATE_SLOW_AFTER_MS (${updateSlowAfterMs}) must not exceed UPDATE_TIMEOUT_MS (${updateTimeoutMs})`);
  const httpPort = port('PORT', 3000);
  const security = securitySettings(env, problems, httpPort);
  const config: MentorflowConfig = {
    databaseUrl,
    temporalAddress,
    temporalNamespace: env.TEMPORAL_NAMESPACE?.trim() || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE?.trim() || 'mentorflow-programs',
    httpPort,
    embeddedPostgresPort: port('EMBEDDED_POSTGRES_PORT', 54329),
    temporalPort: port('TEMPORAL_PORT', 7233),
    temporalUiPort: port('TEMPORAL_UI_PORT', 8233),
    workerMetricsPort: port('WORKER_METRICS_PORT', 9464),
    sdkMetricsPort: port('SDK_METRICS_PORT', 9465),
    smtpUrl,
    mailFrom,
    mailDir: env.MAIL_DIR?.trim() || null,
    outboxPollMs,
    idempotencyStaleAfterSeconds,
    updateTimeoutMs,
    updateSlowAfterMs,
    security,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** For processes that cannot work without an explicit database (api and worker run on their own). */
export function requireDatabaseUrl(config: MentorflowConfig): string {
  if (!config.databaseUrl)
    throw new ConfigError(['DATABASE_URL is required when the api or the worker runs on its own']);
  return config.databaseUrl;
}

export function requireTemporalAddress(config: MentorflowConfig): string {
  if (!config.temporalAddress)
    throw new ConfigError(['TEMPORAL_ADDRESS is required when the api or the worker runs on its own']);
  return config.temporalAddress;
}
