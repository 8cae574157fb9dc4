import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { activeCycle, mentorOf, type ActiveCycle } from '../support/cycle.js';
import { expectAccessible, launchChromium, signedIn } from '../support/browser.js';
import { fastPolicy } from '../support/mentorships.js';
import { quietTimings } from '../support/programs.js';
import { eventually, useWorkerStack } from '../support/services.js';
import { startApi } from '../support/api.js';

// A first cycle run over HTTP to closed mentorships whose people wrote about each other by name,
// then renewed: the second cycle's training plan must bring cases from the first with nobody named.

const stack = useWorkerStack('e2e-cases-across-cycles', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let cycle: ActiveCycle;

const NAMES = {
  owner: 'Claire Fontaine',
  sponsor: 'Samuel Taylor',
  supervisor: 'Paul Royer',
  mentors: ['Éloïse Durand', 'Hugo Lefèvre', 'Inès Moreau'],
  mentees: ['Zoé Bernard', 'Karim Benali', 'Lucie Garnier'],
};
const PRIVATE = 'PRIVATE-NOTE-MARKER';
// Answers at kickoff. Mentorship 0: both consent. Mentorship 1: the mentee refuses, the mentor says
// nothing. Mentorship 2: the mentor consents, the mentee says nothing (absent = not given).
const CONSENT: Array<Partial<Record<'mentor' | 'mentee', 'granted' | 'refused'>>> = [
  { mentor: 'granted', mentee: 'granted' },
  { mentee: 'refused' },
  { mentor: 'granted' },
];
const survey = (comment: string) => ({
  scores: { challenge: 4, guidedExperience: 4, trust: 5, practiceChange: 4 },
  comment,
});
// Second-scale cadences: a checkpoint after 6 s of ACTIVE, the midterm at 12 s, the end at 24 s.
const policy = fastPolicy({
  sessionEveryMs: 600_000,
  escalationDelayMs: 600_000,
  checkpointEveryMs: 6_000,
  checkpointDecisionMs: 600_000,
  responseMs: 600_000,
  midtermAfterMs: 12_000,
  endAfterMs: 24_000,
});
const as = (who: string) => ({ Authorization: `Bearer ${cycle.tokens[who]}` });
const month = (offset: number) => {
  const d = new Date();
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
};
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    programTimings: quietTimings,
  }));
  cycle = await activeCycle(api, stack.db, 3, {
    names: NAMES,
    program: { policy: { mentorship: policy } },
    kickoff: (party, i) => ({
      ...(party === 'mentor'
        ? {
            facts: [
              {
                name: 'Team turnover',
                unit: '%',
                source: 'HR report',
                value: 20,
                lowerIsBetter: true,
                valuePerUnit: 1500,
              },
            ],
          }
        : {}),
      ...(CONSENT[i][party] ? { caseConsent: CONSENT[i][party] } : {}),
    }),
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('a second cycle’s training plan shows cases from the first cycle with no name in them', () => {
  const m = (i: number, path = '') => `/mentorships/${cycle.mentorshipIds[i]}${path}`;
  /** A dashboard session's cookie. */
  const signIn = async (who: string) =>
    String(
      (await request(api).post('/dashboard/sign-in').type('form').send({ token: cycle.tokens[who] }).expect(303))
        .headers['set-cookie'],
    ).split(';')[0];
  const nameOf = (personId: string) => {
    const p = cycle.people;
    const i = p.mentors.indexOf(personId);
    return i >= 0 ? NAMES.mentors[i] : NAMES.mentees[p.mentees.indexOf(personId)];
  };

  it('records each party’s case consent given at kickoff, and the supervisor’s given on its own', async () => {
    const consent = async (personId: string) =>
      (await request(api).get(`/people/${personId}/case-consent`).set(as('hr')).expect(200)).body;
    const [mentee0, mentee1, mentee2] = cycle.people.mentees;
    expect(await consent(mentee0)).toMatchObject({ consent: 'granted', recordedBy: mentee0 });
    expect(await consent(mentee1)).toMatchObject({ consent: 'refused', recordedBy: mentee1 });
    expect((await consent(mentee2)).consent).toBe('not-asked');
    const mentor1 = cycle.people.mentors[Number((await mentorOf(api, cycle, cycle.mentorshipIds[1])).slice(6))];
    expect((await consent(mentor1)).consent).toBe('not-asked');
    await request(api)
      .put(`/people/${cycle.people.supervisor}/case-consent`)
      .set(as('sup'))
      .send({ consent: 'granted' })
      .expect(200);
  });

  it('runs the first cycle to closed mentorships, the people writing about each other by name', async () => {
    for (const i of [0, 1, 2]) {
      const mentor = await mentorOf(api, cycle, cycle.mentorshipIds[i]);
      const menteeId = cycle.people.mentees[i];
      const mentee = NAMES.mentees[i];
      const mentorName = nameOf(cycle.people.mentors[Number(mentor.slice(6))]);
      await request(api)
        .post(m(i, '/sessions'))
        .set(as(mentor))
        .send({
          heldAt: new Date().toISOString(),
          minutes: 60,
          topics: [`${mentee.split(' ')[0]} delegating the Monday report`],
          competencies: ['delegation'],
          sharedNotes: `${mentee} (${menteeId}, ${menteeId}@example.test) handed the report to her deputy; ${NAMES.owner.split(' ')[0]} asked for a summary.`,
          privateNotes: `${PRIVATE}: ${mentee} still checks everything twice.`,
        })
        .expect(200);
      await eventually(async () => (await request(api).get(m(i, '/checkpoints')).set(as('sup'))).body.open === 1);
      await request(api)
        .post(m(i, '/checkpoints/1/decision'))
        .set(as('sup'))
        .send({
          decision: 'request-changes',
          guidance: `Let ${mentee.split(' ')[0]} own one decision a week; ${mentorName.split(' ')[1]} checks in on Fridays.`,
        })
        .expect(200);
    }
    const phaseOf = async (i: number) =>
      (await request(api).get(m(i)).set(as('owner')).expect(200)).body.phase as string;
    for (const i of [0, 1, 2]) {
      const mentor = await mentorOf(api, cycle, cycle.mentorshipIds[i]);
      await eventually(async () => (await phaseOf(i)) === 'MIDTERM_REVIEW', 30_000);
      await request(api)
        .post(m(i, '/reviews/midterm'))
        .set(as(mentor))
        .send({ survey: survey(''), levels: { delegation: 2 } })
        .expect(200);
      await request(api)
        .post(m(i, '/reviews/midterm'))
        .set(as(`mentee${i}`))
        .send({ survey: survey('') })
        .expect(200);
    }
    for (const i of [0, 1, 2]) {
      const mentor = await mentorOf(api, cycle, cycle.mentorshipIds[i]);
      const mentorName = nameOf(cycle.people.mentors[Number(mentor.slice(6))]);
      await eventually(async () => (await phaseOf(i)) === 'FINAL_EVALUATION', 40_000);
      await request(api)
        .post(m(i, '/reviews/final'))
        .set(as(mentor))
        .send({
          survey: survey(`${NAMES.mentees[i]} now delegates the Monday report without checking it.`),
          levels: { delegation: 3 },
          factsAfter: { 'Team turnover': 12 },
        })
        .expect(200);
      await request(api)
        .post(m(i, '/reviews/final'))
        .set(as(`mentee${i}`))
        .send({ survey: survey(`${mentorName} helped me let go; I also ask ${NAMES.sponsor} for advice now.`) })
        .expect(200);
      expect(await phaseOf(i)).toBe('CLOSED');
    }
  }, 120_000);

  it('shows the sponsor’s report both ROI figures, labelled, under the privacy rule', async () => {
    await request(api).post(`/programs/${cycle.programId}/evaluation`).set(as('owner')).send({}).expect(200);
    // Team turnover for everyone: the two mentees and six comparable first-line managers not in the program.
    const others = Array.from({ length: 6 }, (_, k) => `cmp${k}-${cycle.people.owner}`);
    const header =
      'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool';
    const directory = others.map(
      (id, k) =>
        `${id},Comparison ${String.fromCharCode(65 + k)},${id}@example.test,Dept-${id},${cycle.people.owner},M1,1,4,fr,Paris,Europe/Paris,2010-01-04,active,no`,
    );
    await request(api)
      .post('/people/import')
      .set(as('hr'))
      .set('Content-Type', 'text/csv')
      .send([header, ...directory].join('\n'))
      .expect(200);
    const rows = [...cycle.people.mentees, ...others].flatMap((id, k) => {
      const mentee = cycle.people.mentees.includes(id);
      const before = Array.from({ length: 12 }, (_, j) => `${id},Team turnover,${month(j - 12)},${20 + (k % 3)},hris`);
      const after = [6, 7, 8].map((j) => `${id},Team turnover,${month(j)},${(mentee ? 12 : 19) + (k % 3)},hris`);
      return [...before, ...after];
    });
    await request(api)
      .post('/outcome-measures/import')
      .set(as('hr'))
      .set('Content-Type', 'text/csv')
      .send(['employee_id,measure,period,value,source', ...rows].join('\n'))
      .expect(200);

    const report = (who: string) => request(api).get(`/programs/${cycle.programId}/report`).set(as(who)).expect(200);
    const [owners] = (await report('owner')).body.comparison;
    expect(owners).toMatchObject({
      measure: 'Team turnover',
      effect: { visibility: 'individual' },
      beforeAfter: { mentorships: 3, label: expect.stringMatching(/before\/after/) },
      fromEstimate: { label: expect.stringMatching(/estimated effect/), mentees: 3 },
    });
    expect(owners.effect.improvement.estimate).toBeGreaterThan(0);
    // Three mentees: fewer than 5 people on one side, so the sponsor sees the before/after figure only.
    const [sponsors] = (await report('sponsor')).body.comparison;
    expect(sponsors).toMatchObject({ effect: { visibility: 'withheld', minimumPeople: 5 }, fromEstimate: null });
    expect(sponsors.beforeAfter).toEqual(owners.beforeAfter);

    const page = (who: string) => request(api).get(`/programs/${cycle.programId}/report.html`).set(as(who)).expect(200);
    const sponsorPage = (await page('sponsor')).text;
    expect(sponsorPage).toContain('Proof: the effect against comparable managers');
    expect(sponsorPage).toContain('ROI before/after (the mentees’ own change × the agreed attribution share)');
    expect(sponsorPage).toContain('Withheld: fewer than 5 people on one side of the comparison');
    expect(sponsorPage).toMatch(/aggregates only, and only of at least 5 people/);
    const ownerPage = (await page('owner')).text;
    expect(ownerPage).toContain('ROI from the estimated effect (against comparable managers)');
    expect(ownerPage).toMatch(/95 % interval: -?[\d,.]+ EUR to -?[\d,.]+ EUR/);
    expect(sponsorPage).not.toContain('ROI from the estimated effect (against comparable managers)</td><td>');

    // In French: the proof section, the effect's sentences and the assumptions, numbers as the page writes them.
    const french = (who: string) =>
      request(api).get(`/programs/${cycle.programId}/report.html?lang=fr`).set(as(who)).expect(200);
    const ownerFr = (await french('owner')).text;
    expect(ownerFr).toContain('Preuve : l’effet face à des managers comparables');
    expect(ownerFr).toContain('ROI avant/après (la variation propre des mentorés × la part attribuée convenue)');
    expect(ownerFr).toContain('ROI depuis l’effet estimé (face à des managers comparables)');
    expect(ownerFr).toMatch(/intervalle à 95 % : -?[\d\u202f,]+ EUR à -?[\d\u202f,]+ EUR/);
    expect(ownerFr).toMatch(/Effet estimé du programme : -?\d+,\d+/);
    expect(ownerFr).toContain('Ce que la méthode ne peut pas exclure');
    expect(ownerFr).toContain(
      'Team turnover : 1\u202f500 EUR par unité d’amélioration (%), chiffres issus de HR report',
    );
    expect(ownerFr).toContain('50 % de chaque amélioration est attribué au mentorat');
    // Not one English sentence of the proof section or the assumptions is left in the French report.
    const items = (html: string) => [...html.matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1]);
    const english = items(ownerPage);
    expect(english.join('\n')).toMatch(/The program's estimated effect/);
    expect(english.join('\n')).toMatch(/per unit of improvement/);
    for (const line of english) expect(ownerFr).not.toContain(line);
    for (const line of items(ownerFr)) expect(line).not.toMatch(/\b(the|of|and|mentees|interval)\b/);
    const sponsorFr = (await french('sponsor')).text;
    expect(sponsorFr).toContain('Masqué : moins de 5 personnes d’un côté de la comparaison');
    expect(sponsorFr).toMatch(/au moins 5 personnes de chaque côté/);

    // The program page's proof block: the report's comparison in short, under the same privacy rule.
    const programPage = async (who: string, lang: string) => {
      const html = (
        await request(api)
          .get(`/dashboard/programs/${cycle.programId}?lang=${lang}`)
          .set('Cookie', await signIn(who))
          .expect(200)
      ).text;
      const from = html.indexOf('<section aria-labelledby="proof">');
      expect(from).toBeGreaterThan(0);
      return html.slice(from, html.indexOf('</section>', from));
    };
    const percent = (r: number) => `${Math.round(r * 100)} %`;
    const ownerBlock = await programPage('owner', 'en');
    expect(ownerBlock).toContain('<h3>Team turnover</h3>');
    const verdict = /<p>(The program's estimated effect: [^<]+)<\/p>/.exec(ownerBlock)?.[1];
    expect(verdict).toMatch(/^The program's estimated effect: -?\d+\.\d+ \(95 % interval -?\d+\.\d+ to -?\d+\.\d+\)/);
    expect(ownerPage).toContain(verdict); // the report's own sentence, from the same computation
    expect(ownerBlock).toContain(
      `<td>ROI before/after (the mentees’ own change × the agreed attribution share)</td><td>${percent(owners.beforeAfter.roi)}</td>`,
    );
    expect(ownerBlock).toContain(
      `<td>ROI from the estimated effect (against comparable managers)</td><td>${percent(owners.fromEstimate.roi)}<br/><small>95 % interval: `,
    );
    expect(ownerBlock).toContain(`href="/dashboard/programs/${cycle.programId}/report?cycle=1&amp;lang=en#proof"`);
    const sponsorBlock = await programPage('sponsor', 'en');
    expect(sponsorBlock).toContain(`<td>${percent(sponsors.beforeAfter.roi)}</td><td>3 closed mentorship(s)</td>`);
    expect(sponsorBlock).toContain('Withheld: fewer than 5 people on one side of the comparison');
    expect(sponsorBlock).not.toContain('estimated effect:');
    expect(sponsorBlock).not.toContain(`${percent(owners.fromEstimate.roi)}<br/>`);
    const ownerBlockFr = await programPage('owner', 'fr');
    expect(ownerBlockFr).toContain('Preuve : l’effet face à des managers comparables');
    expect(ownerBlockFr).toMatch(
      /<p>Effet estimé du programme : -?\d+,\d+ \(intervalle à 95 % : -?\d+,\d+ à -?\d+,\d+\)/,
    );
    expect(ownerBlockFr).toContain('<td>ROI depuis l’effet estimé (face à des managers comparables)</td>');
    expect(await programPage('sponsor', 'fr')).toContain('Masqué : moins de 5 personnes d’un côté de la comparaison');

    // And the page with its block passes axe-core in a real browser, for the owner and the sponsor.
    const browser = await launchChromium();
    try {
      for (const who of ['owner', 'sponsor']) {
        const page = await signedIn(browser, api, cycle.tokens[who]);
        await page.goto(`${api}/dashboard/programs/${cycle.programId}?lang=fr`);
        expect(await page.locator('section[aria-labelledby="proof"] h3').textContent()).toBe('Team turnover');
        await expectAccessible(page, `program with its proof block (${who})`);
      }
    } finally {
      await browser.close();
    }
  }, 90_000);

  it('renews; the second cycle’s training plan brings the first cycle’s cases, de-identified', async () => {
    const post = (path: string, body: object = {}, who = 'owner') =>
      request(api).post(`/programs/${cycle.programId}${path}`).set(as(who)).send(body);
    await post('/lessons', { whatWorked: ['Supervision every six weeks'], whatToChange: [] }).expect(200);
    await post('/renewal', { continuing: [...cycle.people.mentors, cycle.people.supervisor] }).expect(200);
    await eventually(
      async () =>
        (await request(api).get(`/programs/${cycle.programId}`).set(as('owner'))).body.phase === 'LAUNCH_PLANNING',
    );
    await post('/launch-approval', {}, 'sponsor').expect(200);
    for (const id of cycle.people.mentees)
      await post('/enrolments', { personId: id, role: 'mentee', goals: ['delegation'] }).expect(200);
    const { version } = (await post('/matching/proposals').expect(202)).body;
    await eventually(
      async () =>
        (await request(api).get(`/programs/${cycle.programId}/matching/proposals/${version}`).set(as('owner'))).body
          .status === 'READY',
    );
    await post(`/matching/proposals/${version}/approval`).expect(200);

    // The first cycle's effect stays on record after the renewal: its own mentees, its own window.
    const effect = (query: string) =>
      request(api).get(`/programs/${cycle.programId}/effect?measure=Team%20turnover&lowerIsBetter=true&${query}`);
    const first = (await effect('cycle=1').set(as('owner')).expect(200)).body;
    expect(first).toMatchObject({ visibility: 'individual', sample: { mentees: 3, matchedMentees: 3 } });
    expect(first.improvement.estimate).toBeGreaterThan(0);
    const firstReport = (
      await request(api).get(`/programs/${cycle.programId}/report?cycle=1`).set(as('owner')).expect(200)
    ).body;
    expect(firstReport.comparison[0]).toMatchObject({ measure: 'Team turnover', fromEstimate: { mentees: 3 } });
    expect((await effect('cycle=9').set(as('owner')).expect(404)).body.code).toBe('PROGRAM.NO_SUCH_CYCLE');

    const proposal = (
      await request(api)
        .get(`/programs/${cycle.programId}/training-plan/proposal?minClosedMentorships=1`)
        .set(as('owner'))
        .expect(200)
    ).body;
    expect(proposal.cycle).toBe(2);
    const [item] = proposal.items;
    expect(item).toMatchObject({ competencyKey: 'delegation', menteesTargeting: 3 });
    // Mentors with a closed mentorship now count as experienced trainers.
    expect(proposal.eligibleTrainers.map((t: { personId: string }) => t.personId).sort()).toEqual(
      [...cycle.people.mentors, cycle.people.supervisor].sort(),
    );
    expect(item.caseIds).toHaveLength(3);
    const cases = proposal.cases as Array<
      Record<string, unknown> & { cycle: number; situation: string[]; change: string[] }
    >;
    expect(cases.map((c) => c.cycle)).toEqual([1, 1, 1]);
    const full = cases.find((c) => c.change.length === 2)!;
    expect(full).toMatchObject({ source: 'mentorship', competencies: [{ key: 'delegation', by: 'declared' }] });
    expect(full.situation.join(' ')).toContain('[mentee] ([mentee], [mentee]) handed the report');
    expect(full.situation.join(' ')).toContain('[colleague] asked for a summary');
    expect((full.guidance as string[])[0]).toMatch(/^Let \[mentee\] own one decision a week; \[mentor\] checks in/);
    expect(full.change).toEqual([
      '[mentee] now delegates the Monday report without checking it.',
      '[mentor] helped me let go; I also ask [colleague] for advice now.',
    ]);
    // Mentorship 1: its mentee refused and its mentor never answered; only the supervisor's guidance is used.
    const guidanceOnly = cases.find((c) => c.situation.length === 0)!;
    expect(guidanceOnly).toMatchObject({ situation: [], change: [] });
    expect((guidanceOnly.guidance as string[])[0]).toMatch(/^Let \[mentee\] own one decision a week/);
    // Mentorship 2: its mentor consented, its mentee never answered: the mentor's words, not the mentee's.
    const mentorOnly = cases.find((c) => c.change.length === 1)!;
    expect(mentorOnly.situation.length).toBeGreaterThan(0);
    expect(mentorOnly.change).toEqual(['[mentee] now delegates the Monday report without checking it.']);

    // Nobody of the directory is named, addressed or identified anywhere in the cases.
    const text = JSON.stringify(cases);
    const folded = fold(text);
    expect(text).not.toContain(PRIVATE);
    const p = cycle.people;
    const everyone = [
      [p.owner, NAMES.owner],
      [p.sponsor, NAMES.sponsor],
      [p.supervisor, NAMES.supervisor],
      ...p.mentors.map((id, i) => [id, NAMES.mentors[i]]),
      ...p.mentees.map((id, i) => [id, NAMES.mentees[i]]),
    ];
    for (const [id, name] of everyone) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(`${id}@example.test`);
      for (const part of fold(name).split(' ')) expect(folded).not.toMatch(new RegExp(`\\b${part}\\b`));
    }

    // Recorded as the cycle's plan, and the library itself says the same.
    const recorded = await post('/training-plan', { minClosedMentorships: 1 }).expect(200);
    expect(recorded.body.items[0].caseIds).toEqual(item.caseIds);
    const library = (await request(api).get(`/programs/${cycle.programId}/case-library`).set(as('owner')).expect(200))
      .body;
    expect(library).toMatchObject({ cycle: 2, fileByText: false });
    expect(library.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual([...item.caseIds].sort());

    // The owner's dashboard page shows the recorded plan and the cases it cites, with nobody named.
    const owner = await signIn('owner');
    const programPage = await request(api).get(`/dashboard/programs/${cycle.programId}`).set('Cookie', owner);
    expect(programPage.text).toContain(`/dashboard/programs/${cycle.programId}/training`);
    const page = (
      await request(api).get(`/dashboard/programs/${cycle.programId}/training?lang=en`).set('Cookie', owner).expect(200)
    ).text;
    expect(page).toContain('The plan recorded for this cycle');
    for (const caseId of item.caseIds) expect(page).toContain(`id="${caseId}"`);
    // Trainers are named in the plan; the cases below it name nobody.
    const casesPart = page.slice(page.indexOf('<h2>Cases</h2>'));
    expect(page).not.toContain(PRIVATE);
    expect(casesPart).toContain('[mentee]');
    for (const [id, name] of everyone) {
      expect(casesPart).not.toContain(`${id}@example.test`);
      expect(fold(casesPart)).not.toContain(fold(name));
    }
    await request(api)
      .get(`/dashboard/programs/${cycle.programId}/training`)
      .set('Cookie', await signIn('sponsor'))
      .expect(403);
  }, 90_000);
});
