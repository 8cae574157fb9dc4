import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { eventually } from './services.js';
import { tokenFor } from './api.js';

export interface ActiveCycle {
  programId: string;
  mentorshipIds: string[];
  /** Bearer tokens by role name: owner, sponsor, sup, hr, mentor0…, mentee0… */
  tokens: Record<string, string>;
  people: { owner: string; sponsor: string; supervisor: string; mentors: string[]; mentees: string[] };
}

export interface CycleOptions {
  /** More of the program's creation body (a policy with second-scale mentorship cadences, say). */
  program?: object;
  /** Display names instead of "Mentor 0 <tag>"…, by role (index for mentors and mentees). */
  names?: { owner?: string; sponsor?: string; supervisor?: string; mentors?: string[]; mentees?: string[] };
  /** More of each party's kickoff body (facts with a value per unit, case consent…), mentorship by mentorship. */
  kickoff?: (party: 'mentor' | 'mentee', i: number) => object;
}

/**
 * A program driven over HTTP, as its people would, to EXECUTION with `pairs` mentorships ACTIVE
 * (approved by the supervisor, kickoff agreed by both). Every person id carries a fresh tag, so a
 * suite can run several cycles in one database.
 */
export async function activeCycle(
  api: string,
  db: DataSource,
  pairs = 1,
  options: CycleOptions = {},
): Promise<ActiveCycle> {
  const tag = randomUUID().slice(0, 8);
  const id = (name: string) => `${name}-${tag}`;
  const people = {
    owner: id('owner'),
    sponsor: id('sponsor'),
    supervisor: id('sup'),
    mentors: Array.from({ length: pairs }, (_, i) => id(`mentor${i}`)),
    mentees: Array.from({ length: pairs }, (_, i) => id(`mentee${i}`)),
  };
  const row = (pid: string, name: string, level: string, years: number, pool: string) =>
    `${pid},${name},${pid}@example.test,Dept-${pid},${people.owner},${level},${years},4,fr|en,Paris,Europe/Paris,2010-01-04,active,${pool}`;
  const names = options.names ?? {};
  const csv = [
    'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool',
    `${people.owner},${names.owner ?? `Owner ${tag}`},${people.owner}@example.test,Board,,M3,20,3,fr|en,Paris,Europe/Paris,2005-01-10,active,no`,
    row(people.sponsor, names.sponsor ?? `Sponsor ${tag}`, 'M3', 18, 'no'),
    row(people.supervisor, names.supervisor ?? `Supervisor ${tag}`, 'M3', 25, 'no'),
    ...people.mentors.map((p, i) => row(p, names.mentors?.[i] ?? `Mentor ${i} ${tag}`, 'M3', 15, 'yes')),
    ...people.mentees.map((p, i) => row(p, names.mentees?.[i] ?? `Mentee ${i} ${tag}`, 'M1', 1, 'no')),
  ].join('\n');

  const tokens: Record<string, string> = {
    hr: await tokenFor(db, id('hr'), ['hr-admin']),
    owner: await tokenFor(db, people.owner, ['owner']),
    sponsor: await tokenFor(db, people.sponsor, ['sponsor']),
    sup: await tokenFor(db, people.supervisor, ['supervisor']),
  };
  for (const [i, p] of people.mentors.entries()) tokens[`mentor${i}`] = await tokenFor(db, p, ['mentor']);
  for (const [i, p] of people.mentees.entries()) tokens[`mentee${i}`] = await tokenFor(db, p, ['mentee']);
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  await request(api).post('/people/import').set(as('hr')).set('Content-Type', 'text/csv').send(csv).expect(200);
  const assessed = [...people.mentees.map((p) => [p, 1] as const), ...people.mentors.map((p) => [p, 5] as const)];
  for (const [personId, level] of assessed) {
    await request(api)
      .post('/assessments')
      .set(as('hr'))
      .send({
        personId,
        competencyKey: 'delegation',
        level,
        source: '360',
        context: 'baseline',
        assessorId: people.owner,
      })
      .expect(201);
  }
  const created = await request(api)
    .post('/programs')
    .set(as('owner'))
    .send({
      name: `Cycle ${tag}`,
      sponsorId: people.sponsor,
      objectives: [{ title: 'Grow managers', kpis: [{ name: 'Engagement', unit: 'pts', baseline: 60, target: 70 }] }],
      ...(options.program ?? {}),
    })
    .expect(201);
  const programId = created.body.id as string;
  const post = (path: string, body: object, who = 'owner') =>
    request(api).post(`/programs/${programId}${path}`).set(as(who)).send(body);
  await post('/launch-approval', {}, 'sponsor').expect(200);
  for (const p of people.mentees) await post('/enrolments', { personId: p, role: 'mentee', goals: ['delegation'] });
  for (const p of people.mentors) await post('/enrolments', { personId: p, role: 'mentor', capacity: 1 }).expect(200);
  await post('/enrolments', { personId: people.supervisor, role: 'supervisor' }).expect(200);
  await post('/matching/proposals', {}).expect(202);
  await eventually(
    async () =>
      (await request(api).get(`/programs/${programId}/matching/proposals/1`).set(as('owner'))).body.status === 'READY',
  );
  await post('/matching/proposals/1/approval', {}).expect(200);
  const mentorshipIds: string[] = [];
  for (const mentee of people.mentees) {
    const planned = await post('/mentorships', { menteeId: mentee, supervisorId: people.supervisor }).expect(201);
    mentorshipIds.push(planned.body.id as string);
  }
  await post('/training-sessions', {
    audience: 'mentors',
    title: 'Mentoring a first-line manager',
    heldAt: new Date().toISOString(),
    materials: [],
    attendees: people.mentors,
  }).expect(200);
  await post('/execution', {}).expect(200);
  await eventually(async () => {
    const res = await request(api).get(`/programs/${programId}/mentorships`).set(as('owner')).expect(200);
    return (res.body as Array<{ status: string }>).every((m) => m.status === 'STARTED') ? true : null;
  }, 60_000);

  const goals = [{ competencyKey: 'delegation', targetLevel: 3 }];
  const byMentee = new Map<string, string>();
  const planned = await request(api).get(`/programs/${programId}/mentorships`).set(as('owner')).expect(200);
  for (const m of planned.body as Array<{ id: string; menteeId: string; mentorId: string }>)
    byMentee.set(m.menteeId, m.mentorId);
  for (const [i, mid] of mentorshipIds.entries()) {
    const mentor = `mentor${people.mentors.indexOf(byMentee.get(people.mentees[i])!)}`;
    const path = `/mentorships/${mid}`;
    await eventually(async () => (await request(api).post(`${path}/approval`).set(as('sup'))).status === 200);
    await request(api)
      .post(`${path}/kickoff`)
      .set(as(mentor))
      .send({
        goals,
        baselines: { delegation: 1 },
        facts: [{ name: 'Team turnover', unit: '%', source: 'HR report', value: 18, lowerIsBetter: true }],
        ...(options.kickoff?.('mentor', i) ?? {}),
      })
      .expect(200);
    await request(api)
      .post(`${path}/kickoff`)
      .set(as(`mentee${i}`))
      .send({ goals, ...(options.kickoff?.('mentee', i) ?? {}) })
      .expect(200);
  }
  return { programId, mentorshipIds, tokens, people };
}

/** The mentor token name (`mentorN`) of mentorship `i` of a cycle. */
export async function mentorOf(api: string, cycle: ActiveCycle, mentorshipId: string): Promise<string> {
  const res = await request(api)
    .get(`/mentorships/${mentorshipId}`)
    .set({ Authorization: `Bearer ${cycle.tokens.owner}` })
    .expect(200);
  return `mentor${cycle.people.mentors.indexOf(res.body.mentorId as string)}`;
}
