import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { temporalConnectionOptions } from './temporal-connection.js';

describe('configuration', () => {
  it('defaults to the embedded system', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.temporalAddress).toBeNull();
    expect(config.httpPort).toBe(3000);
    expect(config.temporalNamespace).toBe('default');
  });

  it('reads explicit services', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/mf',
      TEMPORAL_ADDRESS: 'temporal:7233',
      PORT: '8080',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/mf',
      temporalAddress: 'temporal:7233',
      httpPort: 8080,
    });
  });

  it('fails fast naming every bad variable, without echoing a password', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://u:secret@db/x', TEMPORAL_ADDRESS: 'no-port', PORT: '99999' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/TEMPORAL_ADDRESS/);
    expect(message).toMatch(/PORT must be a port number/);
    expect(message).not.toMatch(/secret/);
  });

  it('bounds how long the API waits for a workflow, and refuses a slow bound above the timeout', () => {
    expect(loadConfig({})).toMatchObject({ updateTimeoutMs: 30_000, updateSlowAfterMs: 5_000 });
    expect(loadConfig({ UPDATE_TIMEOUT_MS: '10000', UPDATE_SLOW_AFTER_MS: '2000' })).toMatchObject({
      updateTimeoutMs: 10_000,
      updateSlowAfterMs: 2_000,
    });
    expect(() => loadConfig({ UPDATE_TIMEOUT_MS: '5000', UPDATE_SLOW_AFTER_MS: '9000' })).toThrow(
      /UPDATE_SLOW_AFTER_MS/,
    );
    expect(() => loadConfig({ UPDATE_TIMEOUT_MS: 'soon' })).toThrow(/UPDATE_TIMEOUT_MS must be a whole number/);
  });

  it("sizes the worker's cache of workflow runs only when told, and refuses a value that is not a count", () => {
    expect(loadConfig({}).workerMaxCachedWorkflows).toBeNull();
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '6000' }).workerMaxCachedWorkflows).toBe(6000);
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: ' 0 ' }).workerMaxCachedWorkflows).toBe(0);
    for (const bad of ['-5', '2.5', 'lots', '1e4', '1', '0x10'])
      expect(() => loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: bad })).toThrow(
        new RegExp(`WORKER_MAX_CACHED_WORKFLOWS must be 0 \\(no cache\\) or a whole number ≥ 2, got "${bad}"`),
      );
  });

  describe('Temporal connection security', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentorflow-tls-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const ca = file('ca.pem', 'CA');
    const crt = file('client.pem', 'CERT');
    const key = file('client.key', 'KEY');
    const problems = (env: NodeJS.ProcessEnv): string => {
      try {
        loadConfig(env);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };

    it('is plain gRPC with nothing set', () => {
      const config = loadConfig({});
      expect([config.temporalTls, config.temporalApiKey]).toEqual([null, null]);
      expect(temporalConnectionOptions(config, 'localhost:7233')).toEqual({ address: 'localhost:7233' });
    });

    it('gives the client mTLS from the files, read at start-up', () => {
      const config = loadConfig({
        TEMPORAL_TLS_CA_FILE: ca,
        TEMPORAL_TLS_CERT_FILE: crt,
        TEMPORAL_TLS_KEY_FILE: key,
        TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal',
      });
      const options = temporalConnectionOptions(config, 'temporal:7233');
      expect(options.tls?.serverNameOverride).toBe('frontend.temporal');
      expect(Buffer.from(options.tls!.serverRootCACertificate!).toString()).toBe('CA');
      expect(Buffer.from(options.tls!.clientCertPair!.crt).toString()).toBe('CERT');
      expect(Buffer.from(options.tls!.clientCertPair!.key).toString()).toBe('KEY');
      expect(options.apiKey).toBeUndefined();
    });

    it('turns TLS on with an API key (Temporal Cloud), off only when asked', () => {
      const cloud = temporalConnectionOptions(loadConfig({ TEMPORAL_API_KEY: 'k-123' }), 'ns.tmprl.cloud:7233');
      expect(cloud).toEqual({ address: 'ns.tmprl.cloud:7233', tls: {}, apiKey: 'k-123' });
      const plain = temporalConnectionOptions(loadConfig({ TEMPORAL_API_KEY: 'k-123', TEMPORAL_TLS: 'off' }), 'h:1');
      expect(plain).toEqual({ address: 'h:1', apiKey: 'k-123' });
    });

    it('refuses a missing file, a certificate without its key, a bad switch, and TLS files with TLS off', () => {
      expect(problems({ TEMPORAL_TLS_CA_FILE: join(dir, 'nope.pem') })).toMatch(
        /TEMPORAL_TLS_CA_FILE must name a readable file/,
      );
      expect(problems({ TEMPORAL_TLS_CERT_FILE: crt })).toMatch(
        /TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together/,
      );
      expect(problems({ TEMPORAL_TLS: 'yes' })).toMatch(/TEMPORAL_TLS must be "on" or "off"/);
      expect(problems({ TEMPORAL_TLS: 'off', TEMPORAL_TLS_CA_FILE: ca })).toMatch(/TEMPORAL_TLS is "off"/);
      expect(problems({ TRUST_PROXY_HOPS: '-1' })).toMatch(/TRUST_PROXY_HOPS/);
    });
  });
});

describe('security configuration', () => {
  it('defaults: tokens live 90 days, sessions 12 hours, no metrics secret, no identity provider', () => {
    expect(loadConfig({}).security).toEqual({
      publicUrl: 'http://127.0.0.1:3000',
      tokenTtlDays: 90,
      sessionTtlMs: 12 * 3_600_000,
      metricsToken: null,
      oidc: null,
    });
  });

  it('reads an identity provider whole, matching people by email unless told otherwise', () => {
    const security = loadConfig({
      PUBLIC_URL: 'https://mentoring.example.com/',
      OIDC_ISSUER_URL: 'https://login.example.com/realms/acme',
      OIDC_CLIENT_ID: 'mentorflow',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_PERSON_FIELD: 'id',
      TOKEN_TTL_DAYS: '30',
    }).security;
    expect(security).toMatchObject({ publicUrl: 'https://mentoring.example.com', tokenTtlDays: 30 });
    expect(security.oidc).toEqual({
      issuerUrl: 'https://login.example.com/realms/acme',
      clientId: 'mentorflow',
      clientSecret: 's3cret',
      scope: 'openid email profile',
      personClaim: 'employee_id',
      personField: 'id',
      apiAudience: 'mentorflow',
    });
  });

  it.each([
    [{ TOKEN_TTL_DAYS: '0' }, /TOKEN_TTL_DAYS must be a whole number from 1 to 3650/],
    [{ TOKEN_TTL_DAYS: '1e9' }, /TOKEN_TTL_DAYS/],
    [{ DASHBOARD_SESSION_HOURS: 'forever' }, /DASHBOARD_SESSION_HOURS/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be 32 to 200/],
    [{ OIDC_ISSUER_URL: 'https://login.example.com' }, /go together/],
    [
      { OIDC_ISSUER_URL: 'http://login.example.com', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' },
      /OIDC_ISSUER_URL must be an https:\/\/ URL/,
    ],
    [
      {
        OIDC_ISSUER_URL: 'https://l.example.com',
        OIDC_CLIENT_ID: 'a',
        OIDC_CLIENT_SECRET: 'b',
        OIDC_PERSON_FIELD: 'x',
      },
      /OIDC_PERSON_FIELD must be "email" or "id"/,
    ],
    [{ PUBLIC_URL: 'mentoring.example.com' }, /PUBLIC_URL must be an absolute URL/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
