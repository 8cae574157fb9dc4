import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { syntheticPilot } from '../../libs/domain/src/index.js';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { expectAccessible, launchChromium, shot, signedIn } from '../support/browser.js';

const stack = useWorkerStack('e2e-pilots', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
const t: Record<string, string> = {};
const as = (who: string) => ({ Authorization: `Bearer ${t[who]}` });
const people = {
  mentors: Array.from({ length: 10 }, (_, i) => `pm-${i}`),
  mentees: Array.from({ length: 60 }, (_, i) => `pe-${i}`),
};
const pilot = syntheticPilot(120, 2027, people);

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({ db: stack.db, temporal: stack.client, taskQueue: stack.taskQueue }));
  t.hr = await tokenFor(stack.db, 'hr-1', ['hr-admin']);
  t.owner = await tokenFor(stack.db, 'owner-1', ['owner']);
  t.otherOwner = await tokenFor(stack.db, 'owner-2', ['owner']);
  t.sponsor = await tokenFor(stack.db, 'sponsor-1', ['sponsor']);
  t.mentee = await tokenFor(stack.db, 'pe-0', ['mentee']);
  const rows = [
    'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool',
    ...people.mentors.map(
      (id) => `${id},Mentor ${id},${id}@example.com,Ops,,M3,15,20,fr|en,Paris,Europe/Paris,2008-01-01,active,yes`,
    ),
    ...people.mentees.map(
      (id) => `${id},Mentee ${id},${id}@example.com,Sales,,M1,1,5,fr,Lyon,Europe/Paris,2022-01-01,active,no`,
    ),
  ];
  await request(api)
    .post('/people/import')
    .set(as('hr'))
    .set('Content-Type', 'text/csv')
    .send(rows.join('\n'))
    .expect(200);
  for (const id of people.mentors) {
    await request(api)
      .post('/assessments')
      .set(as('hr'))
      .send({
        personId: id,
        competencyKey: 'feedback',
        level: 2,
        source: '360',
        context: 'baseline',
        assessorId: 'hr-1',
      })
      .expect(201);
  }
});
afterAll(async () => {
  await app?.close();
});

describe('pilot evaluation over HTTP', () => {
  let pilotId = '';

  it('refuses a file with mistakes, listing each with its entry and field, and stores nothing', async () => {
    const bad = [pilot[0], { ...pilot[1], menteeId: 'nobody', baseline: { delegation: 9 } }];
    const res = await request(api)
      .post('/pilots')
      .set(as('hr'))
      .send({ name: 'Bad pilot', mentorships: bad })
      .expect(400);
    expect(res.body.code).toBe('PILOT.INVALID');
    expect(res.body.lines).toEqual([
      { entry: 2, field: 'menteeId', message: 'no person with id "nobody" in the directory' },
      { entry: 2, field: 'baseline.delegation', message: 'a level from 1 to 5' },
    ]);
    expect((await request(api).get('/pilots').set(as('hr')).expect(200)).body).toEqual([]);
    await request(api).post('/pilots').set(as('sponsor')).send({ name: 'x', mentorships: pilot }).expect(403);
    // A misspelt optional field is named, never silently dropped.
    const misspelt = await request(api)
      .post('/pilots')
      .set(as('hr'))
      .send({ name: 'Typo', mentorships: [{ ...pilot[0], sameDepartement: true }] })
      .expect(400);
    expect(misspelt.body.lines).toEqual([
      { entry: 1, field: 'sameDepartement', message: 'unknown field; did you mean "sameDepartment"?' },
    ]);
    // Not a list: one clear message, not a wrong one about its length.
    const notList = await request(api).post('/pilots').set(as('hr')).send({ name: 'x', mentorships: {} }).expect(400);
    expect(notList.body.errors).toEqual([{ field: 'mentorships', messages: ['mentorships must be an array'] }]);
  });

  it('imports a pilot and finds the planted effects, not the noise, in JSON and in a page', async () => {
    const res = await request(api)
      .post('/pilots')
      .set(as('owner'))
      .send({ name: 'Pilot 2025', mentorships: pilot })
      .expect(201);
    expect(res.body).toMatchObject({ name: 'Pilot 2025', mentorships: 120, created: true });
    pilotId = res.body.id;
    // The same file posted again is recognised: the same pilot, not a second one.
    const again = await request(api)
      .post('/pilots')
      .set(as('hr'))
      .send({ name: 'Pilot 2025 (again)', mentorships: [...pilot].map((m) => ({ ...m })) })
      .expect(200);
    expect(again.body).toEqual({ id: pilotId, name: 'Pilot 2025', mentorships: 120, created: false });
    expect((await request(api).get('/pilots').set(as('hr')).expect(200)).body).toHaveLength(1);
    // Its quotes are for HR admins and the owner who imported it: another owner finds no such pilot.
    expect((await request(api).get('/pilots').set(as('otherOwner')).expect(200)).body).toEqual([]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const hidden = await request(api).get(`/pilots/${pilotId}/analysis`).set(as('otherOwner')).expect(404);
    const missing = await request(api).get(`/pilots/${unknown}/analysis`).set(as('otherOwner')).expect(404);
    expect(hidden.body.message.replace(pilotId, unknown)).toBe(missing.body.message);
    const { analysis } = (await request(api).get(`/pilots/${pilotId}/analysis`).set(as('owner')).expect(200)).body;
    const status = (key: string) => analysis.factors.find((f: { factor: string }) => f.factor === key);
    expect(status('interactionQuality')).toMatchObject({ status: 'effect', direction: 'positive' });
    expect(status('sessionFrequency')).toMatchObject({ status: 'effect', direction: 'positive' });
    expect(status('attribute:mentorAge').status).toBe('no-clear-effect');
    // Management years come from the file; the mentors' feedback level (2) from the directory.
    expect(analysis.gaps.find((g: { competencyKey: string }) => g.competencyKey === 'feedback')).toMatchObject({
      target: 3,
      mentors: 2,
    });
    expect(analysis.themes.map((x: { key: string }) => x.key)).toEqual(expect.arrayContaining(['time', 'trust']));
    const page = await request(api).get(`/pilots/${pilotId}/analysis.html`).set(as('hr')).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Pilot 2025 — pilot evaluation');
    expect(page.text).toContain('<svg');
    await request(api).get(`/pilots/${pilotId}/analysis`).set(as('mentee')).expect(403);
  });

  it('in the browser: the HR admin finds the pilot from home and reads its evaluation, findings first, in French', async () => {
    const browser = await launchChromium();
    try {
      const page = await signedIn(browser, api, t.hr);
      await page.click('a[href^="/dashboard/pilots"]');
      await expectAccessible(page, 'pilots');
      await page.click('a:has-text("Pilot 2025")');
      await expect(page.textContent('h1')).resolves.toBe('Pilot 2025 — pilot evaluation');
      // The method in plain words; the statistics one click away, closed at first.
      await expect(page.isVisible('text=How this was worked out')).resolves.toBe(true);
      await expect(
        page.locator('details:has(summary:has-text("The statistics behind it"))').getAttribute('open'),
      ).resolves.toBeNull();
      await expect(page.textContent('main')).resolves.not.toMatch(/wishRank|developing-people|\.ts\b/);
      await expectAccessible(page, 'pilot evaluation');
      await page.goto(`${page.url().split('?')[0]}?lang=fr`);
      await expect(page.textContent('h1')).resolves.toBe('Pilot 2025 — évaluation du pilote');
      await expect(page.textContent('main')).resolves.toContain('Comment ces résultats sont obtenus');
      await shot(page, 'hr-pilot-fr');
    } finally {
      await browser.close();
    }
  });

  it('applies the recommendations to a program in planning, as an event with who applied them; not later, not by others', async () => {
    const created = await request(api)
      .post('/programs')
      .set(as('owner'))
      .send({
        name: 'After the pilot',
        sponsorId: 'sponsor-1',
        objectives: [{ title: 'Grow managers', kpis: [{ name: 'Engagement', unit: 'pts', baseline: 60, target: 70 }] }],
      })
      .expect(201);
    const programId = created.body.id;
    const { analysis } = (await request(api).get(`/pilots/${pilotId}/analysis`).set(as('owner')).expect(200)).body;
    await request(api)
      .post(`/programs/${programId}/pilot-recommendations`)
      .set(as('sponsor'))
      .send({ pilotId })
      .expect(403);
    expect(
      (
        await request(api)
          .post(`/programs/${programId}/pilot-recommendations`)
          .set(as('owner'))
          .send({ pilotId: 'nope' })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('pilotId');
    const applied = await request(api)
      .post(`/programs/${programId}/pilot-recommendations`)
      .set(as('owner'))
      .send({ pilotId })
      .expect(200);
    expect(applied.body.policy.matchingWeights).toEqual(analysis.recommendations.matchingWeights);
    const events = (await request(api).get(`/programs/${programId}/events`).set(as('owner')).expect(200)).body;
    const event = events.find((e: { type: string }) => e.type === 'PilotRecommendationsApplied');
    expect(event).toMatchObject({
      actorId: 'owner-1',
      data: { pilotId, focusCompetencies: analysis.recommendations.focusCompetencies },
    });
    await request(api).post(`/programs/${programId}/launch-approval`).set(as('sponsor')).send({}).expect(200);
    const late = await request(api)
      .post(`/programs/${programId}/pilot-recommendations`)
      .set(as('owner'))
      .send({ pilotId })
      .expect(409);
    expect(late.body.code).toBe('PROGRAM.WRONG_PHASE');
    const after = (await request(api).get(`/programs/${programId}/events`).set(as('owner')).expect(200)).body;
    expect(after.filter((e: { type: string }) => e.type === 'PilotRecommendationsApplied')).toHaveLength(1);
  });
});

describe('surveys', () => {
  it('ships the interaction-quality template and takes one valid response per person and occurrence', async () => {
    const templates = (await request(api).get('/survey-templates').set(as('mentee')).expect(200)).body;
    expect(templates.map((x: { key: string; version: number }) => `${x.key}@${x.version}`)).toContain(
      'interaction-quality@1',
    );
    const answers = {
      challenge: 4,
      guidedExperience: 5,
      trust: 5,
      practiceChange: 3,
      nps: 9,
      comment: 'Des cas concrets.',
    };
    const post = (body: object) => request(api).post('/survey-responses').set(as('mentee')).send(body);
    const bad = await post({
      templateKey: 'interaction-quality',
      occurrence: 'pilot-1/close',
      answers: { ...answers, challenge: 7 },
    }).expect(400);
    expect(bad.body.errors[0].field).toBe('answers.challenge');
    await post({ templateKey: 'interaction-quality', occurrence: 'pilot-1/close', answers }).expect(201);
    expect(
      (await post({ templateKey: 'interaction-quality', occurrence: 'pilot-1/close', answers }).expect(409)).body.code,
    ).toBe('SURVEY.ALREADY_ANSWERED');
    await post({ templateKey: 'no-such-survey', occurrence: 'x', answers }).expect(404);
  });

  it('publishes a new version of a template; answers then follow the version they name', async () => {
    const v2 = {
      title: { en: 'Quality of the mentoring interaction', fr: 'Qualité des échanges de mentorat' },
      audience: 'both',
      moments: ['close'],
      items: [
        {
          key: 'trust',
          kind: 'likert',
          text: { en: 'We could speak in confidence.', fr: 'Nous avons pu parler en confiance.' },
          required: true,
        },
        {
          key: 'hours',
          kind: 'numeric',
          text: { en: 'Hours spent preparing', fr: 'Heures de préparation' },
          min: 0,
          max: 100,
          required: false,
        },
      ],
    };
    await request(api).post('/survey-templates/interaction-quality/versions').set(as('mentee')).send(v2).expect(403);
    const bad = await request(api)
      .post('/survey-templates/interaction-quality/versions')
      .set(as('hr'))
      .send({ ...v2, items: [{ ...v2.items[0], text: { en: 'x', fr: ' ' } }] })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('items.0.text');
    const published = await request(api)
      .post('/survey-templates/interaction-quality/versions')
      .set(as('hr'))
      .send(v2)
      .expect(201);
    expect(published.body).toMatchObject({ key: 'interaction-quality', version: 2 });
    const post = (body: object) => request(api).post('/survey-responses').set(as('mentee')).send(body);
    await post({ templateKey: 'interaction-quality', occurrence: 'v2/close', answers: { trust: 5, hours: 3 } }).expect(
      201,
    );
    // Version 1 still takes its own questions.
    await post({
      templateKey: 'interaction-quality',
      templateVersion: 1,
      occurrence: 'v1/close',
      answers: { challenge: 4, guidedExperience: 4, trust: 4, practiceChange: 4 },
    }).expect(201);
  });
});
