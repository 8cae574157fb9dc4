import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** No Docker engine runs here, so the stack is checked by reading it: services, images, ports, env, order. */
interface Service {
  image?: string;
  build?: unknown;
  command?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: unknown };
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;

describe('docker-compose stack', () => {
  it('has every part of the production-like stack', () => {
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'mailpit',
      'postgres',
      'temporal',
      'temporal-namespace',
      'temporal-schema',
      'temporal-ui',
      'worker',
    ]);
  });

  it('pins every third-party image to a version', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) continue;
      expect(service.image).toMatch(/^[\w./-]+:v?\d[\w.-]*$/);
      expect(`${name}:${service.image}`).not.toMatch(/:latest$/);
    }
  });

  it('publishes the API, Temporal and its UI', () => {
    expect(services.api.ports).toContain('3000:3000');
    expect(services.temporal.ports).toContain('7233:7233');
    expect(services['temporal-ui'].ports).toContain('8080:8080');
  });

  it('points the api and the worker at the stack Postgres and Temporal', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name].environment!;
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/mentorflow$/);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(env.SMTP_URL).toBe('smtp://mailpit:1025');
      expect(services[name].build).toBe('.');
    }
    expect(services.api.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(services.worker.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    expect(existsSync('Dockerfile')).toBe(true);
  });

  it('starts things in order: schema after Postgres, Temporal after its schema, apps after the namespace', () => {
    expect(services['temporal-schema'].depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.temporal.depends_on!['temporal-schema']).toEqual({ condition: 'service_completed_successfully' });
    expect(services.temporal.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
    expect(services['temporal-namespace'].depends_on).toEqual({ temporal: { condition: 'service_healthy' } });
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        'temporal-namespace': { condition: 'service_completed_successfully' },
      });
    }
    for (const name of ['postgres', 'temporal', 'api', 'mailpit'])
      expect(services[name].healthcheck?.test).toBeDefined();
  });
});
