import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { eventually, useWorkerStack } from '../support/services.js';
import { startApi } from '../support/api.js';
import { activeCycle, mentorOf, type ActiveCycle } from '../support/cycle.js';
import { toTheEndInSeconds } from '../support/mentorships.js';

/**
 * A renewal never hides the finished cycle: its report, mentorships and monitoring read after the
 * renewal as they did just before it, the new cycle has its own, and the sponsor still reads the
 * first cycle's ROI evidence.
 */
const stack = useWorkerStack('e2e-cycles', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let cycle: ActiveCycle;
const as = (who: string) => ({ Authorization: `Bearer ${cycle.tokens[who]}` });
const survey = { scores: { challenge: 4, guidedExperience: 4, trust: 5, practiceChange: 4 } };

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    mentorshipTerms: toTheEndInSeconds(),
  }));
  cycle = await activeCycle(api, stack.db, 2);
}, 240_000);
afterAll(async () => {
  await app?.close();
});

/** A dashboard session cookie for a token, as the sign-in page gives it. */
async function signedIn(token: string): Promise<string> {
  const res = await request(api).post('/dashboard/sign-in').type('form').send({ token }).expect(303);
  return String(res.headers['set-cookie']).split(';')[0];
}

const phaseOf = async (id: string) =>
  (await request(api).get(`/mentorships/${id}`).set(as('owner')).expect(200)).body.phase as string;

async function closeWithRoi(id: string) {
  const mentor = await mentorOf(api, cycle, id);
  const mentee = `mentee${cycle.mentorshipIds.indexOf(id)}`;
  await eventually(async () => (await phaseOf(id)) === 'MIDTERM_REVIEW', 30_000);
  await request(api)
    .post(`/mentorships/${id}/reviews/midterm`)
    .set(as(mentor))
    .send({ survey, levels: { delegation: 2 } })
    .expect(200);
  await request(api).post(`/mentorships/${id}/reviews/midterm`).set(as(mentee)).send({ survey }).expect(200);
  await eventually(async () => (await phaseOf(id)) === 'FINAL_EVALUATION', 30_000);
  await request(api)
    .post(`/mentorships/${id}/reviews/final`)
    .set(as(mentor))
    .send({ survey, levels: { delegation: 3 }, factsAfter: { 'Team turnover': 12 } })
    .expect(200);
  await request(api).post(`/mentorships/${id}/reviews/final`).set(as(mentee)).send({ survey }).expect(200);
  expect(await phaseOf(id)).toBe('CLOSED');
}

/** What a reader sees of cycle `n` (or the running one), without what moves with the clock. */
async function cycleAsRead(n?: number) {
  const q = n === undefined ? '' : `?cycle=${n}`;
  const p = `/programs/${cycle.programId}`;
  const report = (await request(api).get(`${p}/report${q}`).set(as('sponsor')).expect(200)).body;
  const mentorships = (await request(api).get(`${p}/mentorships${q}`).set(as('owner')).expect(200)).body;
  const monitoring = (await request(api).get(`${p}/monitoring${q}`).set(as('owner')).expect(200)).body;
  const reportFigures = { ...report };
  for (const moving of ['frozenAt', 'cycles', 'stillRunning']) delete reportFigures[moving];
  return {
    report: reportFigures,
    mentorships: (mentorships as Array<{ id: string; phase: string; status: string; cycle: number }>).map((m) => [
      m.id,
      m.phase,
      m.status,
      m.cycle,
    ]),
    monitoring: {
      cycle: monitoring.cycle,
      mentorships: monitoring.indicators.mentorships,
      byPhase: monitoring.indicators.byPhase,
      competencyProgress: monitoring.indicators.competencyProgress,
      atRisk: (monitoring.atRisk as Array<{ mentorshipId: string }>).map((r) => r.mentorshipId).sort(),
    },
  };
}

describe('program cycles', () => {
  it('keeps cycle 1 readable after the renewal exactly as it was, and gives cycle 2 its own', async () => {
    const [closing, running] = cycle.mentorshipIds;
    await closeWithRoi(closing);
    const p = `/programs/${cycle.programId}`;
    await request(api).post(`${p}/evaluation`).set(as('owner')).send({}).expect(200);
    await request(api)
      .post(`${p}/lessons`)
      .set(as('owner'))
      .send({ whatWorked: ['monthly supervision'], whatToChange: [] })
      .expect(200);

    const before = await cycleAsRead();
    expect(before.report.cycle).toBe(1);
    expect(before.report.roi.mentorships).toBe(1);
    expect(before.mentorships.map(([id]) => id).sort()).toEqual([closing, running].sort());

    await request(api).post(`${p}/renewal`).set(as('owner')).send({ continuing: [] }).expect(200);
    await eventually(async () => {
      const cycles = (await request(api).get(`${p}/cycles`).set(as('sponsor')).expect(200)).body;
      return cycles.length === 2 ? cycles : null;
    });

    // Cycle 1, after: the same report, mentorships and monitoring; the report frozen at the renewal.
    expect(await cycleAsRead(1)).toEqual(before);
    const frozen = (await request(api).get(`${p}/report?cycle=1`).set(as('sponsor')).expect(200)).body;
    expect(frozen).toMatchObject({ cycle: 1, cycles: [1, 2], frozenAt: expect.any(String), stillRunning: 1 });
    expect(frozen.facts).toEqual([
      expect.objectContaining({ mentorshipId: closing, name: 'Team turnover', before: 18, after: 12 }),
    ]);
    expect(frozen.facts[0].mentee).toMatch(/^Mentee \d /);
    // The still-running cycle-1 mentorship goes on, monitored under its cycle.
    expect(await phaseOf(running)).not.toBe('CLOSED');

    // Cycle 2: its own, empty so far.
    const next = await cycleAsRead();
    expect(next.report).toMatchObject({ cycle: 2, participation: { planned: 0, started: 0 }, roi: { mentorships: 0 } });
    expect(next.mentorships).toEqual([]);
    expect(next.monitoring).toMatchObject({ cycle: 2, mentorships: 0 });
    const cycles = (await request(api).get(`${p}/cycles`).set(as('owner')).expect(200)).body;
    expect(cycles).toEqual([
      expect.objectContaining({
        cycle: 1,
        phase: 'RENEWED',
        mentorships: 2,
        current: false,
        endedAt: expect.any(String),
      }),
      expect.objectContaining({ cycle: 2, phase: 'LAUNCH_PLANNING', mentorships: 0, current: true, endedAt: null }),
    ]);
    const page = await request(api).get(`${p}/report.html?cycle=1`).set(as('sponsor')).expect(200);
    expect(page.text).toContain('Cycle 1');
    expect(page.text).toContain('href="/programs/' + cycle.programId + '/report.html?cycle=2&amp;lang=en"');

    // The dashboard reads the same: cycle 1 as it ended, with no form of the running cycle.
    const owner = await signedIn(cycle.tokens.owner);
    const d = `/dashboard/programs/${cycle.programId}`;
    const first = (await request(api).get(`${d}?cycle=1&lang=en`).set('Cookie', owner).expect(200)).text;
    expect(first).toContain('— Cycle 1</h1>');
    expect(first).toContain(`href="${d}?cycle=2&amp;lang=en"`);
    expect(first).toContain('data-phase="RENEWED"');
    expect(first).not.toContain(`<form method="post" action="${d}/`);
    for (const id of [closing, running]) expect(first).toContain(`/dashboard/mentorships/${id}`);
    const second = (await request(api).get(d).set('Cookie', owner).expect(200)).text;
    expect(second).toContain('— Cycle 2</h1>');
    expect(second).not.toContain(`/dashboard/mentorships/${closing}`);
    const report = (await request(api).get(`${d}/report?cycle=1&lang=fr`).set('Cookie', owner).expect(200)).text;
    expect(report).toContain('le rapport le montre tel qu’il était alors');
    expect(report).toContain('Team turnover');
    await request(api).get(`${d}?cycle=7`).set('Cookie', owner).expect(404);
  }, 180_000);

  it('answers 404 PROGRAM.NO_SUCH_CYCLE for a cycle the program never had, and 400 for a bad one', async () => {
    const p = `/programs/${cycle.programId}`;
    const none = await request(api).get(`${p}/report?cycle=7`).set(as('sponsor')).expect(404);
    expect(none.body.code).toBe('PROGRAM.NO_SUCH_CYCLE');
    const bad = await request(api).get(`${p}/monitoring?cycle=zero`).set(as('owner')).expect(400);
    expect(bad.body.errors[0].field).toBe('cycle');
  });
});
