import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import * as oidc from 'openid-client';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { defaultSecurity } from '../../apps/api/src/app.module.js';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';

/**
 * Sign-in with the company's identity provider, against a real OpenID provider (npm
 * `oidc-provider`, its development login form: any password) started here, in Debian's Chromium:
 * the dashboard's authorization code flow with PKCE, an unknown person refused, sign-out ending
 * the session; the provider's JWT access tokens accepted by the API (audience checked) and refused
 * once the person has left.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLIENT = { id: 'mentorflow-dashboard', secret: 'a-client-secret-of-the-tests-0123456789' };
const API_AUDIENCE = 'mentorflow-api';

const stack = useWorkerStack('e2e-oidc', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let issuer: string;
let provider: Server;
let browser: Browser;
let hr = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  const [apiPort, providerPort] = [await freePort(), await freePort()];
  api = `http://127.0.0.1:${apiPort}`;
  issuer = `http://127.0.0.1:${providerPort}`;
  const { default: Provider } = await import('oidc-provider');
  const op = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${api}/dashboard/oidc/callback`, `${api}/cli-callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // The provider's accounts: the login typed is the account; its email is login@example.com.
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: `${id}@example.com` }),
    }),
    claims: { openid: ['sub'], email: ['email'] },
    pkce: { required: () => true },
    cookies: { keys: ['oidc-e2e-cookie-key'] },
    features: {
      // An access token asked for the API (resource urn:mentorflow:api) is a JWT for audience mentorflow-api.
      resourceIndicators: {
        enabled: true,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'openid email', audience: API_AUDIENCE, accessTokenFormat: 'jwt' }),
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) =>
      token.accountId ? { email: `${token.accountId}@example.com` } : undefined,
  });
  provider = op.listen(providerPort, '127.0.0.1');
  ({ app } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    port: apiPort,
    security: {
      ...defaultSecurity(),
      publicUrl: api,
      oidc: {
        issuerUrl: issuer,
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        scope: 'openid email',
        personClaim: 'email',
        personField: 'email',
        apiAudience: API_AUDIENCE,
      },
    },
  }));
  hr = await tokenFor(stack.db, 'hr-oidc', ['hr-admin']);
  await request(api)
    .post('/people')
    .set('Authorization', `Bearer ${hr}`)
    .send({
      id: 'ana',
      name: 'Ana Costa',
      email: 'ana@example.com',
      department: 'Ops',
      jobLevel: 'M2',
      hireDate: '2020-01-01',
    })
    .expect(201);
  await request(api)
    .put('/people/ana/roles')
    .set('Authorization', `Bearer ${hr}`)
    .send({ roles: ['owner'] })
    .expect(200);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => provider?.close(resolve));
});

/** The provider's development login and consent pages, as a person fills them. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.waitForURL(new RegExp(`^${issuer}/interaction/`));
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'any password');
  await page.click('button[type=submit]');
  await page.waitForURL(new RegExp(`^${issuer}/interaction/|^${api}/`));
  if (page.url().startsWith(`${issuer}/interaction/`)) await page.click('button:has-text("Continue")');
}

/** A program Ana owns, made over the API (her dashboard pages are what the tests open). */
const programOwnedByAna = async (name: string) =>
  request(api)
    .post('/programs')
    .set('Authorization', `Bearer ${await tokenFor(stack.db, 'ana', ['owner'])}`)
    .send({
      name,
      sponsorId: 'hr-oidc',
      objectives: [{ title: 'T', kpis: [{ name: 'K', unit: '%', baseline: 1, target: 2 }] }],
    })
    .expect(201);

describe('sign-in with the company identity provider (real OpenID provider, real browser)', () => {
  it('signs a known person in with their mentorflow roles, lets them act, and signs them out for good', async () => {
    const page = await browser.newPage();
    await page.goto(`${api}/dashboard/sign-in`);
    await page.click('#company-sign-in');
    await signInAtProvider(page, 'ana');
    await page.waitForURL(`${api}/dashboard`);
    const cookie = (await page.context().cookies(api)).find((c) => c.name.includes('session'));
    expect(cookie?.httpOnly).toBe(true);
    // The cookie names a server-side session, not a token the API would take.
    await request(api).get('/programs').set('Authorization', `Bearer ${cookie!.value}`).expect(401);
    // Act: Ana owns a program (made over the API) and reads its page as its owner.
    const created = await programOwnedByAna('Company sign-in program');
    const programPage = await page.goto(`${api}/dashboard/programs/${created.body.id}`);
    expect(programPage?.status()).toBe(200);
    await expect(page.textContent('h1')).resolves.toMatch(/Company sign-in program/);
    await page.click('form.sign-out button');
    await page.waitForURL(/\/dashboard\/sign-in\?notice=signed-out/);
    // The old cookie is worthless: the session itself has ended.
    const replay = await request(api).get('/dashboard').set('Cookie', `${cookie!.name}=${cookie!.value}`).expect(303);
    expect(replay.headers.location).toBe('/dashboard/sign-in');
    await page.close();
  });

  it('comes back to the page that sent the person to sign in, and never to another site', async () => {
    const created = await programOwnedByAna('Linked from an email');
    const page = await browser.newPage();
    // An email's link to the program's page, opened signed out: sign-in, then that page.
    await page.goto(`${api}/dashboard/programs/${created.body.id}`);
    expect(page.url()).toBe(
      `${api}/dashboard/sign-in?next=${encodeURIComponent(`/dashboard/programs/${created.body.id}`)}`,
    );
    await page.click('#company-sign-in');
    await signInAtProvider(page, 'ana');
    await page.waitForURL(`${api}/dashboard/programs/${created.body.id}`);
    await expect(page.textContent('h1')).resolves.toMatch(/Linked from an email/);
    await page.close();
    // Another site as `next` is dropped at the start, and a forged cookie is checked again on the way back.
    const elsewhere = await browser.newPage();
    await elsewhere.goto(`${api}/dashboard/sign-in/oidc?next=${encodeURIComponent('//evil.example/x')}`);
    await signInAtProvider(elsewhere, 'ana');
    await elsewhere.waitForURL(`${api}/dashboard`);
    const forged = await browser.newPage();
    await forged.goto(`${api}/dashboard/sign-in/oidc`);
    await forged
      .context()
      .addCookies([
        { name: 'mf_oidc_next', value: 'https%3A%2F%2Fevil.example%2F', url: `${api}/dashboard/oidc/callback` },
      ]);
    await signInAtProvider(forged, 'ana');
    await forged.waitForURL(`${api}/dashboard`);
    await elsewhere.close();
    await forged.close();
  });

  it('refuses a person of the provider whom the directory does not know', async () => {
    const page = await browser.newPage();
    await page.goto(`${api}/dashboard/sign-in/oidc`);
    await signInAtProvider(page, 'nobody');
    await page.waitForURL(/\/dashboard\/sign-in\?notice=oidc\.unknown-person/);
    await expect(page.textContent('.error')).resolves.toMatch(/matches nobody/);
    await page.goto(`${api}/dashboard`);
    expect(page.url()).toBe(`${api}/dashboard/sign-in`);
    await page.close();
  });

  it('accepts the provider’s access tokens for the API (audience checked), and not once the person has left', async () => {
    // A command-line client's authorization code flow with PKCE, for the API as resource.
    const config = await oidc.discovery(new URL(issuer), CLIENT.id, CLIENT.secret, undefined, {
      execute: [oidc.allowInsecureRequests],
    });
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${api}/cli-callback`,
      scope: 'openid email',
      resource: 'urn:mentorflow:api',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const page = await browser.newPage();
    const callback = page.waitForRequest((r) => r.url().startsWith(`${api}/cli-callback`));
    await page.goto(url.href);
    await signInAtProvider(page, 'ana');
    const tokens = await oidc.authorizationCodeGrant(config, new URL((await callback).url()), {
      pkceCodeVerifier: verifier,
    });
    await page.close();
    const jwt = tokens.access_token;
    expect(jwt.split('.')).toHaveLength(3);
    const mine = await request(api).get('/programs').set('Authorization', `Bearer ${jwt}`).expect(200);
    expect(mine.body.items.map((p: { name: string }) => p.name)).toContain('Company sign-in program');
    // A token of this provider without the API's audience (the ID token) is refused.
    expect(
      (await request(api).get('/programs').set('Authorization', `Bearer ${tokens.id_token}`).expect(401)).body.code,
    ).toBe('AUTH.INVALID_TOKEN');
    // Ana leaves: the provider still vouches for her, mentorflow does not.
    await request(api).post('/people/ana/deactivate').set('Authorization', `Bearer ${hr}`).expect(200);
    await request(api).get('/programs').set('Authorization', `Bearer ${jwt}`).expect(401);
  });
});
