import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

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
