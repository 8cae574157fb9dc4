import { accessSync, constants } from 'node:fs';
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
  /** TLS to the Temporal frontend (self-hosted with TLS or mTLS, Temporal Cloud); null = plain gRPC. */
  temporalTls: TemporalTlsFiles | null;
  /** API key sent as a bearer token to the frontend (Temporal Cloud API keys); null = none. */
  temporalApiKey: string | null;
  /** Task queue of the program workflows (one per deployment; tests use their own). */
  taskQueue: string;
  httpPort: number;
  /** Proxies (load balancer, ingress) in front of the API whose X-Forwarded-For is believed; 0 = none. */
  trustProxyHops: number;
  /** Port of the embedded Postgres (local default only). */
  embeddedPostgresPort: number;
  temporalPort: number;
  temporalUiPort: number;
  /** Worker process: application metrics (/metrics) and the Temporal SDK's own metrics. */
  workerMetricsPort: number;
  /**
   * Workflow runs the worker keeps in memory between tasks (its sticky cache); null = the SDK's
   * default, sized from the heap. A run not in the cache is replayed from its history at its next
   * task, so a cache smaller than the live runs turns every wake into a full replay (docs/SCALING.md).
   */
  workerMaxCachedWorkflows: number | null;
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

export interface TemporalTlsFiles {
  /** PEM of the CA that signed the server's certificate; null = the system's trusted roots. */
  caFile: string | null;
  /** Client certificate and key (PEM) for mTLS; both or neither. */
  certFile: string | null;
  keyFile: string | null;
  /** Name checked against the server's certificate when it differs from the address's host. */
  serverName: string | null;
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
  const { temporalTls, temporalApiKey } = temporalSecurity(env, problems);
  const workerMaxCachedWorkflows = cachedWorkflows(env.WORKER_MAX_CACHED_WORKFLOWS, problems);
  const httpPort = port('PORT', 3000);
  const security = securitySettings(env, problems, httpPort);
  const config: MentorflowConfig = {
    databaseUrl,
    temporalAddress,
    temporalNamespace: env.TEMPORAL_NAMESPACE?.trim() || 'default',
    temporalTls,
    temporalApiKey,
    taskQueue: env.TEMPORAL_TASK_QUEUE?.trim() || 'mentorflow-programs',
    httpPort,
    trustProxyHops: proxyHops(env.TRUST_PROXY_HOPS, problems),
    embeddedPostgresPort: port('EMBEDDED_POSTGRES_PORT', 54329),
    temporalPort: port('TEMPORAL_PORT', 7233),
    temporalUiPort: port('TEMPORAL_UI_PORT', 8233),
    workerMetricsPort: port('WORKER_METRICS_PORT', 9464),
    sdkMetricsPort: port('SDK_METRICS_PORT', 9465),
    workerMaxCachedWorkflows,
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

/** Behind a load balancer the client's address is in X-Forwarded-For: the failed-auth limit counts per client only if it is read. */
function proxyHops(raw: string | undefined, problems: string[]): number {
  const value = raw?.trim() ? Number(raw) : 0;
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    problems.push(`TRUST_PROXY_HOPS must be a whole number from 0 to 10, got "${raw}"`);
    return 0;
  }
  return value;
}

/**
 * Unset keeps the SDK's default (it depends on the heap, so it is not repeated here); 0 turns the
 * cache off. 1 is refused: the SDK would quietly raise it to 2 (a run's task needs a second slot).
 */
function cachedWorkflows(raw: string | undefined, problems: string[]): number | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value === 1) {
    problems.push(`WORKER_MAX_CACHED_WORKFLOWS must be 0 (no cache) or a whole number ≥ 2, got "${raw}"`);
    return null;
  }
  return value;
}

/**
 * TEMPORAL_TLS (on/off; on by default as soon as a CA, a client certificate or an API key is given),
 * TEMPORAL_TLS_CA_FILE, TEMPORAL_TLS_CERT_FILE + TEMPORAL_TLS_KEY_FILE (mTLS), TEMPORAL_TLS_SERVER_NAME,
 * TEMPORAL_API_KEY. Files must be readable now, not at the first connection.
 */
function temporalSecurity(
  env: NodeJS.ProcessEnv,
  problems: string[],
): { temporalTls: TemporalTlsFiles | null; temporalApiKey: string | null } {
  const value = (name: string) => env[name]?.trim() || null;
  const file = (name: string): string | null => {
    const path = value(name);
    if (path === null) return null;
    try {
      accessSync(path, constants.R_OK);
    } catch {
      problems.push(`${name} must name a readable file, got "${path}"`);
    }
    return path;
  };
  const files: TemporalTlsFiles = {
    caFile: file('TEMPORAL_TLS_CA_FILE'),
    certFile: file('TEMPORAL_TLS_CERT_FILE'),
    keyFile: file('TEMPORAL_TLS_KEY_FILE'),
    serverName: value('TEMPORAL_TLS_SERVER_NAME'),
  };
  if ((files.certFile === null) !== (files.keyFile === null))
    problems.push('TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (mTLS needs both)');
  const temporalApiKey = value('TEMPORAL_API_KEY');
  if (temporalApiKey && /\s/.test(temporalApiKey)) problems.push('TEMPORAL_API_KEY must not contain spaces');
  const tls = value('TEMPORAL_TLS')?.toLowerCase() ?? null;
  if (tls !== null && tls !== 'on' && tls !== 'off') problems.push(`TEMPORAL_TLS must be "on" or "off", got "${tls}"`);
  const anyTls = files.caFile !== null || files.certFile !== null || files.serverName !== null;
  if (tls === 'off' && anyTls)
    problems.push('TEMPORAL_TLS is "off" but TEMPORAL_TLS_* files are set: remove them or turn TLS on');
  const on = tls === 'on' || (tls === null && (anyTls || temporalApiKey !== null));
  return { temporalTls: on ? files : null, temporalApiKey };
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
