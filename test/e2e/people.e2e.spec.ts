import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { connectClient, createTestDatabase, uniqueTaskQueue } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';

let db: DataSource;
let closeClient: () => Promise<void>;
let app: NestExpressApplication;
let api: string;
const t: Record<string, string> = {};
const as = (who: string) => ({ Authorization: `Bearer ${t[who]}` });

const HEADER =
  'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool';
// ceo → vp-ops → m-ops1, m-ops2 ; ceo → vp-sales → m-sales ; mentors: vp-ops, vp-sales
const COMPANY = [
  HEADER,
  'ceo,Claire Martin,claire@example.com,Board,,M3,20,3,fr|en,Paris,Europe/Paris,2005-01-10,active,no',
  'vp-ops,"Durand, Éloïse",eloise@example.com,Operations,ceo,M3,15,40,fr,Lyon,Europe/Paris,2008-03-01,active,yes',
  'vp-sales,Ravi Shah,ravi@example.com,Sales,ceo,M3,12,30,en,London,Europe/London,2010-06-15,active,yes',
  'm-ops1,Zoé Bernard,zoe@example.com,Operations,vp-ops,M1,1,6,fr,Lyon,Europe/Paris,2022-09-01,active,no',
  'm-ops2,Hugo Petit,hugo@example.com,Operations,vp-ops,M1,2,8,fr|en,Lyon,Europe/Paris,2021-02-01,active,no',
  'm-sales,Ana Lima,ana@example.com,Sales,vp-sales,M1,3,5,pt|en,Lisbon,Europe/Lisbon,2019-11-04,active,no',
  'ic-1,Tom Lee,tom@example.com,Sales,m-sales,IC,0,0,en,London,Europe/London,2024-01-08,active,no',
].join('\n');

const peopleCount = async () => Number((await db.query(`SELECT count(*) AS n FROM people`))[0].n);

beforeAll(async () => {
  ({ db } = await createTestDatabase('e2e_people'));
  const { client, close } = await connectClient();
  closeClient = close;
  ({ app, baseUrl: api } = await startApi({ db, temporal: client, taskQueue: uniqueTaskQueue('people') }));
  t.hr = await tokenFor(db, 'hr-1', ['hr-admin']);
  t.owner = await tokenFor(db, 'owner-1', ['owner']);
  await request(api).post('/people/import').set(as('hr')).set('Content-Type', 'text/csv').send(COMPANY).expect(200);
  t.zoe = await tokenFor(db, 'm-ops1', ['mentee']);
  t.hugo = await tokenFor(db, 'm-ops2', ['mentee']);
  t.eloiseMentor = await tokenFor(db, 'vp-ops', ['mentor']);
  t.supervisor = await tokenFor(db, 'vp-sales', ['supervisor']);
});
afterAll(async () => {
  await app?.close();
  await closeClient?.();
  await db?.destroy();
});

describe('HR CSV import', () => {
  it('says that re-importing the same file changes nothing', async () => {
    const again = await request(api)
      .post('/people/import')
      .set(as('hr'))
      .set('Content-Type', 'text/csv')
      .send(COMPANY)
      .expect(200);
    expect(again.body).toMatchObject({ rows: 7, created: 0, updated: 0, unchanged: 7, changed: false });
    expect(again.body.message).toMatch(/nothing to change/);
  });

  it('rejects a file with bad rows, listing every error by line and column, and writes nothing', async () => {
    const before = await peopleCount();
    const bad = [
      HEADER,
      'n1,New One,new1@example.com,Sales,ghost,M1,1,2,en,,Europe/Paris,2025-01-01,active,no',
      'n2,New Two,not-an-email,Sales,ceo,M1,1,2,en,,Europe/Paris,2025-01-01,active,no',
      'n3,New Three,n3@example.com,Sales,ceo,M1,1,2,en,,Europe/Paris,2025-01-01,active,no',
      'n3,Dup,n3b@example.com,Sales,ceo,M1,1,2,en,,Europe/Paris,2025-01-01,active,no',
      'ceo,Claire Martin,claire@example.com,Board,m-ops1,M3,20,3,fr|en,Paris,Europe/Paris,2005-01-10,active,no',
    ].join('\n');
    const res = await request(api)
      .post('/people/import')
      .set(as('hr'))
      .set('Content-Type', 'text/csv')
      .send(bad)
      .expect(400);
    expect(res.body.code).toBe('HR_IMPORT.INVALID');
    expect(res.body.lines.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [2, 'manager_id'],
      [3, 'email'],
      [5, 'employee_id'],
      [6, 'manager_id'],
    ]);
    expect(res.body.lines[3].message).toMatch(/cycle/);
    expect(await peopleCount()).toBe(before);
    expect((await request(api).get('/people/ceo').set(as('hr')).expect(200)).body.managerId).toBeNull();
  });

  it('updates changed rows from a semicolon export with a BOM, and dry-runs without writing', async () => {
    const semicolon =
      '\uFEFF' +
      HEADER.replaceAll(',', ';') +
      '\n' +
      'm-sales;Ana Lima;ana@example.com;Sales;vp-sales;M2;4;9;pt|en;"Lisboa; Portugal";Europe/Lisbon;2019-11-04;active;no\n';
    const dry = await request(api)
      .post('/people/import?dryRun=true')
      .set(as('hr'))
      .set('Content-Type', 'text/csv')
      .send(semicolon)
      .expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, updated: 1, importId: null });
    expect((await request(api).get('/people/m-sales').set(as('hr'))).body.jobLevel).toBe('M1');
    const real = await request(api)
      .post('/people/import')
      .set(as('hr'))
      .set('Content-Type', 'text/csv')
      .send(semicolon)
      .expect(200);
    expect(real.body).toMatchObject({ updated: 1, created: 0, changed: true });
    expect((await request(api).get('/people/m-sales').set(as('hr'))).body).toMatchObject({
      jobLevel: 'M2',
      location: 'Lisboa; Portugal',
      teamSize: 9,
    });
  });

  it('refuses a JSON body, and anyone but an HR admin', async () => {
    expect(
      (await request(api).post('/people/import').set(as('hr')).send({ csv: 'x' }).expect(400)).body.errors[0].field,
    ).toBe('body');
    await request(api)
      .post('/people/import')
      .set(as('owner'))
      .set('Content-Type', 'text/csv')
      .send(COMPANY)
      .expect(403);
  });
});

describe('directory', () => {
  it('creates, refuses duplicates, unknown managers and cycles, and deactivates', async () => {
    const person = {
      id: 'n-10',
      name: 'Nadia Kaci',
      email: 'Nadia@Example.com',
      department: 'Operations',
      managerId: 'm-ops1',
      jobLevel: 'IC',
      hireDate: '2026-10-01',
    };
    const created = await request(api).post('/people').set(as('hr')).send(person).expect(201);
    expect(created.body).toMatchObject({
      id: 'n-10',
      email: 'nadia@example.com',
      languages: ['en'],
      timeZone: 'UTC',
      status: 'active',
    });
    expect((await request(api).post('/people').set(as('hr')).send(person).expect(409)).body.code).toBe('PERSON.EXISTS');
    expect(
      (
        await request(api)
          .post('/people')
          .set(as('hr'))
          .send({ ...person, id: 'n-11', managerId: 'ghost' })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('managerId');
    const cycle = await request(api).patch('/people/vp-ops').set(as('hr')).send({ managerId: 'n-10' }).expect(400);
    expect(cycle.body.message).toMatch(/cycle/);
    expect(
      (
        await request(api)
          .post('/people')
          .set(as('hr'))
          .send({ ...person, id: 'n-12', timeZone: 'Mars/Base' })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('timeZone');
    // A hire date in year 9999 is a typo: 400 naming the field, nothing written.
    const farHire = await request(api)
      .post('/people')
      .set(as('hr'))
      .send({ ...person, id: 'n-13', hireDate: '9999-01-01' })
      .expect(400);
    expect(farHire.body.errors).toEqual([expect.objectContaining({ field: 'hireDate' })]);
    await request(api).get('/people/n-13').set(as('hr')).expect(404);
    const left = await request(api).post('/people/n-10/deactivate').set(as('hr')).expect(200);
    expect(left.body.status).toBe('left');
    await request(api).patch('/people/n-10').set(as('owner')).send({ name: 'x' }).expect(403);
    await request(api).get('/people/nobody').set(as('hr')).expect(404);
  });

  it('lists and filters the directory for HR admins and owners only', async () => {
    const pool = await request(api).get('/people?mentorPool=true').set(as('owner')).expect(200);
    expect(pool.body.items.map((p: { id: string }) => p.id).sort()).toEqual(['vp-ops', 'vp-sales']);
    const ops = await request(api).get('/people?department=Operations&limit=2').set(as('hr')).expect(200);
    expect(ops.body).toMatchObject({ limit: 2, total: expect.any(Number) });
    expect(ops.body.items).toHaveLength(2);
    await request(api).get('/people').set(as('zoe')).expect(403);
  });

  it('gives the reporting chain up and down', async () => {
    const chain = await request(api).get('/people/vp-ops/reporting-chain').set(as('hr')).expect(200);
    expect(chain.body.ancestors).toEqual(['ceo']);
    expect(chain.body.descendants).toEqual(expect.arrayContaining(['m-ops1', 'm-ops2']));
    // Personal data: an owner with no program Zoé is in gets 403, like anybody else.
    expect((await request(api).get('/people/m-ops1/reporting-chain').set(as('owner')).expect(403)).body.code).toBe(
      'PERSON.PRIVATE',
    );
  });
});

describe('privacy', () => {
  it('shows personal details to the person and HR admins; the public card to others, an owner with no program of hers included', async () => {
    expect((await request(api).get('/people/m-ops1').set(as('zoe')).expect(200)).body).toMatchObject({
      details: true,
      email: 'zoe@example.com',
    });
    expect((await request(api).get('/people/m-ops1').set(as('hr')).expect(200)).body.details).toBe(true);
    expect((await request(api).get('/people/m-ops1').set(as('owner')).expect(200)).body.details).toBe(false);
    const other = await request(api).get('/people/m-ops1').set(as('hugo')).expect(200);
    expect(other.body).toEqual({
      id: 'm-ops1',
      name: 'Zoé Bernard',
      department: 'Operations',
      jobLevel: 'M1',
      status: 'active',
      details: false,
    });
    // A mentor or supervisor without an active mentorship with her sees the card only.
    expect((await request(api).get('/people/m-ops1').set(as('eloiseMentor')).expect(200)).body.email).toBeUndefined();
    expect((await request(api).get('/people/m-ops1').set(as('supervisor')).expect(200)).body.email).toBeUndefined();
  });

  it('keeps assessments and their evidence from everyone else (403)', async () => {
    await request(api)
      .post('/assessments')
      .set(as('zoe'))
      .send({
        personId: 'm-ops1',
        competencyKey: 'delegation',
        level: 2,
        source: 'self',
        context: 'baseline',
        evidence: 'I still redo my team’s reports.',
      })
      .expect(201);
    expect((await request(api).get('/people/m-ops1/assessments').set(as('zoe')).expect(200)).body[0].evidence).toMatch(
      /redo/,
    );
    await request(api).get('/people/m-ops1/assessments').set(as('hr')).expect(200);
    for (const who of ['owner', 'hugo', 'eloiseMentor', 'supervisor']) {
      expect((await request(api).get('/people/m-ops1/assessments').set(as(who)).expect(403)).body.code).toBe(
        'PERSON.PRIVATE',
      );
      await request(api).get('/people/m-ops1/gaps').set(as(who)).expect(403);
    }
  });
});

describe('competency models and assessments', () => {
  it('ships the default managerial model as version 1', async () => {
    const model = await request(api).get('/competency-models/managerial-core').set(as('zoe')).expect(200);
    expect(model.body.version).toBe(1);
    expect(model.body.competencies.map((c: { key: string }) => c.key)).toEqual(
      expect.arrayContaining(['delegation', 'feedback', 'conflict', 'decision-making']),
    );
    expect(model.body.competencies[0].levels).toHaveLength(5);
    expect(model.body.targets.M1.delegation).toBe(3);
  });

  it('publishes a new version without changing assessments made under the old one', async () => {
    const v1 = (await request(api).get('/competency-models/managerial-core/versions/1').set(as('hr'))).body;
    const rated = await request(api)
      .post('/assessments')
      .set(as('hr'))
      .send({
        personId: 'm-ops2',
        competencyKey: 'conflict',
        level: 3,
        source: '360',
        context: 'baseline',
        assessorId: 'vp-ops',
      })
      .expect(201);
    expect(rated.body.modelId).toBe(v1.id);
    const v2body = {
      name: v1.name,
      competencies: v1.competencies.filter((c: { key: string }) => c.key !== 'conflict'),
      targets: { M1: { delegation: 4 } },
    };
    const v2 = await request(api)
      .post('/competency-models/managerial-core/versions')
      .set(as('owner'))
      .send(v2body)
      .expect(201);
    expect(v2.body.version).toBe(2);
    expect((await request(api).get('/competency-models/managerial-core/versions/1').set(as('hr'))).body).toEqual(v1);
    const stored = (await request(api).get('/people/m-ops2/assessments').set(as('hr'))).body.find(
      (a: { id: string }) => a.id === rated.body.id,
    );
    expect(stored).toMatchObject({ modelId: v1.id, competencyKey: 'conflict', level: 3 });
    await expect(db.query(`UPDATE competency_models SET name = 'x'`)).rejects.toThrow(/immutable/);
    const invalid = await request(api)
      .post('/competency-models/managerial-core/versions')
      .set(as('owner'))
      .send({ ...v2body, targets: { M1: { telepathy: 3 } } })
      .expect(400);
    expect(invalid.body.errors[0].field).toBe('targets.M1.telepathy');
    await request(api).post('/competency-models/managerial-core/versions').set(as('zoe')).send(v2body).expect(403);
  });

  it('lets only the right people record each source of assessment', async () => {
    const base = { competencyKey: 'feedback', level: 2, context: 'baseline' };
    const eloise = await tokenFor(db, 'vp-ops', ['mentor']);
    // A self-assessment dated 9999-12-31 would stay "latest" forever: refused, naming the field.
    const farFuture = await request(api)
      .post('/assessments')
      .set(as('zoe'))
      .send({ ...base, personId: 'm-ops1', source: 'self', assessedAt: '9999-12-31T00:00:00.000Z' })
      .expect(400);
    expect(farFuture.body.errors[0].field).toBe('assessedAt');
    await request(api)
      .post('/assessments')
      .set({ Authorization: `Bearer ${eloise}` })
      .send({ ...base, personId: 'm-ops1', source: 'manager' })
      .expect(201);
    expect(
      (
        await request(api)
          .post('/assessments')
          .set(as('hugo'))
          .send({ ...base, personId: 'm-ops1', source: 'self' })
          .expect(403)
      ).body.code,
    ).toBe('ASSESSMENT.NOT_ALLOWED');
    await request(api)
      .post('/assessments')
      .set(as('eloiseMentor'))
      .send({ ...base, personId: 'm-ops1', source: 'mentor' })
      .expect(403);
    expect(
      (
        await request(api)
          .post('/assessments')
          .set(as('zoe'))
          .send({ ...base, personId: 'm-ops1', source: 'self', competencyKey: 'telepathy' })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('competencyKey');
    expect(
      (
        await request(api)
          .post('/assessments')
          .set(as('zoe'))
          .send({ ...base, personId: 'm-ops1', source: 'self', level: 6 })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('level');
  });
});

describe('gaps, coverage and access', () => {
  beforeAll(async () => {
    const rate = (personId: string, competencyKey: string, level: number, source = 'manager') =>
      request(api)
        .post('/assessments')
        .set(as('hr'))
        .send({ personId, competencyKey, level, source, context: 'baseline', assessorId: 'ceo', modelVersion: 1 })
        .expect(201);
    await rate('m-ops1', 'decision-making', 1);
    await rate('m-ops2', 'decision-making', 2);
    await rate('vp-ops', 'decision-making', 5);
    await rate('vp-sales', 'decision-making', 3);
  });

  it('gives a person’s gaps against the latest model', async () => {
    const gaps = await request(api).get('/people/m-ops1/gaps').set(as('zoe')).expect(200);
    expect(gaps.body.model).toBe('managerial-core v2');
    expect(gaps.body.gaps.find((g: { competencyKey: string }) => g.competencyKey === 'delegation')).toMatchObject({
      target: 4,
      current: 2,
    });
  });

  it('averages gaps per department for managers, and lists mentors strong enough where managers fall short', async () => {
    const res = await request(api)
      .get('/insights/gaps?groupBy=department&population=managers&model=managerial-core')
      .set(as('hr'))
      .expect(200);
    expect(res.body.population).toBe('managers');
    expect(
      res.body.rows.find(
        (r: { group: string; competencyKey: string }) => r.group === 'Operations' && r.competencyKey === 'delegation',
      ),
    ).toMatchObject({ short: 1 });
    // An owner gets no averages of a group of fewer than 3 assessed people (one manager here).
    const small = await request(api)
      .get('/insights/gaps?groupBy=department&population=managers&model=managerial-core')
      .set(as('owner'))
      .expect(200);
    expect(
      small.body.rows.find(
        (r: { group: string; competencyKey: string }) => r.group === 'Operations' && r.competencyKey === 'delegation',
      ),
    ).toMatchObject({ assessed: 1, averageGap: null, short: 0 });
    const coverage = await request(api).get('/insights/coverage?threshold=4').set(as('hr')).expect(200);
    // decision-making is no target in v2 for M1, so coverage reads v2's targets: delegation is the short one.
    expect(coverage.body.competencies.map((c: { competencyKey: string }) => c.competencyKey)).toEqual(['delegation']);
    await request(api).get('/insights/gaps?groupBy=colour').set(as('owner')).expect(400);
    await request(api).get('/insights/coverage').set(as('zoe')).expect(403);
  });

  it('flags groups with no access to mentoring', async () => {
    await request(api)
      .post('/hr-events')
      .set(as('hr'))
      .send({
        sourceId: 'acc-1',
        type: 'promoted-to-manager',
        personId: 'ic-1',
        occurredAt: '2026-11-01T09:00:00Z',
        jobLevel: 'M1',
        teamSize: 3,
      })
      .expect(200);
    const res = await request(api).get('/insights/access?by=department').set(as('owner')).expect(200);
    const sales = res.body.rows.find((r: { group: string }) => r.group === 'Sales');
    expect(sales).toMatchObject({ nominated: 1, noAccess: false });
    expect(res.body.groupsWithoutAccess).toEqual(expect.arrayContaining(['Board', 'Operations']));
    await request(api).get('/insights/access?by=tenure').set(as('owner')).expect(200);
  });
});

describe('HR events', () => {
  const promoted = {
    sourceId: 'wd-1',
    type: 'promoted-to-manager',
    personId: 'm-ops2',
    occurredAt: '2026-11-20T09:00:00Z',
    jobLevel: 'M2',
    teamSize: 12,
  };

  it('applies a promotion once and nominates the person once', async () => {
    expect((await request(api).post('/hr-events').set(as('hr')).send(promoted).expect(200)).body).toMatchObject({
      applied: true,
      nominated: true,
    });
    expect((await request(api).post('/hr-events').set(as('hr')).send(promoted).expect(200)).body).toMatchObject({
      applied: false,
      duplicate: true,
    });
    const nominations = (await request(api).get('/nominations').set(as('owner')).expect(200)).body.filter(
      (n: { personId: string }) => n.personId === 'm-ops2',
    );
    expect(nominations).toHaveLength(1);
    expect((await request(api).get('/people/m-ops2').set(as('hr'))).body).toMatchObject({
      jobLevel: 'M2',
      teamSize: 12,
    });
    expect(
      (
        await request(api)
          .post('/hr-events')
          .set(as('hr'))
          .send({ ...promoted, type: 'left' })
          .expect(409)
      ).body.code,
    ).toBe('HR_EVENT.SOURCE_ID_REUSED');
  });

  it('creates a new hire with their record and nominates them', async () => {
    const hire = {
      sourceId: 'wd-2',
      type: 'hired-as-manager',
      personId: 'new-1',
      occurredAt: '2026-11-21T09:00:00Z',
      person: {
        id: 'new-1',
        name: 'Inès Roy',
        email: 'ines@example.com',
        department: 'Sales',
        managerId: 'vp-sales',
        jobLevel: 'M1',
        hireDate: '2026-11-21',
      },
    };
    expect((await request(api).post('/hr-events').set(as('hr')).send(hire).expect(200)).body).toMatchObject({
      applied: true,
      nominated: true,
    });
    expect((await request(api).get('/people/new-1').set(as('hr')).expect(200)).body.managerId).toBe('vp-sales');
    await request(api)
      .post('/hr-events')
      .set(as('hr'))
      .send({ ...hire, sourceId: 'wd-3', personId: 'new-2', person: undefined })
      .expect(400);
  });

  it('refuses a manager change that makes a cycle, and records nothing of it', async () => {
    const res = await request(api)
      .post('/hr-events')
      .set(as('hr'))
      .send({
        sourceId: 'wd-4',
        type: 'changed-manager',
        personId: 'ceo',
        occurredAt: '2026-11-22T09:00:00Z',
        managerId: 'm-ops1',
      })
      .expect(400);
    expect(res.body.message).toMatch(/cycle/);
    expect(await db.query(`SELECT 1 FROM hr_events WHERE source_id = 'wd-4'`)).toHaveLength(0);
  });

  it('records a departure', async () => {
    await request(api)
      .post('/hr-events')
      .set(as('hr'))
      .send({ sourceId: 'wd-5', type: 'left', personId: 'm-sales', occurredAt: '2026-11-23T09:00:00Z' })
      .expect(200);
    expect((await request(api).get('/people/m-sales').set(as('hr'))).body.status).toBe('left');
    await request(api)
      .post('/hr-events')
      .set(as('owner'))
      .send({ sourceId: 'wd-6', type: 'left', personId: 'ceo', occurredAt: '2026-11-23T09:00:00Z' })
      .expect(403);
    expect(
      (
        await request(api)
          .post('/hr-events')
          .set(as('hr'))
          .send({ sourceId: 'wd-7', type: 'retired', personId: 'ceo', occurredAt: 'yesterday' })
          .expect(400)
      ).body.errors.map((e: { field: string }) => e.field),
    ).toEqual(expect.arrayContaining(['type', 'occurredAt']));
  });
});
