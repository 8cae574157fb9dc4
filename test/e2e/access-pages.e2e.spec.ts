import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { useWorkerStack } from '../support/services.js';
import { startApi } from '../support/api.js';
import { activeCycle, type ActiveCycle } from '../support/cycle.js';

/**
 * What a dashboard page shows depends on the reader's relation, as the JSON routes do: the
 * sponsor reads the program page without its people by name; and a person reported `left` by an
 * HR event loses tokens and dashboard sessions at once.
 */
const stack = useWorkerStack('e2e-access-pages', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let cycle: ActiveCycle;

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({ db: stack.db, temporal: stack.client, taskQueue: stack.taskQueue }));
  cycle = await activeCycle(api, stack.db);
});
afterAll(async () => {
  await app?.close();
});

async function signIn(who: string): Promise<string> {
  const res = await request(api).post('/dashboard/sign-in').type('form').send({ token: cycle.tokens[who] }).expect(303);
  return String(res.headers['set-cookie']).split(';')[0];
}

describe('dashboard pages by relation, and leavers', () => {
  it('shows the owner the mentorships by name; the sponsor the program without its people', async () => {
    const page = async (who: string) =>
      (
        await request(api)
          .get(`/dashboard/programs/${cycle.programId}`)
          .set('Cookie', await signIn(who))
          .expect(200)
      ).text;
    const mentee = (
      await request(api).get(`/people/${cycle.people.mentees[0]}`).set('Authorization', `Bearer ${cycle.tokens.hr}`)
    ).body.name as string;
    const owner = await page('owner');
    expect(owner).toContain(mentee);
    expect(owner).toContain(`/dashboard/mentorships/${cycle.mentorshipIds[0]}`);
    const sponsor = await page('sponsor');
    expect(sponsor).not.toContain(mentee);
    expect(sponsor).not.toContain(cycle.mentorshipIds[0]);
    // As on the JSON routes: the sponsor reads the program, not its mentorships or monitoring.
    for (const path of ['mentorships', 'monitoring'])
      await request(api)
        .get(`/programs/${cycle.programId}/${path}`)
        .set('Authorization', `Bearer ${cycle.tokens.sponsor}`)
        .expect(403);
  });

  it('ends every token and dashboard session of a person an HR event reports as left', async () => {
    const mentor = cycle.people.mentors[0];
    const cookie = await signIn('mentor0');
    await request(api).get('/dashboard').set('Cookie', cookie).expect(200);
    await request(api).get('/mentorships').set('Authorization', `Bearer ${cycle.tokens.mentor0}`).expect(200);
    await request(api)
      .post('/hr-events')
      .set('Authorization', `Bearer ${cycle.tokens.hr}`)
      .send({ sourceId: `left-${mentor}`, type: 'left', personId: mentor, occurredAt: new Date().toISOString() })
      .expect(200);
    expect(
      (await request(api).get('/mentorships').set('Authorization', `Bearer ${cycle.tokens.mentor0}`).expect(401)).body
        .code,
    ).toBe('AUTH.INVALID_TOKEN');
    expect((await request(api).get('/dashboard').set('Cookie', cookie).expect(303)).headers.location).toBe(
      '/dashboard/sign-in',
    );
    const tokens = await request(api)
      .get(`/tokens?personId=${mentor}`)
      .set('Authorization', `Bearer ${cycle.tokens.hr}`)
      .expect(200);
    expect(tokens.body.map((t: { revokedReason: string | null }) => t.revokedReason)).toEqual(['person-left']);
    // No new token for somebody who left.
    expect(
      (
        await request(api)
          .post('/tokens')
          .set('Authorization', `Bearer ${cycle.tokens.hr}`)
          .send({ personId: mentor, displayName: 'Back again', roles: ['mentor'] })
          .expect(409)
      ).body.code,
    ).toBe('PERSON.LEFT');
  });
});
