import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { readStream } from '../../libs/persistence/src/index.js';
import { eventually, useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { activeCycle, mentorOf, type ActiveCycle } from '../support/cycle.js';

/**
 * What an operator sees and does when a workflow is stuck (docs/RELIABILITY.md): faults listed on
 * /operations, /health/ready and /metrics, a bounded wait instead of a hung request, a restart from
 * the event log that loses and doubles nothing, and 409 for actions on a mentorship that has ended.
 */
const stack = useWorkerStack('e2e-operations', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let cycle: ActiveCycle;
let operator = '';

const deps = () => ({ db: stack.db, temporal: stack.client, taskQueue: stack.taskQueue });

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi(deps()));
  cycle = await activeCycle(api, stack.db, 2);
  operator = await tokenFor(stack.db, 'ops-1', ['operator']);
}, 240_000);
afterAll(async () => {
  await app?.close();
});

const as = (who: string) => ({ Authorization: `Bearer ${cycle.tokens[who]}` });
const asOperator = () => ({ Authorization: `Bearer ${operator}` });
const versionsOf = async (workflowId: string) => (await readStream(stack.db, workflowId)).map((e) => e.streamVersion);

describe('operations: finding and mending a stuck workflow', () => {
  it('answers 409 MENTORSHIP.WRONG_PHASE to every action once a mentorship has ended', async () => {
    const id = cycle.mentorshipIds[1];
    const m = `/mentorships/${id}`;
    await request(api).post(`${m}/termination`).set(as('owner')).send({ reason: 'moved abroad' }).expect(200);
    const mentor = await mentorOf(api, cycle, id);
    const attempts = [
      request(api).post(`${m}/termination`).set(as('owner')).send({ reason: 'ended twice by mistake' }),
      request(api).post(`${m}/pause`).set(as('owner')).send({ reason: 'holiday season' }),
      request(api).post(`${m}/approval`).set(as('sup')).send({}),
      request(api)
        .post(`${m}/sessions`)
        .set(as(mentor))
        .send({ heldAt: new Date().toISOString(), minutes: 30, topics: [], competencies: [] }),
    ];
    for (const attempt of attempts) {
      const res = await attempt;
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'MENTORSHIP.WRONG_PHASE' });
    }
  });

  it('lists a workflow whose Updates answer late on /operations, /health/ready and /metrics, until one answers in time', async () => {
    const workflowId = `mentorship:${cycle.mentorshipIds[0]}`;
    // A second API replica whose bound every Update passes.
    const strict = await startApi({ ...deps(), updateBounds: { timeoutMs: 30_000, slowAfterMs: 0 } });
    try {
      await request(strict.baseUrl)
        .post(`/mentorships/${cycle.mentorshipIds[0]}/pulse`)
        .set(as('mentee0'))
        .send({ scores: { challenge: 4, guidedExperience: 4, trust: 4, practiceChange: 4 } })
        .expect(200);
    } finally {
      await strict.app.close();
    }
    const faults = await request(api).get('/operations/workflow-faults').set(asOperator()).expect(200);
    expect(faults.body).toEqual([expect.objectContaining({ workflowId, kind: 'SLOW_UPDATE', code: 'WORKFLOW.SLOW' })]);
    const ready = await request(api).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ workflows: 'degraded', workflowFaults: { SLOW_UPDATE: 1, APPEND_FAILING: 0 } });
    expect((await request(api).get('/metrics').set(asOperator()).expect(200)).text).toMatch(
      /mentorflow_workflow_faults\{kind="SLOW_UPDATE"[^}]*\} 1/,
    );
    await request(api).get('/operations/workflow-faults').set(as('owner')).expect(403);

    // The other replica's next Update is answered in time: the fault is gone.
    await request(api)
      .post(`/mentorships/${cycle.mentorshipIds[0]}/pulse`)
      .set(as('mentee0'))
      .send({ scores: { challenge: 5, guidedExperience: 4, trust: 4, practiceChange: 4 } })
      .expect(200);
    // Cleared right after the answer, without holding it back.
    await eventually(
      async () => (await request(api).get('/operations/workflow-faults').set(asOperator())).body.length === 0,
    );
    expect((await request(api).get('/health/ready').expect(200)).body.workflows).toBe('ok');
  });

  it('answers 503 WORKFLOW.NOT_ANSWERING when no worker takes the Update in time, and records it', async () => {
    const id = cycle.mentorshipIds[0];
    await stack.stopWorker();
    const impatient = await startApi({ ...deps(), updateBounds: { timeoutMs: 2_000, slowAfterMs: 1_000 } });
    try {
      const res = await request(impatient.baseUrl)
        .post(`/mentorships/${id}/pulse`)
        .set(as('mentee0'))
        .set('Idempotency-Key', 'pulse-while-down')
        .send({ scores: { challenge: 3, guidedExperience: 3, trust: 3, practiceChange: 3 } });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'WORKFLOW.NOT_ANSWERING' });
      expect(res.headers['retry-after']).toBeDefined();
      const faults = await request(api).get('/operations/workflow-faults').set(asOperator()).expect(200);
      expect(faults.body).toEqual([
        expect.objectContaining({
          workflowId: `mentorship:${id}`,
          kind: 'SLOW_UPDATE',
          code: 'WORKFLOW.NOT_ANSWERING',
        }),
      ]);
      // The worker comes back: the same request, retried with its key, gets the Update's outcome, applied once.
      await stack.startWorker();
      const retried = await request(impatient.baseUrl)
        .post(`/mentorships/${id}/pulse`)
        .set(as('mentee0'))
        .set('Idempotency-Key', 'pulse-while-down')
        .send({ scores: { challenge: 3, guidedExperience: 3, trust: 3, practiceChange: 3 } });
      expect(retried.status).toBe(200);
      const pulses = (await readStream(stack.db, `mentorship:${id}`)).filter(
        (e) => e.type === 'PulseSubmitted' && JSON.stringify(e.payload).includes('"trust":3'),
      );
      expect(pulses).toHaveLength(1);
    } finally {
      await impatient.app.close();
    }
  });

  it('restarts a workflow from the event log: every fact kept, none doubled, and it answers again', async () => {
    const id = cycle.mentorshipIds[0];
    const workflowId = `mentorship:${id}`;
    const before = await versionsOf(workflowId);
    await request(api).post(`/operations/workflows/${workflowId}/restart`).set(as('owner')).expect(403);
    await request(api).post('/operations/workflows/mentorship:nope/restart').set(asOperator()).expect(400);
    await request(api)
      .post('/operations/workflows/mentorship:00000000-0000-4000-8000-000000000000/restart')
      .set(asOperator())
      .expect(404);
    const restarted = await request(api)
      .post(`/operations/workflows/${workflowId}/restart`)
      .set(asOperator())
      .expect(200);
    expect(restarted.body).toMatchObject({ workflowId, version: before.length });
    expect(restarted.body.terminatedRunId).toEqual(expect.any(String));
    expect(restarted.body.runId).not.toBe(restarted.body.terminatedRunId);

    const state = await request(api).get(`/mentorships/${id}`).set(as('owner')).expect(200);
    expect(state.body.phase).toBe('ACTIVE');
    const mentor = await mentorOf(api, cycle, id);
    await request(api)
      .post(`/mentorships/${id}/sessions`)
      .set(as(mentor))
      .send({ heldAt: new Date().toISOString(), minutes: 30, topics: ['after the restart'], competencies: [] })
      .expect(200);
    const after = await versionsOf(workflowId);
    expect(after).toEqual([...before, before.length + 1]);
  });
});
