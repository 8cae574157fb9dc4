import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DEFAULT_ECONOMICS } from '../../libs/domain/src/index.js';
import { agreeKickoffUpdate, approveMentorshipUpdate, mentorshipStateQuery } from '../../libs/contracts/src/index.js';
import { eventually, useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { expectAccessible, launchChromium, SHOTS } from '../support/browser.js';
import { facts, fastPolicy, goals, seedCast, startMentorship, type Cast } from '../support/mentorships.js';

const stack = useWorkerStack('e2e-dashboard', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let browser: Browser;
let cast: Cast;
let programId = '';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  // Fails here, loudly, when Debian's Chromium is missing: a browser test never skips.
  browser = await launchChromium();
  ({ app, baseUrl: api } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    mentorshipTerms: { policy: fastPolicy({ checkpointEveryMs: 1_500 }), economics: DEFAULT_ECONOMICS },
  }));
  cast = await seedCast(stack.db);
  const handle = await startMentorship(
    stack.client,
    stack.taskQueue,
    cast.pair,
    fastPolicy({ checkpointEveryMs: 1_500 }),
  );
  await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
  await handle.executeUpdate(agreeKickoffUpdate, {
    args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
  });
  await handle.executeUpdate(agreeKickoffUpdate, {
    args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
  });
  await eventually(
    async () => (await handle.query(mentorshipStateQuery))?.checkpoints.some((c) => c.decision === null) ?? false,
    15_000,
  );
  tokens.supervisor = await tokenFor(stack.db, cast.pair.supervisorId, ['supervisor']);
  tokens.owner = await tokenFor(stack.db, 'dash-owner', ['owner']);
  await tokenFor(stack.db, 'dash-sponsor', ['sponsor']);
  const created = await request(api)
    .post('/programs')
    .set('Authorization', `Bearer ${tokens.owner}`)
    .send({
      name: 'Dashboard program',
      sponsorId: 'dash-sponsor',
      objectives: [{ title: 'Grow managers', kpis: [{ name: 'Engagement', unit: 'pts', baseline: 60, target: 70 }] }],
    })
    .expect(201);
  programId = created.body.id;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signIn(page: Page, token: string): Promise<void> {
  await page.goto(`${api}/dashboard`);
  expect(page.url()).toMatch(/\/dashboard\/sign-in$/);
  await page.fill('input[name=token]', token);
  await page.click('button:has-text("Sign in")');
  await page.waitForURL(`${api}/dashboard`);
}

describe('the dashboard in a real browser (Debian Chromium, playwright-core)', () => {
  it('refuses a wrong token and sends the unsigned to the sign-in page', async () => {
    const page = await browser.newPage();
    await page.goto(`${api}/dashboard/mentorships/${cast.pair.mentorshipId}`);
    // The sign-in page remembers where the link led, to go on there once signed in.
    expect(page.url()).toContain(
      `/dashboard/sign-in?next=${encodeURIComponent(`/dashboard/mentorships/${cast.pair.mentorshipId}`)}`,
    );
    await expectAccessible(page, 'sign-in');
    await page.fill('input[name=token]', 'mf_not-a-token');
    await page.click('button:has-text("Sign in")');
    await expect(page.textContent('.error')).resolves.toMatch(/unknown, expired or revoked/);
    await expectAccessible(page, 'sign-in refused');
    await page.close();
  });

  it('signs a supervisor in, opens the open checkpoint, decides it and sees the change', async () => {
    const page = await browser.newPage();
    await signIn(page, tokens.supervisor);
    await expect(page.textContent('h1')).resolves.toBe('Home');
    await expectAccessible(page, 'home');
    // The checkpoint waiting for this supervisor is listed first, with a link to the mentorship.
    await page.click('section:has(h2:has-text("Waiting for you")) a:has-text("Open")');
    await page.waitForURL(new RegExp(`/dashboard/mentorships/${cast.pair.mentorshipId}`));
    await expect(page.textContent('#phase')).resolves.toBe('Active');
    // People appear by their directory names, not their ids.
    await expect(page.textContent('h1')).resolves.toMatch(/^Mentee \w+ ← Mentor \w+$/);
    await page.selectOption('select[name=decision]', 'approve');
    await page.click('form[action*="/decision"] button');
    await expect(page.textContent('.flash')).resolves.toBe('Decision recorded');
    await expect(page.textContent('.decision')).resolves.toBe('Approved');
    await page.screenshot({ path: join(SHOTS, 'dashboard-checkpoint-decided.png'), fullPage: true });
    // The API says the same.
    const state = (
      await request(api)
        .get(`/mentorships/${cast.pair.mentorshipId}`)
        .set('Authorization', `Bearer ${tokens.supervisor}`)
        .expect(200)
    ).body;
    expect(state.checkpoints[0]).toMatchObject({ checkpoint: 1, decision: 'approve' });
    await page.close();
  });

  it('shows an owner the program, in French on request', async () => {
    const page = await browser.newPage();
    await signIn(page, tokens.owner);
    await page.click('a:has-text("Dashboard program")');
    await expect(page.textContent('h1')).resolves.toBe('Dashboard program — Cycle 1');
    await expect(page.textContent('ol.timeline')).resolves.toMatch(/Launch and planning/);
    await page.goto(`${api}/dashboard/programs/${programId}?lang=fr`);
    await expect(page.textContent('body')).resolves.toMatch(/Chronologie des phases/);
    await page.screenshot({ path: join(SHOTS, 'dashboard-program-fr.png'), fullPage: true });
    // A decision the workflow refuses (no review is open in planning) is shown, not lost in JSON.
    // (The test's TypeScript has no DOM types: the form is built from a script string.)
    await page.evaluate(`(() => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/dashboard/programs/${programId}/reviews/1/keep';
      const notes = document.createElement('input');
      notes.name = 'notes';
      notes.value = 'Nothing to change';
      form.appendChild(notes);
      document.body.appendChild(form);
      form.submit();
    })()`);
    await page.waitForURL(/notice=refused\.phase/);
    // Back in the language the page was read in (French here), with the notice's own words.
    await expect(page.getAttribute('.error', 'data-notice')).resolves.toBe('refused.phase');
    await expect(page.textContent('.error')).resolves.toMatch(/pas à cette étape/);
    // After signing in again, a link followed before goes on to its page.
    await page.context().clearCookies();
    await page.goto(`${api}/dashboard/programs/${programId}?lang=fr`);
    await page.fill('input[name=token]', tokens.owner);
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${api}/dashboard/programs/${programId}?lang=fr`);
    // Someone else's mentorship does not exist for this owner: the 404 page.
    const refused = await page.goto(`${api}/dashboard/mentorships/${cast.pair.mentorshipId}`);
    expect(refused?.status()).toBe(404);
    await expectAccessible(page, 'refusal');
    await page.close();
  });
});
