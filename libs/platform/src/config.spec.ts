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
