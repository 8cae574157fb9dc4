import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { eventually, useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';

const stack = useWorkerStack('e2e-matching', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
const t: Record<string, string> = {};
const as = (who: string) => ({ Authorization: `Bearer ${t[who]}` });

const CSV = [
  'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool',
  'ceo,Claire Martin,claire@example.com,Board,,M3,20,3,fr|en,Paris,Europe/Paris,2005-01-10,active,no',
  'mentor-a,Éloïse Durand,eloise@example.com,Operations,ceo,M3,15,40,fr|en,Lyon,Europe/Paris,2008-03-01,active,yes',
  'mentor-b,Ravi Shah,ravi@example.com,Sales,ceo,M3,12,30,en|fr,London,Europe/London,2010-06-15,active,yes',
  'mentee-1,Zoé Bernard,zoe@example.com,Operations,mentor-a,M1,1,6,fr,Lyon,Europe/Paris,2022-09-01,active,no',
  'mentee-2,Hugo Petit,hugo@example.com,Sales,mentor-b,M1,2,8,fr|en,Lyon,Europe/Paris,2021-02-01,active,no',
  'mentee-3,Ana Lima,ana@example.com,Finance,ceo,M1,3,5,en,Lisbon,Europe/Lisbon,2019-11-04,active,no',
  'mentee-4,Tom Lee,tom@example.com,Finance,ceo,M1,1,4,pt,Lisbon,Europe/Lisbon,2024-01-08,active,no',
  'mentee-5,Nadia Kaci,nadia@example.com,Care,ceo,M1,1,4,fr,Paris,Europe/Paris,2024-01-08,active,no',
  'sup-1,Paul Roy,paul@example.com,Board,ceo,M3,25,2,fr|en,Paris,Europe/Paris,2001-01-08,active,no',
].join('\n');

let programId = '';
const post = (path: string, who: string, body: object = {}) =>
  request(api).post(`/programs/${programId}${path}`).set(as(who)).send(body);
const proposal = async (version: number) =>
  eventually(async () => {
    const res = await request(api).get(`/programs/${programId}/matching/proposals/${version}`).set(as('owner'));
    return res.status === 200 && res.body.status !== 'SOLVING' ? res.body : null;
  });

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({ db: stack.db, temporal: stack.client, taskQueue: stack.taskQueue }));
  t.hr = await tokenFor(stack.db, 'hr-1', ['hr-admin']);
  t.owner = await tokenFor(stack.db, 'ceo', ['owner']);
  t.otherOwner = await tokenFor(stack.db, 'other-owner', ['owner']);
  t.sponsor = await tokenFor(stack.db, 'sponsor-1', ['sponsor']);
  t.sup = await tokenFor(stack.db, 'sup-1', ['supervisor']);
  await request(api).post('/people/import').set(as('hr')).set('Content-Type', 'text/csv').send(CSV).expect(200);
  for (const [personId, key, level] of [
    ['mentee-1', 'delegation', 1],
    ['mentee-2', 'feedback', 1],
    ['mentee-3', 'conflict', 2],
    ['mentee-4', 'delegation', 2],
    ['mentor-a', 'delegation', 5],
    ['mentor-a', 'feedback', 4],
    ['mentor-b', 'feedback', 5],
    ['mentor-b', 'conflict', 5],
  ] as const) {
    await request(api)
      .post('/assessments')
      .set(as('hr'))
      .send({ personId, competencyKey: key, level, source: '360', context: 'baseline', assessorId: 'ceo' })
      .expect(201);
  }
  const created = await request(api)
    .post('/programs')
    .set(as('owner'))
    .send({
      name: 'Cycle 2027',
      sponsorId: 'sponsor-1',
      objectives: [{ title: 'Grow managers', kpis: [{ name: 'Engagement', unit: 'pts', baseline: 60, target: 70 }] }],
    })
    .expect(201);
  programId = created.body.id;
});
afterAll(async () => {
  await app?.close();
});

describe('matching a cycle over HTTP', () => {
  it('refuses enrolment before the launch is approved (409), and by another owner (the 404 of an unknown program)', async () => {
    expect((await post('/enrolments', 'owner', { personId: 'mentee-1', role: 'mentee' }).expect(409)).body.code).toBe(
      'PROGRAM.WRONG_PHASE',
    );
    await request(api).post(`/programs/${programId}/launch-approval`).set(as('sponsor')).send({}).expect(200);
    expect(
      (await post('/enrolments', 'otherOwner', { personId: 'mentee-1', role: 'mentee' }).expect(404)).body.code,
    ).toBe('NOT_FOUND');
    await post('/enrolments', 'sup', { personId: 'mentee-1', role: 'mentee' }).expect(403);
  });

  it('enrols people and refuses bad enrolments with the field at fault', async () => {
    await post('/enrolments', 'owner', { personId: 'mentee-1', role: 'mentee', goals: ['delegation'] }).expect(200);
    await post('/enrolments', 'owner', { personId: 'mentee-2', role: 'mentee', wishes: ['mentor-a'] }).expect(200);
    await post('/enrolments', 'owner', { personId: 'mentee-3', role: 'mentee' }).expect(200);
    await post('/enrolments', 'owner', { personId: 'mentee-4', role: 'mentee' }).expect(200);
    await post('/enrolments', 'owner', { personId: 'mentor-a', role: 'mentor', capacity: 2 }).expect(200);
    await post('/enrolments', 'owner', { personId: 'mentor-b', role: 'mentor', capacity: 1 }).expect(200);
    await post('/enrolments', 'owner', { personId: 'sup-1', role: 'supervisor' }).expect(200);
    expect(
      (await post('/enrolments', 'owner', { personId: 'mentee-5', role: 'mentee' }).expect(400)).body.message,
    ).toMatch(/no assessment/);
    expect(
      (await post('/enrolments', 'owner', { personId: 'ghost', role: 'mentee' }).expect(400)).body.errors[0].field,
    ).toBe('personId');
    expect(
      (await post('/enrolments', 'owner', { personId: 'mentor-a', role: 'mentor', capacity: 0 }).expect(400)).body
        .errors[0].field,
    ).toBe('capacity');
    expect((await post('/enrolments', 'owner', { personId: 'mentee-1', role: 'mentee' }).expect(409)).body.code).toBe(
      'PROGRAM.ALREADY_ENROLLED',
    );
    expect(
      (await post('/enrolments', 'owner', { personId: 'mentee-3', role: 'mentee', goals: ['telepathy'] }).expect(400))
        .body.errors[0].field,
    ).toBe('goals');
    const state = await request(api).get(`/programs/${programId}/matching`).set(as('sup')).expect(200);
    expect(state.body.participants).toHaveLength(7);
  });

  it('produces an explained proposal as an activity, with reasons for the unmatched', async () => {
    expect(
      (await post('/matching/proposals', 'owner', { weights: { experience: 'high' } }).expect(400)).body.errors[0]
        .field,
    ).toBe('weights.experience');
    const requested = await post('/matching/proposals', 'owner', {}).expect(202);
    expect(requested.body).toEqual({ version: 1, status: 'SOLVING' });
    const v1 = await proposal(1);
    expect(v1.status).toBe('READY');
    const pairs = v1.result.pairs as Array<{
      menteeId: string;
      mentorId: string;
      score: number;
      contributions: Record<string, number>;
    }>;
    expect(pairs).toHaveLength(3);
    for (const p of pairs) expect(Object.values(p.contributions).reduce((a, b) => a + b, 0)).toBeCloseTo(p.score, 9);
    // mentee-1 reports to mentor-a and mentee-2 to mentor-b: neither may have their own manager.
    expect(pairs.find((p) => p.menteeId === 'mentee-1')?.mentorId).toBe('mentor-b');
    expect(pairs.find((p) => p.menteeId === 'mentee-2')?.mentorId).toBe('mentor-a');
    const unmatched = v1.result.unmatched as Array<{
      menteeId: string;
      reason: string;
      bestBlocked: Array<{ blockers: Array<{ constraint: string }> }>;
    }>;
    expect(unmatched).toEqual([expect.objectContaining({ menteeId: 'mentee-4', reason: 'NO_FEASIBLE_MENTOR' })]);
    expect(unmatched[0].bestBlocked[0].blockers.map((b) => b.constraint)).toContain('NO_SHARED_LANGUAGE');
  });

  it('keeps who pinned or banned what and why, and later versions respect it', async () => {
    await post('/matching/decisions', 'sup', {
      decision: 'ban',
      menteeId: 'mentee-3',
      mentorId: 'mentor-b',
      reason: 'they clashed on a past project',
    }).expect(200);
    await post('/matching/decisions', 'otherOwner', {
      decision: 'ban',
      menteeId: 'mentee-3',
      mentorId: 'mentor-a',
      reason: 'not my program',
    }).expect(404);
    expect(
      (
        await post('/matching/decisions', 'owner', {
          decision: 'pin',
          menteeId: 'mentee-9',
          mentorId: 'mentor-a',
          reason: 'x x x',
        }).expect(400)
      ).body.errors[0].field,
    ).toBe('menteeId');
    await post('/matching/proposals', 'owner', {}).expect(202);
    const v2 = await proposal(2);
    expect(
      v2.result.pairs.some(
        (p: { menteeId: string; mentorId: string }) => p.menteeId === 'mentee-3' && p.mentorId === 'mentor-b',
      ),
    ).toBe(false);
    expect(v2.request.bans).toEqual([
      { menteeId: 'mentee-3', mentorId: 'mentor-b', by: 'sup-1', reason: 'they clashed on a past project' },
    ]);
    const events = await request(api).get(`/programs/${programId}/events`).set(as('owner')).expect(200);
    expect(events.body.filter((e: { type: string }) => e.type === 'MatchingPairDecided')[0]).toMatchObject({
      actorId: 'sup-1',
      data: { decision: 'ban', reason: 'they clashed on a past project' },
    });
  });

  it('records an impossible pin as a failed proposal, not an error', async () => {
    await post('/matching/decisions', 'owner', {
      decision: 'pin',
      menteeId: 'mentee-1',
      mentorId: 'mentor-a',
      reason: 'asked for it',
    }).expect(200);
    await post('/matching/proposals', 'owner', {}).expect(202);
    const v3 = await proposal(3);
    expect(v3.status).toBe('FAILED');
    expect(v3.failure).toMatch(/MATCHING.PIN_INFEASIBLE.*IN_REPORTING_CHAIN/);
    await post('/matching/proposals/3/approval', 'owner').expect(409);
    await post('/matching/decisions', 'owner', {
      decision: 'ban',
      menteeId: 'mentee-1',
      mentorId: 'mentor-a',
      reason: 'lift the pin',
    }).expect(200);
  });

  it('approves a version: the program moves to TRAINING and matching is closed', async () => {
    await post('/matching/proposals/2/approval', 'sup').expect(403);
    expect((await post('/matching/proposals/9/approval', 'owner').expect(404)).body.code).toBe(
      'PROGRAM.NO_SUCH_PROPOSAL',
    );
    const approved = await post('/matching/proposals/2/approval', 'owner').expect(200);
    expect(approved.body.phase).toBe('TRAINING');
    expect((await post('/matching/proposals/2/approval', 'owner').expect(409)).body.code).toBe('PROGRAM.WRONG_PHASE');
    expect(
      (await request(api).get(`/programs/${programId}/matching/proposals/2`).set(as('sup')).expect(200)).body.approved,
    ).toBe(true);
    // The sponsor sees the program, not the people in its proposals (personal details).
    await request(api).get(`/programs/${programId}/matching/proposals/2`).set(as('sponsor')).expect(403);
    await request(api).get(`/programs/${programId}/matching/proposals/2`).set(as('otherOwner')).expect(404);
    const types = (await request(api).get(`/programs/${programId}/events`).set(as('owner'))).body.map(
      (e: { type: string }) => e.type,
    );
    expect(types.slice(-2)).toEqual(['MatchingApproved', 'ProgramPhaseChanged']);
  });
});
