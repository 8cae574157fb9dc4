import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { eventually, useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { quietTimings } from '../support/programs.js';
import { syntheticCompany, SYNTHETIC_MEASURE, SYNTHETIC_WINDOWS } from '../support/synthetic-company.js';

const stack = useWorkerStack('e2e-proof', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
const t: Record<string, string> = {};
const as = (who: string) => ({ Authorization: `Bearer ${t[who]}` });

// A company of 200 managers with a year of engagement scores before the cycle and one after.
const company = syntheticCompany({ seed: 5, managers: 200, mentees: 8 });
const mentors = company.pool.slice(0, 4).map((p) => p.id);
const HR_CSV = [
  'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool',
  'ceo,Claire Martin,claire@example.com,Board,,M3,20,3,fr|en,Paris,Europe/Paris,2005-01-10,active,no',
  'sup-1,Paul Roy,paul@example.com,Board,ceo,M3,25,2,fr|en,Paris,Europe/Paris,2001-01-08,active,no',
  'sponsor-1,Sam Taylor,sam@example.com,Board,ceo,M3,18,2,en,London,Europe/London,2004-01-08,active,no',
  ...company.people.map(
    (p) =>
      `${p.id},Manager ${p.id.slice(1)},${p.id}@example.com,${p.department},ceo,${p.jobLevel},${p.managementYears},${p.teamSize},fr|en,Lyon,Europe/Paris,2015-01-01,active,${mentors.includes(p.id) ? 'yes' : 'no'}`,
  ),
].join('\n');
const OUTCOME_CSV = [
  'employee_id,measure,period,value,source',
  ...company.values.map((v) => `${v.employeeId},${v.measure},${v.period},${v.value},${v.source}`),
].join('\n');
let programId = '';

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    programTimings: quietTimings,
  }));
  t.hr = await tokenFor(stack.db, 'hr-1', ['hr-admin']);
  t.owner = await tokenFor(stack.db, 'ceo', ['owner']);
  t.otherOwner = await tokenFor(stack.db, 'other-owner', ['owner']);
  t.sponsor = await tokenFor(stack.db, 'sponsor-1', ['sponsor']);
  t.mentee = await tokenFor(stack.db, company.mentees[0].id, ['mentee']);
  await request(api).post('/people/import').set(as('hr')).set('Content-Type', 'text/csv').send(HR_CSV).expect(200);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const importCsv = (csv: string, query = '') =>
  request(api).post(`/outcome-measures/import${query}`).set(as('hr')).set('Content-Type', 'text/csv').send(csv);

describe('outcome measures for everyone', () => {
  it('rejects a bad file whole, with every error by line and column, and writes nothing', async () => {
    const bad = await importCsv(
      'employee_id,measure,period,value,source\nm0001,engagement score,2025-13,x,hris\nnobody,engagement score,2025-01,3,hris\n',
    ).expect(400);
    expect(bad.body.code).toBe('OUTCOME_IMPORT.INVALID');
    expect(bad.body.lines.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [2, 'period'],
      [2, 'value'],
      [3, 'employee_id'],
    ]);
    expect((await request(api).get('/outcome-measures').set(as('hr')).expect(200)).body).toEqual([]);
    await importCsv('x').set(as('owner')).expect(403);
  });

  it('imports all or nothing, dry run first, and a second import of the same source changes nothing', async () => {
    const dry = await importCsv(OUTCOME_CSV, '?dryRun=true').expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: company.values.length, changed: true });
    expect((await request(api).get('/outcome-measures').set(as('hr')).expect(200)).body).toEqual([]);
    const done = await importCsv(OUTCOME_CSV).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, created: company.values.length, updated: 0 });
    const again = await importCsv(OUTCOME_CSV).expect(200);
    expect(again.body).toMatchObject({ changed: false, unchanged: company.values.length });
    const [summary] = (await request(api).get('/outcome-measures').set(as('owner')).expect(200)).body;
    expect(summary).toMatchObject({ measure: SYNTHETIC_MEASURE, people: 200, from: '2025-01', to: '2027-06' });
  }, 60_000);
});

describe('consent to feed training cases', () => {
  it('is answered by the person or an HR admin, nobody else', async () => {
    const me = company.mentees[0].id;
    expect((await request(api).get(`/people/${me}/case-consent`).set(as('mentee')).expect(200)).body.consent).toBe(
      'not-asked',
    );
    await request(api).put(`/people/${me}/case-consent`).set(as('mentee')).send({ consent: 'granted' }).expect(200);
    expect((await request(api).get(`/people/${me}/case-consent`).set(as('hr')).expect(200)).body).toMatchObject({
      consent: 'granted',
      recordedBy: me,
    });
    const other = await request(api).put(`/people/ceo/case-consent`).set(as('mentee')).send({ consent: 'granted' });
    expect([other.status, other.body.code]).toEqual([403, 'CASE_CONSENT.NOT_YOURS']);
    await request(api).put(`/people/ghost/case-consent`).set(as('hr')).send({ consent: 'granted' }).expect(404);
    const bad = await request(api).put(`/people/${me}/case-consent`).set(as('mentee')).send({ consent: 'maybe' });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'consent']);
  });
});

describe('the cycle’s effect against comparable managers, over HTTP on real Temporal and Postgres', () => {
  beforeAll(async () => {
    for (const id of [...company.mentees.map((m) => m.id), ...mentors])
      await request(api)
        .post('/assessments')
        .set(as('hr'))
        .send({
          personId: id,
          competencyKey: 'delegation',
          level: mentors.includes(id) ? 5 : 2,
          source: '360',
          context: 'baseline',
          assessorId: 'ceo',
        })
        .expect(201);
    const created = await request(api)
      .post('/programs')
      .set(as('owner'))
      .send({
        name: 'Managers 2026',
        sponsorId: 'sponsor-1',
        objectives: [
          { title: 'Engage teams', kpis: [{ name: SYNTHETIC_MEASURE, unit: 'pts', baseline: 60, target: 70 }] },
        ],
      })
      .expect(201);
    programId = created.body.id;
    const post = (path: string, body: object = {}) =>
      request(api).post(`/programs/${programId}${path}`).set(as('owner')).send(body);
    await request(api).post(`/programs/${programId}/launch-approval`).set(as('sponsor')).send({}).expect(200);
    for (const m of company.mentees)
      await post('/enrolments', { personId: m.id, role: 'mentee', goals: ['delegation'] }).expect(200);
    for (const id of mentors) await post('/enrolments', { personId: id, role: 'mentor', capacity: 2 }).expect(200);
    await post('/enrolments', { personId: 'sup-1', role: 'supervisor' }).expect(200);
    await post('/matching/proposals').expect(202);
    await eventually(
      async () =>
        (await request(api).get(`/programs/${programId}/matching/proposals/1`).set(as('owner'))).body.status ===
        'READY',
    );
    await post('/matching/proposals/1/approval').expect(200);
    for (const m of company.mentees) await post('/mentorships', { menteeId: m.id, supervisorId: 'sup-1' }).expect(201);
    // The training plan: proposed and recorded, edited, a session recorded against it.
    const proposed = await post('/training-plan').expect(200);
    expect(proposed.body.items).toEqual([
      expect.objectContaining({ competencyKey: 'delegation', trainerIds: ['sup-1'] }),
    ]);
    await request(api).post(`/programs/${programId}/training-plan`).set(as('sponsor')).send({}).expect(403);
    const item = { competencyKey: 'delegation', title: 'Letting go', audience: 'mentors', caseIds: [] };
    const edit = (trainerIds: string[]) =>
      request(api)
        .put(`/programs/${programId}/training-plan`)
        .set(as('owner'))
        .send({ items: [{ ...item, trainerIds }] });
    const notExperienced = await edit([mentors[0]]).expect(400);
    expect(notExperienced.body).toMatchObject({ code: 'PROGRAM.INVALID' });
    expect(notExperienced.body.message).toMatch(/not an experienced trainer/);
    expect((await edit(['sup-1']).expect(200)).body).toMatchObject({ edits: 1, items: [{ title: 'Letting go' }] });
    await post('/execution').expect(200);
    const offPlan = await post('/training-sessions', {
      audience: 'mentors',
      title: 'Off plan',
      heldAt: new Date().toISOString(),
      attendees: mentors,
      planItem: 'feedback',
    }).expect(400);
    expect(offPlan.body.code).toBe('PROGRAM.INVALID');
    const trained = await post('/training-sessions', {
      audience: 'mentors',
      title: 'Delegation: cases from the pilot',
      heldAt: new Date().toISOString(),
      attendees: mentors,
      planItem: 'delegation',
      trainerIds: ['sup-1'],
    }).expect(200);
    expect(trained.body.sessions[0]).toMatchObject({ planItem: 'delegation', trainerIds: ['sup-1'] });
    const events = (await request(api).get(`/programs/${programId}/events`).set(as('owner')).expect(200)).body.map(
      (e: { type: string }) => e.type,
    );
    expect(events).toEqual(
      expect.arrayContaining(['TrainingPlanProposed', 'TrainingPlanEdited', 'TrainingSessionRecorded']),
    );
    await eventually(async () => {
      const res = await request(api).get(`/programs/${programId}/mentorships`).set(as('owner')).expect(200);
      return res.body.every((m: { status: string }) => m.status === 'STARTED') ? true : null;
    }, 60_000);
  }, 120_000);

  const effect = (who: string, query: Record<string, string> = {}) =>
    request(api)
      .get(`/programs/${programId}/effect`)
      .query({
        measure: SYNTHETIC_MEASURE,
        beforeFrom: SYNTHETIC_WINDOWS.before.from,
        beforeTo: SYNTHETIC_WINDOWS.before.to,
        afterFrom: SYNTHETIC_WINDOWS.after.from,
        afterTo: SYNTHETIC_WINDOWS.after.to,
        ...query,
      })
      .set(as(who));

  it('shows the owner and HR each mentee’s comparison, with the estimate, interval, balance and limits', async () => {
    const owner = (await effect('owner').expect(200)).body;
    expect(owner).toMatchObject({ visibility: 'individual', measure: SYNTHETIC_MEASURE });
    expect(owner.sample).toMatchObject({ mentees: 8, menteesWithBaseline: 8 });
    expect(owner.sample.matchedMentees).toBeGreaterThanOrEqual(5);
    expect(owner.individual).toHaveLength(owner.sample.matchedMentees);
    expect(owner.effect.interval[0]).toBeLessThan(owner.effect.interval[1]);
    expect(owner.balance.map((b: { covariate: string }) => b.covariate)).toEqual([
      'managementYears',
      'teamSize',
      'baseline',
      'trend',
    ]);
    expect(owner.summary.join(' ')).toMatch(/interval/);
    expect(owner.limits.length).toBeGreaterThan(2);
    // The comparison managers are never participants.
    const compared = owner.individual.flatMap((i: { controlIds: string[] }) => i.controlIds);
    for (const id of [...mentors, ...company.mentees.map((m) => m.id)]) expect(compared).not.toContain(id);
    expect((await effect('hr').expect(200)).body.visibility).toBe('individual');
  }, 30_000);

  it('shows the sponsor aggregates only, and nobody else anything', async () => {
    const sponsor = (await effect('sponsor').expect(200)).body;
    expect(sponsor).toMatchObject({ visibility: 'aggregate', individual: [] });
    expect(sponsor.effect).toEqual((await effect('owner').expect(200)).body.effect);
    // Another owner finds no such program: the 404 of an unknown id.
    expect((await effect('otherOwner').expect(404)).body.code).toBe('NOT_FOUND');
  }, 30_000);

  it('answers 400 naming the field for a bad month or option, and says when a measure has no figures', async () => {
    expect((await effect('owner', { beforeFrom: '2025-13' }).expect(400)).body.errors[0].field).toBe('beforeFrom');
    expect((await effect('owner', { covariates: 'shoeSize' }).expect(400)).body.errors[0].field).toBe('covariates');
    expect((await effect('owner', { afterFrom: '2025-06' }).expect(400)).body.errors[0].field).toBe('afterFrom');
    const none = (await effect('owner', { measure: 'absence days' }).expect(200)).body;
    expect(none).toMatchObject({ verdict: 'not-enough-data', effect: null });
  }, 30_000);

  it('proposes the cycle’s training plan to its owner, and puts the comparison beside the report’s ROI', async () => {
    const plan = (await request(api).get(`/programs/${programId}/training-plan/proposal`).set(as('owner')).expect(200))
      .body;
    expect(plan.items).toEqual([
      expect.objectContaining({
        competencyKey: 'delegation',
        menteesTargeting: 8,
        mentorsAbleToCover: [...mentors].sort(),
      }),
    ]);
    expect(plan.eligibleTrainers).toEqual([{ personId: 'sup-1', reason: 'supervisor', closedMentorships: 0 }]);
    await request(api).get(`/programs/${programId}/training-plan/proposal`).set(as('sponsor')).expect(403);
    const recorded = await request(api).get(`/programs/${programId}/training-plan`).set(as('owner')).expect(200);
    expect(recorded.body).toMatchObject({ edits: 1, proposedBy: 'ceo' });
    expect(
      (await request(api).get(`/programs/${programId}/training-plan/proposal?minClosedMentorships=-1`).set(as('owner')))
        .body.errors[0].field,
    ).toBe('minClosedMentorships');
    expect((await request(api).get(`/programs/${programId}/case-library`).set(as('owner')).expect(200)).body).toEqual({
      cycle: 1,
      fileByText: false,
      cases: [],
    });
    const report = await request(api).get(`/programs/${programId}/report`).set(as('sponsor')).expect(200);
    expect(report.body.comparison).toEqual([]);
  }, 30_000);
});
