import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { programWorkflowId } from '../../libs/contracts/src/index.js';
import { uuidFromKey } from '../../libs/contracts/src/ids.js';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { quietTimings } from '../support/programs.js';

const stack = useWorkerStack('e2e-idem', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
const t: Record<string, string> = {};
const as = (who: string, key?: string) => ({
  Authorization: `Bearer ${t[who]}`,
  ...(key ? { 'Idempotency-Key': key } : {}),
});
const body = {
  name: 'Idempotent cycle',
  sponsorId: 'sponsor-1',
  objectives: [{ title: 'Retain managers', kpis: [{ name: 'Turnover', unit: '%', baseline: 18, target: 12 }] }],
};
const count = async (sql: string, params: unknown[] = []) => Number((await stack.db.query(sql, params))[0].n);

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({ db: stack.db, temporal: stack.client, taskQueue: stack.taskQueue }));
  t.owner = await tokenFor(stack.db, 'owner-1', ['owner']);
  t.sponsor = await tokenFor(stack.db, 'sponsor-1', ['sponsor']);
  t.other = await tokenFor(stack.db, 'sponsor-2', ['sponsor']);
});
afterAll(async () => {
  await app?.close();
});

describe('Idempotency-Key', () => {
  it('answers a repeated creation with the first answer and creates one program', async () => {
    const first = await request(api).post('/programs').set(as('owner', 'create-1')).send(body).expect(201);
    const again = await request(api).post('/programs').set(as('owner', 'create-1')).send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await count(`SELECT count(*) AS n FROM programs WHERE name = $1`, [body.name])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM domain_events WHERE stream_id = $1`, [first.body.workflowId])).toBe(
      2,
    );
  });

  it('answers 409 while the first request with a key is still running', async () => {
    await stack.db.query(
      `INSERT INTO idempotency_keys (actor_id, key, method, path, request_sha256) VALUES ('owner-1', 'busy-1', 'POST', '/programs', $1)`,
      [
        createHash('sha256')
          .update(`POST /programs\n${JSON.stringify(body)}`)
          .digest('hex'),
      ],
    );
    expect((await request(api).post('/programs').set(as('owner', 'busy-1')).send(body).expect(409)).body.code).toBe(
      'IDEMPOTENCY.IN_PROGRESS',
    );
  });

  it('refuses the same key for another request (422) and a malformed key (400)', async () => {
    expect(
      (
        await request(api)
          .post('/programs')
          .set(as('owner', 'create-1'))
          .send({ ...body, name: 'Other' })
          .expect(422)
      ).body.code,
    ).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(
      (await request(api).post('/programs').set(as('owner', 'bad key!')).send(body).expect(400)).body.errors[0].field,
    ).toBe('Idempotency-Key');
  });

  it('applies a repeated approval once, and replays a refusal as it was', async () => {
    const created = await request(api)
      .post('/programs')
      .set(as('owner', 'create-2'))
      .send({ ...body, name: 'Cycle 2' })
      .expect(201);
    const id: string = created.body.id;
    expect(
      (await request(api).post(`/programs/${id}/launch-approval`).set(as('other', 'approve-x')).send({}).expect(404))
        .body.code,
    ).toBe('NOT_FOUND');
    expect(
      (await request(api).post(`/programs/${id}/launch-approval`).set(as('other', 'approve-x')).send({}).expect(404))
        .body.code,
    ).toBe('NOT_FOUND');
    const approved = await request(api)
      .post(`/programs/${id}/launch-approval`)
      .set(as('sponsor', 'approve-1'))
      .send({ comment: 'go' })
      .expect(200);
    const repeat = await request(api)
      .post(`/programs/${id}/launch-approval`)
      .set(as('sponsor', 'approve-1'))
      .send({ comment: 'go' })
      .expect(200);
    expect(repeat.body).toEqual(approved.body);
    expect(
      await count(`SELECT count(*) AS n FROM domain_events WHERE stream_id = $1 AND type = 'LaunchApproved'`, [
        `program:${id}`,
      ]),
    ).toBe(1);
    // Without a key, a second approval is simply the wrong phase.
    await request(api).post(`/programs/${id}/launch-approval`).set(as('sponsor')).send({}).expect(409);
  });

  it('is safe when the API died mid-request: the retry finds the workflow it had started', async () => {
    // What a crash leaves: a claimed key with no answer, and the program's workflow already started.
    const key = 'crash-1';
    const sent = { ...body, name: 'Crashed' };
    const sha = createHash('sha256')
      .update(`POST /programs\n${JSON.stringify(sent)}`)
      .digest('hex');
    await stack.db.query(
      `INSERT INTO idempotency_keys (actor_id, key, method, path, request_sha256, created_at) VALUES ('owner-1', $1, 'POST', '/programs', $2, now() - interval '5 minutes')`,
      [key, sha],
    );
    const programId = uuidFromKey(`owner-1:${key}`);
    await stack.client.workflow.start('programWorkflow', {
      workflowId: programWorkflowId(programId),
      taskQueue: stack.taskQueue,
      args: [
        {
          draft: { ...body, name: 'Crashed', programId, ownerId: 'owner-1' },
          createdBy: 'owner-1',
          timings: quietTimings,
        },
      ],
    });
    // The retry takes the stale claim over and gets the program the dead request had started.
    const retried = await request(api).post('/programs').set(as('owner', key)).send(sent).expect(201);
    expect(retried.body.id).toBe(programId);
    expect(await count(`SELECT count(*) AS n FROM programs WHERE name = 'Crashed'`)).toBe(1);
  });
});
