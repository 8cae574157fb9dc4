import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import {
  connectClient,
  createTestDatabase,
  startWorker,
  uniqueTaskQueue,
  type RunningWorker,
} from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';

let db: DataSource;
let client: Client;
let closeClient: () => Promise<void>;
let worker: RunningWorker;
let app: NestExpressApplication;
let api: string;
const tokens: Record<string, string> = {};
const taskQueue = uniqueTaskQueue('e2e');

const body = {
  name: 'Managerial mentoring 2027',
  sponsorId: 'sponsor-1',
  objectives: [
    { title: 'Retain first-line managers', kpis: [{ name: 'Team turnover', unit: '%', baseline: 18, target: 12 }] },
  ],
};
const bearer = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

beforeAll(async () => {
  ({ db } = await createTestDatabase('e2e_programs'));
  ({ client, close: closeClient } = await connectClient());
  worker = await startWorker(db, taskQueue);
  ({ app, baseUrl: api } = await startApi({ db, temporal: client, taskQueue }));
  tokens.owner = await tokenFor(db, 'owner-1', ['owner']);
  tokens.sponsor = await tokenFor(db, 'sponsor-1', ['sponsor']);
  tokens.otherSponsor = await tokenFor(db, 'sponsor-2', ['sponsor']);
  tokens.mentor = await tokenFor(db, 'mentor-1', ['mentor']);
});
afterAll(async () => {
  await app?.close();
  await worker?.stop();
  await closeClient?.();
  await db?.destroy();
});

const countEvents = async () => Number((await db.query('SELECT count(*) AS n FROM domain_events'))[0].n);

describe('programs over HTTP, on real Temporal and Postgres', () => {
  it('creates a program, refuses the wrong person (403) and the wrong phase (409), and records the approval', async () => {
    const created = await request(api).post('/programs').set(bearer('owner')).send(body).expect(201);
    expect(created.body).toMatchObject({
      name: body.name,
      ownerId: 'owner-1',
      sponsorId: 'sponsor-1',
      phase: 'LAUNCH_PLANNING',
      version: 2,
    });
    const id: string = created.body.id;
    expect(created.body.workflowId).toBe(`program:${id}`);

    const before = await countEvents();
    // A sponsor of no part in the program learns nothing of it: the 404 of an unknown id.
    const wrongPerson = await request(api)
      .post(`/programs/${id}/launch-approval`)
      .set(bearer('otherSponsor'))
      .send({})
      .expect(404);
    expect(wrongPerson.body.code).toBe('NOT_FOUND');
    const wrongRole = await request(api)
      .post(`/programs/${id}/launch-approval`)
      .set(bearer('owner'))
      .send({})
      .expect(403);
    expect(wrongRole.body.code).toBe('AUTH.ROLE_REQUIRED');
    expect(await countEvents()).toBe(before);

    const approved = await request(api)
      .post(`/programs/${id}/launch-approval`)
      .set(bearer('sponsor'))
      .send({ comment: 'Go' })
      .expect(200);
    expect(approved.body.phase).toBe('SELECTION_MATCHING');

    const wrongPhase = await request(api)
      .post(`/programs/${id}/launch-approval`)
      .set(bearer('sponsor'))
      .send({})
      .expect(409);
    expect(wrongPhase.body).toMatchObject({ code: 'PROGRAM.WRONG_PHASE' });
    expect(wrongPhase.body.message).toMatch(/SELECTION_MATCHING/);

    const read = await request(api).get(`/programs/${id}`).set(bearer('owner')).expect(200);
    expect(read.body).toMatchObject({ phase: 'SELECTION_MATCHING', version: 4 });
    expect(read.body.launchApprovedAt).not.toBeNull();

    const events = await request(api).get(`/programs/${id}/events`).set(bearer('sponsor')).expect(200);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'ProgramCreated',
      'ProgramPhaseChanged',
      'LaunchApproved',
      'ProgramPhaseChanged',
    ]);
    expect(events.body[2]).toMatchObject({ version: 3, actorId: 'sponsor-1', data: { comment: 'Go' } });
    expect(events.body[3].data).toEqual({
      from: 'LAUNCH_PLANNING',
      to: 'SELECTION_MATCHING',
      reason: 'launch approved by the sponsor',
    });
    const rows = await db.query(`SELECT type FROM domain_events WHERE stream_id = $1 ORDER BY stream_version`, [
      `program:${id}`,
    ]);
    expect(rows.map((r: { type: string }) => r.type)).toContain('LaunchApproved');
  });

  it('plans a program with its steering group, key success factors and own policy; the steering group may read it', async () => {
    tokens.steering = await tokenFor(db, 'steer-1', ['mentor']);
    const planned = {
      ...body,
      name: 'Planned with a policy',
      steeringGroup: ['steer-1'],
      keySuccessFactors: ['Mentors trained before they are matched'],
      policy: {
        mentorship: { sessionEveryMs: 7 * 86_400_000 },
        reviews: { reviewEveryMs: 30 * 86_400_000 },
        matchingWeights: { experience: 0.3 },
      },
    };
    const created = await request(api).post('/programs').set(bearer('owner')).send(planned).expect(201);
    expect(created.body).toMatchObject({
      steeringGroup: ['steer-1'],
      keySuccessFactors: ['Mentors trained before they are matched'],
      policy: planned.policy,
    });
    await request(api).get(`/programs/${created.body.id}`).set(bearer('steering')).expect(200);
    expect(
      (await request(api).get('/programs').set(bearer('steering')).expect(200)).body.items.map(
        (p: { id: string }) => p.id,
      ),
    ).toContain(created.body.id);
    const before = await countEvents();
    const bad = await request(api)
      .post('/programs')
      .set(bearer('owner'))
      .send({ ...planned, policy: { mentorship: { reminderLeadMs: 30 * 86_400_000 } } })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('policy.mentorship.reminderLeadMs');
    expect(
      (
        await request(api)
          .post('/programs')
          .set(bearer('owner'))
          .send({ ...planned, steeringGroup: ['nobody'] })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('steeringGroup.0');
    expect(
      (
        await request(api)
          .post('/programs')
          .set(bearer('owner'))
          .send({ ...planned, policy: { reviews: { reviewEveryMs: 0 } } })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('policy.reviews.reviewEveryMs');
    expect(await countEvents()).toBe(before);
  });

  it('lists the programs the caller owns or sponsors, paginated and filtered by phase', async () => {
    for (let i = 0; i < 3; i++)
      await request(api)
        .post('/programs')
        .set(bearer('owner'))
        .send({ ...body, name: `Cycle ${i}` })
        .expect(201);
    const page = await request(api)
      .get('/programs?limit=2&offset=0&phase=LAUNCH_PLANNING')
      .set(bearer('owner'))
      .expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    expect(page.body).toMatchObject({ limit: 2, offset: 0 });
    expect(page.body.items.every((p: { phase: string }) => p.phase === 'LAUNCH_PLANNING')).toBe(true);
    const none = await request(api).get('/programs').set(bearer('mentor')).expect(200);
    expect(none.body.total).toBe(0);
  });

  it('hides a program from people with no part in it: the same 404 as an unknown id', async () => {
    const created = await request(api).post('/programs').set(bearer('owner')).send(body).expect(201);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const hidden = await request(api).get(`/programs/${created.body.id}`).set(bearer('mentor')).expect(404);
    const missing = await request(api).get(`/programs/${unknown}`).set(bearer('mentor')).expect(404);
    expect(hidden.body).toEqual({ ...missing.body, message: missing.body.message.replace(unknown, created.body.id) });
    await request(api).get(`/programs/${created.body.id}/events`).set(bearer('otherSponsor')).expect(404);
    expect((await request(api).get(`/programs/${unknown}`).set(bearer('owner')).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    await request(api)
      .post('/programs/00000000-0000-4000-8000-000000000000/launch-approval')
      .set(bearer('sponsor'))
      .send({})
      .expect(404);
  });
});

describe('authentication and validation', () => {
  it('needs a valid bearer token everywhere but health and docs', async () => {
    expect((await request(api).get('/programs').expect(401)).body.code).toBe('AUTH.MISSING_TOKEN');
    expect((await request(api).get('/programs').set({ Authorization: 'Bearer mf_nope' }).expect(401)).body.code).toBe(
      'AUTH.INVALID_TOKEN',
    );
    await request(api).get('/health').expect(200);
    expect((await request(api).get('/health/ready').expect(200)).body).toEqual({
      status: 'ok',
      postgres: 'ok',
      temporal: 'ok',
      workflows: 'ok',
      workflowFaults: { APPEND_FAILING: 0, SLOW_UPDATE: 0 },
    });
    const openapi = await request(api).get('/docs/openapi.json').expect(200);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/programs',
        '/programs/{id}',
        '/programs/{id}/events',
        '/programs/{id}/launch-approval',
      ]),
    );
  });

  it('counts requests by route in Prometheus metrics and echoes the request id', async () => {
    const res = await request(api)
      .get('/programs/00000000-0000-4000-8000-000000000000')
      .set(bearer('owner'))
      .set('X-Request-Id', 'trace-1')
      .expect(404);
    expect(res.headers['x-request-id']).toBe('trace-1');
    // /metrics is for operators (or the METRICS_TOKEN secret), not for anybody.
    await request(api).get('/metrics').expect(401);
    await request(api).get('/metrics').set(bearer('owner')).expect(403);
    const metrics = await request(api)
      .get('/metrics')
      .set({ Authorization: `Bearer ${await tokenFor(db, 'ops-1', ['operator'])}` })
      .expect(200);
    expect(metrics.text).toMatch(
      /mentorflow_http_requests_total\{method="GET",route="\/programs\/:id",status="404",process="api"\} \d+/,
    );
    expect(metrics.text).toMatch(/mentorflow_http_request_duration_seconds_bucket/);
  });

  it('refuses a program creation by a person without the owner role', async () => {
    const before = await countEvents();
    expect((await request(api).post('/programs').set(bearer('sponsor')).send(body).expect(403)).body.code).toBe(
      'AUTH.ROLE_REQUIRED',
    );
    expect(await countEvents()).toBe(before);
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const before = await countEvents();
    const res = await request(api)
      .post('/programs')
      .set(bearer('owner'))
      .send({
        name: '',
        sponsorId: 'sponsor-1',
        objectives: [{ title: 'x', kpis: [{ name: 'k', unit: '%', baseline: 'high' }] }],
        colour: 'red',
      })
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['name', 'colour', 'objectives.0.kpis.0.baseline', 'objectives.0.kpis.0.target']),
    );
    const unknownSponsor = await request(api)
      .post('/programs')
      .set(bearer('owner'))
      .send({ ...body, sponsorId: 'nobody' })
      .expect(400);
    expect(unknownSponsor.body.errors[0].field).toBe('sponsorId');
    const domainRule = await request(api)
      .post('/programs')
      .set(bearer('owner'))
      .send({ ...body, objectives: [{ title: 't', kpis: [{ name: 'k', unit: '%', baseline: 3, target: 3 }] }] })
      .expect(400);
    expect(domainRule.body).toMatchObject({
      code: 'PROGRAM.INVALID',
      errors: [{ field: 'objectives.0.kpis.0.target' }],
    });
    // A KPI baseline of 1e308 is a typo, not a measure.
    const huge = await request(api)
      .post('/programs')
      .set(bearer('owner'))
      .send({ ...body, objectives: [{ title: 't', kpis: [{ name: 'k', unit: '%', baseline: 1e308, target: 3 }] }] })
      .expect(400);
    expect(huge.body.errors.map((e: { field: string }) => e.field)).toEqual(['objectives.0.kpis.0.baseline']);
    expect(await countEvents()).toBe(before);
  });

  it('answers 400 for malformed JSON and for a malformed id', async () => {
    const res = await request(api)
      .post('/programs')
      .set(bearer('owner'))
      .set('Content-Type', 'application/json')
      .send('{"name":')
      .expect(400);
    expect(res.body.code).toBe('REQUEST.MALFORMED_JSON');
    expect((await request(api).get('/programs/not-a-uuid').set(bearer('owner')).expect(400)).body.errors[0].field).toBe(
      'id',
    );
    expect((await request(api).get('/programs?limit=0').set(bearer('owner')).expect(400)).body.errors[0].field).toBe(
      'limit',
    );
  });

  it('lets an hr-admin issue tokens, and nobody else', async () => {
    const admin = await tokenFor(db, 'hr-1', ['hr-admin']);
    const issued = await request(api)
      .post('/tokens')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ personId: 'emp-9', displayName: 'Nadia', roles: ['mentor'] })
      .expect(201);
    expect(issued.body.token).toMatch(/^mf_/);
    const stored = await db.query('SELECT token_hash FROM api_tokens WHERE id = $1', [issued.body.id]);
    expect(stored[0].token_hash).not.toContain(issued.body.token);
    await request(api)
      .get('/programs')
      .set({ Authorization: `Bearer ${issued.body.token}` })
      .expect(200);
    await request(api)
      .post('/tokens')
      .set(bearer('owner'))
      .send({ personId: 'x', displayName: 'x', roles: ['owner'] })
      .expect(403);
    const bad = await request(api)
      .post('/tokens')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ personId: 'x', displayName: 'x', roles: ['king'] })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('roles');
  });
});
