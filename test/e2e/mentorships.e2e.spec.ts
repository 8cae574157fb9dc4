import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DEFAULT_ECONOMICS } from '../../libs/domain/src/index.js';
import { eventually, useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { fastPolicy } from '../support/mentorships.js';
import { quietTimings } from '../support/programs.js';
import { awaitMail, startSmtpSink, startTestOutbox } from '../support/smtp-sink.js';

const stack = useWorkerStack('e2e-mentorships', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let outbox: ReturnType<typeof startTestOutbox>;
const t: Record<string, string> = {};
const as = (who: string) => ({ Authorization: `Bearer ${t[who]}` });

const CSV = [
  'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool',
  'ceo,Claire Martin,claire@example.com,Board,,M3,20,3,fr|en,Paris,Europe/Paris,2005-01-10,active,no',
  'mentor-a,Éloïse Durand,eloise@example.com,Operations,ceo,M3,15,40,fr|en,Lyon,Europe/Paris,2008-03-01,active,yes',
  'mentee-1,Zoé Bernard,zoe@example.com,Sales,ceo,M1,1,6,fr,Lyon,Europe/Paris,2022-09-01,active,no',
  'sup-1,Paul Roy,paul@example.com,Board,ceo,M3,25,2,fr|en,Paris,Europe/Paris,2001-01-08,active,no',
  'sup-2,Lina Haddad,lina@example.com,Board,ceo,M3,22,2,fr|en,Paris,Europe/Paris,2003-01-08,active,no',
  'sponsor-1,Sam Taylor,sam@example.com,Board,ceo,M3,18,2,en,London,Europe/London,2004-01-08,active,no',
].join('\n');

let programId = '';
let mentorshipId = '';
const goals = [{ competencyKey: 'delegation', targetLevel: 3 }];
const facts = [
  { name: 'Team turnover', unit: '%', source: 'HR report', value: 18, lowerIsBetter: true, valuePerUnit: 2000 },
];
const survey = { scores: { challenge: 4, guidedExperience: 4, trust: 5, practiceChange: 3 }, comment: 'clear' };
const m = (path = '') => `/mentorships/${mentorshipId}${path}`;

beforeAll(async () => {
  sink = await startSmtpSink();
  outbox = startTestOutbox(stack.db, sink.url);
  ({ app, baseUrl: api } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    mentorshipTerms: { policy: fastPolicy({ checkpointEveryMs: 2_000 }), economics: DEFAULT_ECONOMICS },
    // Re-alignment reviews every 4 s of EXECUTION; 1.5 s to decide before the reminder.
    programTimings: { ...quietTimings, reviewEveryMs: 4_000, reviewDecisionMs: 1_500 },
  }));
  t.hr = await tokenFor(stack.db, 'hr-1', ['hr-admin']);
  t.owner = await tokenFor(stack.db, 'ceo', ['owner']);
  t.otherOwner = await tokenFor(stack.db, 'other-owner', ['owner']);
  t.sponsor = await tokenFor(stack.db, 'sponsor-1', ['sponsor']);
  t.sup = await tokenFor(stack.db, 'sup-1', ['supervisor']);
  t.sup2 = await tokenFor(stack.db, 'sup-2', ['supervisor']);
  t.mentor = await tokenFor(stack.db, 'mentor-a', ['mentor']);
  t.mentee = await tokenFor(stack.db, 'mentee-1', ['mentee']);
  await request(api).post('/people/import').set(as('hr')).set('Content-Type', 'text/csv').send(CSV).expect(200);
  for (const [personId, key, level] of [
    ['mentee-1', 'delegation', 1],
    ['mentor-a', 'delegation', 5],
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
  const post = (path: string, body: object) =>
    request(api).post(`/programs/${programId}${path}`).set(as('owner')).send(body);
  await request(api).post(`/programs/${programId}/launch-approval`).set(as('sponsor')).send({}).expect(200);
  await post('/enrolments', { personId: 'mentee-1', role: 'mentee', goals: ['delegation'] }).expect(200);
  await post('/enrolments', { personId: 'mentor-a', role: 'mentor' }).expect(200);
  await post('/enrolments', { personId: 'sup-1', role: 'supervisor' }).expect(200);
  await post('/matching/proposals', {}).expect(202);
  await eventually(
    async () =>
      (await request(api).get(`/programs/${programId}/matching/proposals/1`).set(as('owner'))).body.status === 'READY',
  );
  await post('/matching/proposals/1/approval', {}).expect(200);
});
afterAll(async () => {
  await app?.close();
  await outbox?.stop();
  await sink?.close();
});

describe('mentorships over HTTP', () => {
  it('plans an approved pair with its supervisor, and starts it only in EXECUTION once the mentor is trained', async () => {
    const plan = (who: string, body: object) =>
      request(api).post(`/programs/${programId}/mentorships`).set(as(who)).send(body);
    expect((await plan('otherOwner', { menteeId: 'mentee-1', supervisorId: 'sup-1' }).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await plan('owner', { menteeId: 'mentor-a', supervisorId: 'sup-1' }).expect(400)).body.errors[0].field,
    ).toBe('menteeId');
    expect(
      (await plan('owner', { menteeId: 'mentee-1', supervisorId: 'sup-2' }).expect(400)).body.errors[0].field,
    ).toBe('supervisorId');
    expect((await plan('owner', { menteeId: 'mentee-1' }).expect(400)).body.errors[0].field).toBe('supervisorId');
    const planned = await plan('owner', { menteeId: 'mentee-1', supervisorId: 'sup-1' }).expect(201);
    expect(planned.body).toMatchObject({
      menteeId: 'mentee-1',
      mentorId: 'mentor-a',
      supervisorId: 'sup-1',
      status: 'WAITING_FOR_TRAINING',
      phase: null,
    });
    mentorshipId = planned.body.id;
    expect((await plan('owner', { menteeId: 'mentee-1', supervisorId: 'sup-1' }).expect(409)).body.code).toBe(
      'PROGRAM.MENTORSHIP_ALREADY_PLANNED',
    );

    // The training gate: in EXECUTION, an untrained mentor's mentorship still waits.
    await request(api).post(`/programs/${programId}/execution`).set(as('owner')).expect(200);
    expect((await request(api).post(`/programs/${programId}/execution`).set(as('owner')).expect(409)).body.code).toBe(
      'PROGRAM.WRONG_PHASE',
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(
      (await request(api).get(`/programs/${programId}/mentorships`).set(as('owner')).expect(200)).body[0].status,
    ).toBe('WAITING_FOR_TRAINING');
    expect(await stack.db.query(`SELECT id FROM mentorships`)).toEqual([]);

    const training = (body: object) =>
      request(api).post(`/programs/${programId}/training-sessions`).set(as('owner')).send(body);
    const session = {
      audience: 'mentors',
      title: 'Mentoring a first-line manager',
      heldAt: new Date().toISOString(),
      materials: ['https://wiki.example.com/cycle-1-lessons'],
      attendees: ['mentor-a'],
    };
    expect((await training({ ...session, attendees: ['mentee-1'] }).expect(400)).body.errors[0].field).toBe(
      'attendees.0',
    );
    expect((await training({ ...session, materials: ['not a link'] }).expect(400)).body.errors[0].field).toBe(
      'materials',
    );
    const trained = await training(session).expect(200);
    expect(trained.body).toMatchObject({ trainedMentors: ['mentor-a'], untrainedMentors: [] });
    const started = await eventually(async () => {
      const res = await request(api).get(`/programs/${programId}/mentorships`).set(as('owner')).expect(200);
      return res.body[0].status === 'STARTED' && res.body[0].phase ? res.body : null;
    });
    expect(started[0]).toMatchObject({ id: mentorshipId, phase: 'AWAITING_SUPERVISOR_APPROVAL' });
    expect((await request(api).get('/mentorships').set(as('mentee')).expect(200)).body).toEqual([
      expect.objectContaining({ id: mentorshipId, myRole: 'mentee' }),
    ]);
  });

  it('shows a mentorship to its four people only', async () => {
    await request(api).get(m()).set(as('mentee')).expect(200);
    await request(api).get(m()).set(as('owner')).expect(200);
    // Anybody else finds no such mentorship: the very answer of an unknown id (a mentee cannot probe for pairs).
    expect((await request(api).get(m()).set(as('sup2')).expect(404)).body.code).toBe('NOT_FOUND');
    await request(api).get(`/mentorships/00000000-0000-4000-8000-000000000000`).set(as('owner')).expect(404);
    expect((await request(api).get('/mentorships/nope').set(as('owner')).expect(400)).body.errors[0].field).toBe('id');
  });

  it('runs approval and kickoff with clear refusals (403 wrong person, 409 wrong phase, 400 field)', async () => {
    expect(
      (
        await request(api)
          .post(m('/sessions'))
          .set(as('mentor'))
          .send({ heldAt: new Date().toISOString(), minutes: 60, topics: [], competencies: [] })
          .expect(409)
      ).body.code,
    ).toBe('MENTORSHIP.WRONG_PHASE');
    expect((await request(api).post(m('/approval')).set(as('mentor')).expect(403)).body.code).toBe(
      'AUTH.ROLE_REQUIRED',
    );
    await request(api).post(m('/approval')).set(as('sup')).expect(200);
    expect((await request(api).post(m('/approval')).set(as('sup')).expect(409)).body.code).toBe(
      'MENTORSHIP.WRONG_PHASE',
    );
    const noBaseline = await request(api).post(m('/kickoff')).set(as('mentor')).send({ goals, facts }).expect(400);
    expect(noBaseline.body.message).toMatch(/baselines\.delegation/);
    expect(
      (
        await request(api)
          .post(m('/kickoff'))
          .set(as('mentor'))
          .send({ goals: [{ competencyKey: 'delegation', targetLevel: 9 }] })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('goals.0.targetLevel');
    expect(
      (
        await request(api)
          .post(m('/kickoff'))
          .set(as('mentee'))
          .send({ goals: [{ competencyKey: 'telepathy', targetLevel: 3 }] })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('goals.0.competencyKey');
    expect(
      (
        await request(api)
          .post(m('/kickoff'))
          .set(as('mentor'))
          .send({ goals, baselines: { delegation: 1.5 }, facts })
          .expect(400)
      ).body.message,
    ).toMatch(/whole number/);
    await request(api)
      .post(m('/kickoff'))
      .set(as('mentor'))
      .send({ goals, baselines: { delegation: 1 }, facts })
      .expect(200);
    const active = await request(api).post(m('/kickoff')).set(as('mentee')).send({ goals }).expect(200);
    expect(active.body).toMatchObject({
      phase: 'ACTIVE',
      goals: [{ competencyKey: 'delegation', targetLevel: 3, baselineLevel: 1, latestLevel: null }],
    });
  });

  it('logs sessions whose private notes reach their author only, and applies a repeated request once', async () => {
    const session = {
      heldAt: new Date().toISOString(),
      minutes: 45,
      topics: ['weekly report'],
      competencies: ['delegation'],
      sharedNotes: 'Delegate Monday report',
      privateNotes: 'Hesitant',
    };
    const first = await request(api)
      .post(m('/sessions'))
      .set(as('mentor'))
      .set('Idempotency-Key', 'session-1')
      .send(session)
      .expect(200);
    const again = await request(api)
      .post(m('/sessions'))
      .set(as('mentor'))
      .set('Idempotency-Key', 'session-1')
      .send(session)
      .expect(200);
    expect(again.body.sessions).toBe(first.body.sessions);
    expect(first.body.sessions).toBe(1);
    const forMentor = await request(api).get(m('/sessions')).set(as('mentor')).expect(200);
    expect(forMentor.body[0]).toMatchObject({ sharedNotes: 'Delegate Monday report', privateNotes: 'Hesitant' });
    const forMentee = await request(api).get(m('/sessions')).set(as('mentee')).expect(200);
    expect(forMentee.body[0].sharedNotes).toBe('Delegate Monday report');
    expect(forMentee.body[0]).not.toHaveProperty('privateNotes');
    const timeline = await request(api).get(m('/timeline')).set(as('sup')).expect(200);
    expect(JSON.stringify(timeline.body)).not.toContain('Hesitant');
    expect(JSON.stringify((await request(api).get(m('/timeline')).set(as('mentor')).expect(200)).body)).toContain(
      'Hesitant',
    );
    expect(
      (
        await request(api)
          .post(m('/sessions'))
          .set(as('mentor'))
          .send({ ...session, competencies: ['negotiation'] })
          .expect(400)
      ).body.message,
    ).toMatch(/not a goal/);
  });

  it('briefs the supervisor at a checkpoint and takes the decision of the open one only', async () => {
    await request(api).post(m('/pulse')).set(as('mentee')).send(survey).expect(200);
    expect(
      (
        await request(api)
          .post(m('/pulse'))
          .set(as('mentee'))
          .send({ scores: { ...survey.scores, trust: 0 } })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('scores.trust');
    const briefing = await eventually(async () => {
      const res = await request(api).get(m('/checkpoints')).set(as('sup')).expect(200);
      return res.body.open === 1 ? res.body : null;
    });
    expect(briefing.latestPulse).toMatchObject({ scores: survey.scores });
    expect(briefing.sessions).toHaveLength(1);
    expect(briefing.sessions[0]).not.toHaveProperty('privateNotes');
    expect((await request(api).get(m('/checkpoints')).set(as('mentor')).expect(200)).body.latestPulse).toBeNull();
    expect(
      (await request(api).post(m('/checkpoints/2/decision')).set(as('sup')).send({ decision: 'approve' }).expect(409))
        .body.code,
    ).toBe('MENTORSHIP.NO_OPEN_CHECKPOINT');
    expect(
      (
        await request(api)
          .post(m('/checkpoints/1/decision'))
          .set(as('sup'))
          .send({ decision: 'request-changes' })
          .expect(400)
      ).body.message,
    ).toMatch(/guidance/);
    const decided = await request(api)
      .post(m('/checkpoints/1/decision'))
      .set(as('sup'))
      .send({ decision: 'request-changes', guidance: 'One case per session.' })
      .expect(200);
    expect(decided.body.checkpoints[0]).toMatchObject({
      checkpoint: 1,
      decision: 'request-changes',
      guidance: 'One case per session.',
    });
  });

  it('monitors the program: indicators from its mentorships and the at-risk list with reasons', async () => {
    await request(api).get(`/programs/${programId}/monitoring`).set(as('otherOwner')).expect(404);
    const res = await request(api).get(`/programs/${programId}/monitoring`).set(as('owner')).expect(200);
    expect(res.body.indicators).toMatchObject({
      mentorships: 1,
      byPhase: { ACTIVE: 1 },
      checkpointOutcomes: { 'request-changes': 1 },
      satisfaction: 4,
    });
    expect(res.body.atRisk).toEqual([
      expect.objectContaining({
        mentorshipId,
        reasons: expect.arrayContaining([expect.objectContaining({ reason: 'CHANGES_REQUESTED' })]),
      }),
    ]);
  });

  it('pauses, resumes and ends early with a rematch request (the owner only); no ROI before closing', async () => {
    expect((await request(api).get(m('/roi')).set(as('owner')).expect(409)).body.code).toBe(
      'MENTORSHIP.NO_EVIDENCE_YET',
    );
    await request(api).post(m('/pause')).set(as('owner')).send({ reason: 'sick leave' }).expect(200);
    expect(
      (await request(api).post(m('/pause')).set(as('owner')).send({ reason: 'sick leave' }).expect(409)).body.code,
    ).toBe('MENTORSHIP.WRONG_PHASE');
    expect((await request(api).post(m('/resume')).set(as('owner')).expect(200)).body.phase).toBe('ACTIVE');
    expect(
      (await request(api).post(m('/termination')).set(as('owner')).send({ reason: 'x' }).expect(400)).body.errors[0]
        .field,
    ).toBe('reason');
    const ended = await request(api)
      .post(m('/termination'))
      .set(as('owner'))
      .send({ reason: 'the mentor moved abroad', rematch: true })
      .expect(200);
    expect(ended.body).toMatchObject({ phase: 'TERMINATED', rematchRequested: true });
    const events = await eventually(async () => {
      const res = await request(api).get(`/programs/${programId}/events`).set(as('owner')).expect(200);
      return res.body.some((e: { type: string }) => e.type === 'RematchRequested') ? res.body : null;
    });
    expect(events.find((e: { type: string }) => e.type === 'RematchRequested').data).toMatchObject({
      mentorshipId,
      menteeId: 'mentee-1',
    });
  });

  it('runs re-alignment reviews: one decided with an adjustment, a later one escalated to the sponsor', async () => {
    const reviews = () => request(api).get(`/programs/${programId}/reviews`).set(as('sponsor')).expect(200);
    const first = await eventually(async () => ((await reviews()).body.open ? (await reviews()).body : null), 15_000);
    expect(first.objectives[0].kpis[0]).toMatchObject({ name: 'Engagement', target: 70 });
    // The pulse and the reviews answered so far feed the owner's view.
    expect(first.feedback.answers).toBeGreaterThan(0);
    expect(first.feedback.means.trust).toBe(5);
    const decide = (review: number, body: object) =>
      request(api).post(`/programs/${programId}/reviews/${review}/decision`).set(as('owner')).send(body);
    expect(
      (await decide(first.open, { decision: 'adjust', notes: 'Raise the bar' }).expect(400)).body.errors[0].field,
    ).toBe('objectives');
    expect((await decide(first.open + 1, { decision: 'keep', notes: 'fine' }).expect(409)).body.code).toBe(
      'PROGRAM.NO_OPEN_REVIEW',
    );
    await request(api)
      .post(`/programs/${programId}/reviews/${first.open}/decision`)
      .set(as('sponsor'))
      .send({ decision: 'keep', notes: 'x y z' })
      .expect(403);
    const objectives = [
      { title: 'Grow managers', kpis: [{ name: 'Engagement', unit: 'pts', baseline: 60, target: 75 }] },
    ];
    const adjusted = await decide(first.open, {
      decision: 'adjust',
      notes: 'Engagement rises faster than planned',
      objectives,
    }).expect(200);
    expect(adjusted.body.objectives[0].kpis[0].target).toBe(75);
    // Nobody decides the next one: the owner is reminded, then the sponsor is told.
    const escalated = await eventually(async () => {
      const body = (await reviews()).body;
      return body.reviews.find((r: { escalatedAt: string | null }) => r.escalatedAt) ?? null;
    }, 20_000);
    expect(escalated).toMatchObject({ decision: null });
    expect(escalated.remindedAt).not.toBeNull();
    const events = (await request(api).get(`/programs/${programId}/events`).set(as('owner')).expect(200)).body.map(
      (e: { type: string }) => e.type,
    );
    expect(events).toEqual(
      expect.arrayContaining(['ReviewOpened', 'ReviewDecided', 'ReviewReminderSent', 'ReviewEscalated']),
    );
    // Each step reached its person by email, in their language: the owner writes French, the sponsor English.
    const n = escalated.review;
    await awaitMail(
      sink.received,
      'claire@example.com',
      new RegExp(`^La revue d'alignement ${n} de « Cycle 2027 » est ouverte$`),
    );
    await awaitMail(
      sink.received,
      'claire@example.com',
      new RegExp(`^Rappel : la revue d'alignement ${n} de « Cycle 2027 »`),
    );
    const told = await awaitMail(
      sink.received,
      'sam@example.com',
      new RegExp(`^Needs your attention: re-alignment review ${n} of "Cycle 2027" is not decided$`),
    );
    expect(told.text).toContain('Claire Martin has not decided');
  }, 40_000);

  it('evaluates the cycle, renews it with its lessons and continuing people, and runs a second cycle to its closure', async () => {
    const post = (path: string, body: object = {}, who = 'owner') =>
      request(api).post(`/programs/${programId}${path}`).set(as(who)).send(body);
    const phase = async () =>
      (await request(api).get(`/programs/${programId}`).set(as('owner')).expect(200)).body.phase;
    expect((await post('/renewal').expect(409)).body.code).toBe('PROGRAM.WRONG_PHASE');
    await post('/evaluation').expect(200);
    // The cycle's report and the mentors' recognition, before renewing.
    const report = await request(api).get(`/programs/${programId}/report`).set(as('sponsor')).expect(200);
    expect(report.body).toMatchObject({
      cycle: 1,
      participation: { planned: 1, started: 1, terminated: 1, enrolledMentees: 1, matchedMentees: 1, coverage: 1 },
      roi: { mentorships: 0 },
    });
    expect(report.body.kpis[0]).toMatchObject({ kpi: 'Engagement', baseline: 60, target: 75, measured: null });
    const page = await request(api).get(`/programs/${programId}/report.html`).set(as('owner')).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Cycle 2027 — Cycle 1');
    await request(api).get(`/programs/${programId}/report`).set(as('otherOwner')).expect(404);
    const contributions = await request(api).get(`/programs/${programId}/recognition`).set(as('owner')).expect(200);
    expect(contributions.body.contributions).toEqual([
      expect.objectContaining({ mentorId: 'mentor-a', mentorships: 1, hours: 0.75 }),
    ]);
    expect(contributions.body.highlights['mentor-a'].fr).toMatch(/a accompagné 1 manager/);
    expect(
      (await post('/recognition', { mentorId: 'mentee-1', note: 'Great work' }).expect(400)).body.errors[0].field,
    ).toBe('mentorId');
    const granted = await post('/recognition', { mentorId: 'mentor-a', note: 'Stayed with a difficult case' }).expect(
      200,
    );
    expect(granted.body.granted).toEqual([
      expect.objectContaining({ mentorId: 'mentor-a', grantedBy: 'ceo', cycle: 1 }),
    ]);
    expect((await post('/renewal', { continuing: ['mentor-a'] }).expect(409)).body.code).toBe(
      'PROGRAM.LESSONS_MISSING',
    );
    await post('/lessons', {
      whatWorked: ['Monthly supervision kept mentors on track'],
      whatToChange: ['Train mentors before matching'],
    }).expect(200);
    expect((await post('/renewal', { continuing: ['ghost'] }).expect(400)).body.errors[0].field).toBe('continuing.0');
    await post('/renewal', { continuing: ['mentor-a', 'sup-1'] }).expect(200);

    // Cycle 2 starts through continue-as-new in planning, with cycle 1's lessons at hand.
    await eventually(async () => (await phase()) === 'LAUNCH_PLANNING');
    const lessons = await request(api).get(`/programs/${programId}/lessons`).set(as('sponsor')).expect(200);
    expect(lessons.body).toMatchObject({
      cycle: 2,
      lessons: [
        {
          cycle: 1,
          whatWorked: ['Monthly supervision kept mentors on track'],
          whatToChange: ['Train mentors before matching'],
        },
      ],
    });
    await request(api).post(`/programs/${programId}/launch-approval`).set(as('sponsor')).send({}).expect(200);
    const matching = await request(api).get(`/programs/${programId}/matching`).set(as('owner')).expect(200);
    expect(matching.body.participants.map((p: { personId: string }) => p.personId)).toEqual(['mentor-a', 'sup-1']);
    await post('/enrolments', { personId: 'mentee-1', role: 'mentee' }).expect(200);
    // Proposal versions number on across cycles (cycle 1 used version 1).
    const { version } = (await post('/matching/proposals').expect(202)).body;
    expect(version).toBe(2);
    await eventually(
      async () =>
        (await request(api).get(`/programs/${programId}/matching/proposals/${version}`).set(as('owner'))).body
          .status === 'READY',
    );
    await post(`/matching/proposals/${version}/approval`).expect(200);
    await post('/training-sessions', {
      audience: 'mentors',
      title: 'Cycle 2: what we learned',
      heldAt: new Date().toISOString(),
      attendees: ['mentor-a'],
    }).expect(200);
    await post('/execution').expect(200);
    await post('/evaluation').expect(200);
    await post('/lessons', { whatWorked: ['Training first'], whatToChange: [] }).expect(200);
    await post('/closure').expect(200);
    expect(await phase()).toBe('CLOSED');
    const all = await request(api).get(`/programs/${programId}/lessons`).set(as('owner')).expect(200);
    expect(all.body.lessons.map((l: { cycle: number }) => l.cycle)).toEqual([1, 2]);
    // A closed program's workflow has ended: another action is refused, never a server error.
    const again = await post('/closure');
    expect([again.status, again.body.code]).toEqual([409, 'PROGRAM.CLOSED']);
  }, 60_000);
});
