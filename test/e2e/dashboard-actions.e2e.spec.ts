import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DEFAULT_ECONOMICS } from '../../libs/domain/src/index.js';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { approveAndAgree, fastPolicy, seedCast, startMentorship, type Cast } from '../support/mentorships.js';

/**
 * The dashboard's forms over plain HTTP: each runs its JSON route's service under that route's
 * roles, with the Idempotency-Key its page was rendered with.
 */
const stack = useWorkerStack('e2e-dashboard-actions', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let cast: Cast;
const cookies: Record<string, string> = {};

async function signIn(who: string, token: string): Promise<void> {
  const res = await request(api).post('/dashboard/sign-in').type('form').send({ token }).expect(303);
  expect(res.headers.location).toBe('/dashboard');
  cookies[who] = String(res.headers['set-cookie']).split(';')[0];
}

/** The action forms of a page: where each posts and the key it carries. */
async function formsOf(who: string, path: string): Promise<Array<{ action: string; key: string }>> {
  const page = await request(api).get(path).set('Cookie', cookies[who]).expect(200);
  return [
    ...page.text.matchAll(
      /<form method="post" action="([^"]+)" class="\w+"[^>]*><input type="hidden" name="idempotencyKey" value="([^"]+)"/g,
    ),
  ].map((m) => ({ action: m[1], key: m[2] }));
}

const sessions = async () =>
  (
    await request(api)
      .get(`/mentorships/${cast.pair.mentorshipId}`)
      .set('Authorization', `Bearer ${await tokenFor(stack.db, cast.pair.mentorId, ['mentor'])}`)
      .expect(200)
  ).body.sessions as number;

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    mentorshipTerms: { policy: fastPolicy(), economics: DEFAULT_ECONOMICS },
  }));
  cast = await seedCast(stack.db);
  const handle = await startMentorship(stack.client, stack.taskQueue, cast.pair, fastPolicy());
  await approveAndAgree(handle, cast);
  await signIn('mentor', await tokenFor(stack.db, cast.pair.mentorId, ['mentor']));
  // The mentee's token has no mentor role: the JSON route would refuse her with 403.
  await signIn('mentee', await tokenFor(stack.db, cast.pair.menteeId, ['mentee']));
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('dashboard actions', () => {
  it('logs a session once however often its form is sent, and again from a new page', async () => {
    const page = `/dashboard/mentorships/${cast.pair.mentorshipId}`;
    const [form] = await formsOf('mentor', page);
    expect(form.action).toBe(`${page}/sessions`);
    const heldAt = new Date().toISOString();
    const send = (key: string, topics = 'delegation') =>
      request(api)
        .post(form.action)
        .set('Cookie', cookies.mentor)
        .type('form')
        .send({ idempotencyKey: key, heldAt, minutes: '45', topics })
        .expect(303);
    const first = await send(form.key);
    expect(first.headers.location).toBe(`${page}?notice=done.logged`);
    // A double submit gets the first outcome; nothing is logged twice.
    expect((await send(form.key)).headers.location).toBe(first.headers.location);
    expect(await sessions()).toBe(1);
    // The same key with another body is another request: refused, as with the JSON API.
    expect((await send(form.key, 'feedback')).headers.location).toBe(`${page}?notice=refused.key-reused`);
    const [again] = await formsOf('mentor', page);
    expect(again.key).not.toBe(form.key);
    await send(again.key);
    expect(await sessions()).toBe(2);
  });

  it('applies the roles of the JSON route: a mentee cannot log a session from a forged form', async () => {
    const res = await request(api)
      .post(`/dashboard/mentorships/${cast.pair.mentorshipId}/sessions`)
      .set('Cookie', cookies.mentee)
      .type('form')
      .send({ heldAt: new Date().toISOString(), minutes: '45', topics: 'delegation' })
      .expect(303);
    expect(res.headers.location).toBe(`/dashboard/mentorships/${cast.pair.mentorshipId}?notice=refused.role`);
    expect(await sessions()).toBe(2);
  });

  it('decides a re-alignment review through the JSON route’s checks: a closed program refuses', async () => {
    const owner = await tokenFor(stack.db, 'dash-owner-2', ['owner']);
    await tokenFor(stack.db, 'dash-sponsor-2', ['sponsor']);
    const created = await request(api)
      .post('/programs')
      .set('Authorization', `Bearer ${owner}`)
      .send({
        name: 'Closed program',
        sponsorId: 'dash-sponsor-2',
        objectives: [{ title: 'Grow', kpis: [{ name: 'Engagement', unit: 'pts', baseline: 60, target: 70 }] }],
      })
      .expect(201);
    // The read model says CLOSED (its workflow has ended): the check comes before any Update.
    await stack.db.query(`UPDATE programs SET phase = 'CLOSED' WHERE id = $1`, [created.body.id]);
    await signIn('owner', owner);
    const res = await request(api)
      .post(`/dashboard/programs/${created.body.id}/reviews/1/keep`)
      .set('Cookie', cookies.owner)
      .type('form')
      .send({ notes: 'Nothing to change' })
      .expect(303);
    // PROGRAM.CLOSED (409): the page says it is not possible at this step, from the fixed list of notices.
    expect(res.headers.location).toBe(`/dashboard/programs/${created.body.id}?notice=refused.phase`);
  });
});
