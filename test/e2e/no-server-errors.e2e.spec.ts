import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import request from 'supertest';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';

/**
 * Property: whatever arrives — random JSON, malformed text, odd ids and query strings — no endpoint
 * answers 5xx. The routes come from the OpenAPI document, so a new endpoint is fuzzed too.
 */
const stack = useWorkerStack('e2e-fuzz', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let token = '';
let routes: Array<{ method: 'get' | 'post' | 'patch' | 'delete'; path: string }> = [];
const KNOWN_PROGRAM = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({ db: stack.db, temporal: stack.client, taskQueue: stack.taskQueue }));
  // Every role at once, so that requests get past the role guard and reach validation and services.
  token = await tokenFor(stack.db, 'fuzzer', ['owner', 'sponsor', 'supervisor', 'mentor', 'mentee', 'hr-admin']);
  const doc = (await request(api).get('/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m): m is 'get' | 'post' | 'patch' | 'delete' => ['get', 'post', 'patch', 'delete'].includes(m))
      .map((method) => ({ method, path })),
  );
});
afterAll(async () => {
  await app?.close();
});

const segment = fc.oneof(
  fc.constant(KNOWN_PROGRAM),
  fc.uuid(),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('1', '0', '-1', '99999999999', 'managerial-core', 'admin', '%00', '..', 'null'),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('name', 'sponsorId', 'objectives', 'personId', 'role', 'capacity', 'weights', 'version', 'level', 'source', 'type', 'comment'), fc.jsonValue({ maxDepth: 2 })),
);

describe('no server errors', () => {
  it('finds the routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('answers every random request with a status below 500', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { minLength: 4, maxLength: 4 }), body, fc.boolean(), fc.string({ maxLength: 20 }), async (parts, payload, raw, query) => {
          let k = 0;
          const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(parts[k++] ?? 'x'));
          let req = request(api)[route.method](`${path}?q=${encodeURIComponent(query)}&limit=${encodeURIComponent(query)}`).set('Authorization', `Bearer ${token}`);
          if (route.method !== 'get') {
            req = raw ? req.set('Content-Type', 'application/json').send(JSON.stringify(payload).slice(0, -1) || '{') : req.send(payload as object);
          }
          const res = await req;
          if (res.status >= 500) failures.push(`${route.method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body)} for ${JSON.stringify(payload)}`);
          return res.status < 500;
        }),
        { numRuns: 25, seed: 20261126 },
      ).catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
