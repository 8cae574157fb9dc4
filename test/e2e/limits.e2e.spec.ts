import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';

/** Body size limits and rate limits (small limits here; the defaults are in the README). */
const stack = useWorkerStack('e2e-limits', { beforeAll, afterAll });
const apps: NestExpressApplication[] = [];
const limits = { authFailures: 3, expensiveCalls: 2, windowMs: 60_000 };

async function freshApi(): Promise<string> {
  const { app, baseUrl } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    rateLimits: limits,
  });
  apps.push(app);
  return baseUrl;
}

afterAll(async () => {
  for (const app of apps) await app.close();
});

const csv = 'employee_id,name,email,department,job_level,hire_date\nx-1,X,x@example.com,Ops,M1,2020-01-01\n';
/** Every replica (and every test here) shares the counters: a test that blocked this address clears them. */
const clearCounters = () => stack.db.query('DELETE FROM rate_limit_counters');

describe('limits', () => {
  it('makes an address wait after too many failed authentications, valid tokens included', async () => {
    const api = await freshApi();
    const good = await tokenFor(stack.db, 'owner-1', ['owner']);
    for (let i = 0; i < limits.authFailures; i++)
      await request(api).get('/programs').set('Authorization', 'Bearer mf_guess').expect(401);
    const blocked = await request(api).get('/programs').set('Authorization', 'Bearer mf_guess').expect(429);
    expect(blocked.body.code).toBe('AUTH.TOO_MANY_FAILURES');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await request(api).get('/programs').set('Authorization', `Bearer ${good}`).expect(429);
    await request(api).get('/health').expect(200);
    await clearCounters();
  });

  it('counts failures and expensive calls across API replicas (the counters are in Postgres)', async () => {
    const [a, b] = [await freshApi(), await freshApi()];
    const good = await tokenFor(stack.db, 'owner-2', ['owner']);
    for (const [i, api] of [a, b, a].entries())
      expect([i, (await request(api).get('/programs').set('Authorization', 'Bearer mf_guess')).status]).toEqual([
        i,
        401,
      ]);
    for (const api of [a, b]) {
      const blocked = await request(api).get('/programs').set('Authorization', `Bearer ${good}`).expect(429);
      expect(blocked.body.code).toBe('AUTH.TOO_MANY_FAILURES');
    }
    await clearCounters();
    const hr = await tokenFor(stack.db, 'hr-3', ['hr-admin']);
    const importOn = (api: string) =>
      request(api)
        .post('/people/import')
        .set('Authorization', `Bearer ${hr}`)
        .set('Content-Type', 'text/csv')
        .send(csv);
    await importOn(a).expect(200);
    await importOn(b).expect(200);
    expect((await importOn(a).expect(429)).body.code).toBe('RATE_LIMITED');
    expect((await importOn(b).expect(429)).body.code).toBe('RATE_LIMITED');
  });

  it('limits expensive calls per person', async () => {
    const api = await freshApi();
    const hr = await tokenFor(stack.db, 'hr-1', ['hr-admin']);
    const other = await tokenFor(stack.db, 'hr-2', ['hr-admin']);
    for (let i = 0; i < limits.expensiveCalls; i++) {
      await request(api)
        .post('/people/import')
        .set('Authorization', `Bearer ${hr}`)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(200);
    }
    const limited = await request(api)
      .post('/people/import')
      .set('Authorization', `Bearer ${hr}`)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    await request(api)
      .post('/people/import')
      .set('Authorization', `Bearer ${other}`)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const api = await freshApi();
    const owner = await tokenFor(stack.db, 'owner-9', ['owner']);
    const huge = { name: 'x'.repeat(300 * 1024), sponsorId: 's', objectives: [] };
    const res = await request(api).post('/programs').set('Authorization', `Bearer ${owner}`).send(huge).expect(413);
    expect(res.body.code).toBe('REQUEST.TOO_LARGE');
  });
});
