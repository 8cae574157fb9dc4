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

/** Text and numbers that Postgres cannot store or whose columns cannot hold them. */
const HOSTILE = ['\u0000', 'a\u0000b', '\ud83d', 'x\udc00', '1e20', '99999999999', '2147483648', '-1', '1e308', 'NaN'];
const hostileString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom(...HOSTILE),
);
const segment = fc.oneof(
  fc.constant(KNOWN_PROGRAM),
  fc.uuid(),
  hostileString,
  fc.constantFrom('1', '0', '-1', '99999999999', 'managerial-core', 'admin', '%00', '..', 'null'),
);
/** Like encodeURIComponent, but a lone surrogate goes out as its (invalid) WTF-8 bytes instead of throwing. */
const encode = (text: string): string =>
  [...text]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        const c = ch.charCodeAt(0);
        return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      }
    })
    .join('');
const nested = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
  fc.constant(nested(20_000)),
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

/** The requests a probe found answered 500 (commit 83f432f), each with NUL and with a lone surrogate. */
/**
 * `viaJson`: the value reaches the server as it is sent. A lone surrogate in a URL or a text body can
 * only travel as invalid UTF-8, which the server reads as U+FFFD (storable): those may be accepted.
 */
const ONCE_500: Array<{ what: string; viaJson?: true; send: (bad: string) => request.Test }> = [
  { what: 'GET /people/:id', send: (bad) => request(api).get(`/people/${encode(bad)}`) },
  { what: 'GET /people?q=', send: (bad) => request(api).get(`/people?q=${encode(bad)}`) },
  { what: 'GET /people/:id/gaps?model=', send: (bad) => request(api).get(`/people/fuzzer/gaps?model=${encode(bad)}`) },
  {
    what: 'POST /tokens displayName',
    viaJson: true,
    send: (bad) =>
      request(api)
        .post('/tokens')
        .send({ personId: 'p-1', displayName: bad, roles: ['mentee'] }),
  },
  {
    what: 'POST /assessments evidence',
    viaJson: true,
    send: (bad) =>
      request(api).post('/assessments').send({
        personId: 'fuzzer',
        competencyKey: 'delegation',
        level: 3,
        source: '360',
        context: 'baseline',
        evidence: bad,
      }),
  },
  {
    what: 'PATCH /people/:id name',
    viaJson: true,
    send: (bad) => request(api).patch('/people/fuzzer').send({ name: bad }),
  },
  {
    what: 'POST /people/import (a CSV cell)',
    send: (bad) =>
      request(api)
        .post('/people/import')
        .set('Content-Type', 'text/csv')
        .send(
          `employee_id,name,email,department,job_level,hire_date\ne-1,Ann ${bad},ann@example.test,Sales,M1,2020-01-01`,
        ),
  },
  {
    what: 'POST /survey-responses occurrence',
    viaJson: true,
    send: (bad) =>
      request(api).post('/survey-responses').send({ templateKey: 'interaction-quality', occurrence: bad, answers: {} }),
  },
];
const ONCE_500_NUMBERS: Array<{ what: string; path: string }> = [
  { what: 'offset beyond bigint on /people', path: '/people?offset=1e20' },
  { what: 'offset beyond bigint on /programs', path: '/programs?offset=1e20' },
  { what: 'a version beyond integer', path: '/competency-models/managerial-core/versions/99999999999' },
  { what: 'a proposal beyond integer', path: `/programs/${KNOWN_PROGRAM}/matching/proposals/99999999999` },
];

describe('no server errors', () => {
  it('answers 4xx, never 500, to every request a probe once saw answered 500', async () => {
    const answers: string[] = [];
    const unexpected: string[] = [];
    for (const { what, viaJson, send } of ONCE_500) {
      for (const bad of ['a\u0000b', 'x\ud83d', '\udc00y']) {
        const res = await send(bad).set('Authorization', `Bearer ${token}`);
        const answer = `${what} ${JSON.stringify(bad)} → ${res.status} ${res.body?.code ?? ''}`;
        answers.push(answer);
        const mustRefuse = bad.includes('\u0000') || viaJson === true;
        if (res.status >= 500 || (mustRefuse && res.status !== 400)) unexpected.push(answer);
      }
    }
    for (const { what, path } of ONCE_500_NUMBERS) {
      const res = await request(api).get(path).set('Authorization', `Bearer ${token}`);
      answers.push(`${what} → ${res.status} ${res.body?.code ?? ''}`);
    }
    const deep = `{"name":${'['.repeat(20_000)}1${']'.repeat(20_000)}}`;
    const deepRes = await request(api)
      .post('/programs')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(deep);
    answers.push(`JSON nested 20,000 deep → ${deepRes.status} ${deepRes.body?.code ?? ''}`);
    expect(unexpected).toEqual([]);
    expect(answers.slice(ONCE_500.length * 3).filter((a) => !/→ 4\d\d /.test(a))).toEqual([]);
    expect(answers.length).toBe(ONCE_500.length * 3 + ONCE_500_NUMBERS.length + 1);
  });

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
            hostileString,
            fc.option(headers, { nil: undefined }),
            async (parts, payload, raw, query, extra) => {
              let k = 0;
              const path = route.path.replace(/\{[^}]+\}/g, () => encode(parts[k++] ?? 'x'));
              const q = encode(query);
              const url = `${path}?q=${q}&limit=${q}&offset=${q}&model=${q}&cycle=${q}`;
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
