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

  it('counts dashboard sign-in failures against the same limit, the API and the form sharing one count', async () => {
    const api = await freshApi();
    const good = await tokenFor(stack.db, 'owner-1', ['owner']);
    for (let i = 0; i < limits.authFailures - 1; i++) {
      const res = await request(api).post('/dashboard/sign-in').type('form').send({ token: 'mf_guess' }).expect(303);
      expect(res.headers.location).toBe('/dashboard/sign-in?notice=sign-in.refused');
    }
    await request(api).get('/programs').set('Authorization', 'Bearer mf_guess').expect(401);
    const blocked = await request(api).post('/dashboard/sign-in').type('form').send({ token: good }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['set-cookie']).toBeUndefined();
    await request(api).get('/programs').set('Authorization', `Bearer ${good}`).expect(429);
    await clearCounters();
  });

  it('refuses sign-in and sign-out from another origin (login CSRF), and sends the security headers', async () => {
    const api = await freshApi();
    const good = await tokenFor(stack.db, 'owner-1', ['owner']);
    for (const origin of ['https://evil.example', 'null']) {
      const res = await request(api)
        .post('/dashboard/sign-in')
        .set('Origin', origin)
        .type('form')
        .send({ token: good });
      expect([origin, res.status, res.headers['set-cookie']]).toEqual([origin, 403, undefined]);
    }
    await request(api)
      .post('/dashboard/sign-in')
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ token: good })
      .expect(403);
    const signedIn = await request(api)
      .post('/dashboard/sign-in')
      .set('Origin', api)
      .type('form')
      .send({ token: good });
    expect(signedIn.status).toBe(303);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0];
    expect(String(signedIn.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(signedIn.headers['set-cookie'])).toMatch(/SameSite=Strict/i);
    // A foreign page cannot sign the reader out either; the session stays open.
    await request(api)
      .post('/dashboard/sign-out')
      .set('Origin', 'https://evil.example')
      .set('Cookie', cookie)
      .expect(403);
    const home = await request(api).get('/dashboard').set('Cookie', cookie).expect(200);
    expect(home.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(home.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(home.headers['content-security-policy']).toMatch(/form-action 'self'/);
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.headers['x-frame-options']).toBe('DENY');
    expect(home.headers['x-powered-by']).toBeUndefined();
    expect((await request(api).get('/health').expect(200)).headers['x-powered-by']).toBeUndefined();
    // Banners come from a fixed list of codes: any other text shows nothing.
    const forged = await request(api)
      .get('/dashboard?flash=Your%20account%20is%20locked&notice=hacked')
      .set('Cookie', cookie);
    expect(forged.text).not.toMatch(/account is locked|hacked/);
    const signedOut = await request(api)
      .post('/dashboard/sign-out')
      .set('Origin', api)
      .set('Cookie', cookie)
      .expect(303);
    expect(signedOut.headers.location).toBe('/dashboard/sign-in?notice=signed-out');
    expect((await request(api).get('/dashboard').set('Cookie', cookie).expect(303)).headers.location).toBe(
      '/dashboard/sign-in',
    );
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
