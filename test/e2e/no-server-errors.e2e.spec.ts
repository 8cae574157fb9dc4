import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import request from 'supertest';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';

/**
 * Property: whatever arrives — random JSON, malformed text, odd ids, query strings and headers — no
 * endpoint answers 5xx, and a refused request (4xx) writes nothing. The routes come from the
 * OpenAPI document, so a new endpoint is fuzzed too.
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
  const doc = (await request(api).get('/docs/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, unknown>>;
  };
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
  fc.dictionary(
    fc.constantFrom(
      'name',
      'sponsorId',
      'objectives',
      'personId',
      'role',
      'capacity',
      'weights',
      'version',
      'level',
      'source',
      'type',
      'comment',
    ),
    fc.jsonValue({ maxDepth: 2 }),
  ),
);

const printable = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const headers = fc.record(
  {
    'Idempotency-Key': printable,
    'Content-Type': fc.oneof(
      printable,
      fc.constantFrom('text/csv', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data'),
    ),
    'Accept-Language': printable,
    'X-Request-Id': printable,
  },
  { requiredKeys: [] },
);

// Everything a request could write, except the idempotency claims (a refusal's answer is stored by design).
const TABLES = [
  'domain_events',
  'programs',
  'people',
  'assessments',
  'api_tokens',
  'hr_events',
  'nominations',
  'competency_models',
  'matching_proposals',
  'mentorships',
  'mentorship_sessions',
  'outbox_emails',
];
const snapshot = async (): Promise<string> =>
  JSON.stringify(await stack.db.query(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`));

describe('no server errors', () => {
  it('finds the routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('answers every random request with a status below 500', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      await fc
        .assert(
          fc.asyncProperty(
            fc.array(segment, { minLength: 4, maxLength: 4 }),
            body,
            fc.boolean(),
            fc.string({ maxLength: 20 }),
            fc.option(headers, { nil: undefined }),
            async (parts, payload, raw, query, extra) => {
              let k = 0;
              const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(parts[k++] ?? 'x'));
              const url = `${path}?q=${encodeURIComponent(query)}&limit=${encodeURIComponent(query)}`;
              let req = request(api)[route.method](url).set('Authorization', `Bearer ${token}`);
              if (extra) req = req.set(extra);
              if (route.method !== 'get') {
                req = raw
                  ? req.set('Content-Type', 'application/json').send(JSON.stringify(payload).slice(0, -1) || '{')
                  : req.send(payload as object);
              }
              const before = route.method === 'get' ? '' : await snapshot();
              const res = await req;
              const what = `${route.method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)} for ${JSON.stringify(payload)} ${JSON.stringify(extra ?? {})}`;
              if (res.status >= 500) failures.push(what);
              if (route.method !== 'get' && res.status >= 400 && (await snapshot()) !== before)
                failures.push(`partial write: ${what}`);
              return res.status < 500;
            },
          ),
          { numRuns: 25, seed: 20261126 },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
