import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_ECONOMICS } from '../../libs/domain/src/index.js';
import type { OutboxDispatcher } from '../../apps/worker/src/mail/dispatcher.js';
import { freePort, startApi, tokenFor } from '../support/api.js';
import { expectAccessible, launchChromium, outcome, reloadUntil, shot, signedIn } from '../support/browser.js';
import { fastPolicy } from '../support/mentorships.js';
import {
  connectClient,
  createTestDatabase,
  startWorker,
  uniqueTaskQueue,
  type RunningWorker,
} from '../support/services.js';
import { startSmtpSink, startTestOutbox, type ReceivedMail } from '../support/smtp-sink.js';
import type { DataSource } from 'typeorm';

/**
 * A whole cycle, planning to renewal, done by its people in real Chromium with nothing but the
 * pages: no API call. The HR admin, the owner, the supervisor and the mentee read English; the
 * sponsor and the mentor French. Every page type is checked with axe-core; screenshots are kept.
 */
const tag = randomUUID().slice(0, 6);
const id = (name: string) => `${name}-${tag}`;
const P = {
  hr: id('hr'),
  owner: id('owner'),
  sponsor: id('sponsor'),
  sup: id('sup'),
  mentor: id('mentor'),
  other: id('mentor2'),
  mentee: id('mentee'),
};
const HEADER =
  'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool';
const row = (pid: string, name: string, dept: string, level: string, years: number, langs: string, pool: string) =>
  `${pid},${name},${pid}@example.test,${dept},,${level},${years},4,${langs},Paris,Europe/Paris,2010-01-04,active,${pool}`;
const CSV = [
  HEADER,
  row(P.hr, `Hana Rami ${tag}`, 'HR', 'M2', 10, 'en|fr', 'no'),
  row(P.owner, `Olivia Owen ${tag}`, 'HR', 'M3', 20, 'en|fr', 'no'),
  row(P.sponsor, `Serge Sponsor ${tag}`, 'Board', 'M3', 25, 'fr|en', 'no'),
  row(P.sup, `Sam Senior ${tag}`, 'Ops', 'M3', 25, 'en|fr', 'no'),
  row(P.mentor, `Mélanie Mentor ${tag}`, 'Sales', 'M3', 15, 'fr|en', 'yes'),
  row(P.other, `Marc Mentor ${tag}`, 'Finance', 'M3', 12, 'fr|en', 'yes'),
  row(P.mentee, `Emma Mentee ${tag}`, 'Ops', 'M1', 1, 'en|fr', 'no'),
].join('\n');
const name = (pid: string) =>
  CSV.split('\n')
    .find((l) => l.startsWith(`${pid},`))!
    .split(',')[1];

let db: DataSource;
let app: NestExpressApplication;
let api = '';
let worker: RunningWorker;
let closeClient: () => Promise<void>;
let browser: Browser;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let outbox: OutboxDispatcher;
const tokens: Record<string, string> = {};
const pages: Record<string, Page> = {};
let programUrl = '';
let mentorshipUrl = '';

beforeAll(async () => {
  ({ db } = await createTestDatabase('e2e_browser_cycle'));
  const connected = await connectClient();
  closeClient = connected.close;
  const taskQueue = uniqueTaskQueue('browser-cycle');
  const port = await freePort();
  api = `http://127.0.0.1:${port}`;
  // Second-scale policies: the same workflow code as the defaults' weeks and months.
  const policy = fastPolicy({ checkpointEveryMs: 6_000, midtermAfterMs: 30_000, endAfterMs: 55_000 });
  worker = await startWorker(db, taskQueue, { publicUrl: api });
  ({ app } = await startApi({
    db,
    temporal: connected.client,
    taskQueue,
    port,
    mentorshipTerms: { policy, economics: DEFAULT_ECONOMICS },
    programTimings: {
      launchApprovalReminderAfterMs: 600_000,
      launchApprovalMaxReminders: 1,
      reviewEveryMs: 40_000,
      reviewDecisionMs: 600_000,
    },
  }));
  sink = await startSmtpSink();
  outbox = startTestOutbox(db, sink.url);
  tokens.hr = await tokenFor(db, P.hr, ['hr-admin']);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await outbox?.stop();
  await sink?.close();
  await app?.close();
  await worker?.stop();
  await closeClient?.();
  await db?.destroy();
});

const assessMentee = async () => {
  // Competency levels come from the company's 360 tool (no page records them yet): the matching needs them.
  for (const [pid, level] of [
    [P.mentee, 1],
    [P.mentor, 5],
    [P.other, 5],
  ] as const)
    await db.query(
      `INSERT INTO assessments (person_id, model_id, competency_key, level, source, context, assessor_id, assessed_at)
       SELECT $1, id, 'delegation', $2, '360', 'baseline', $3, now() FROM competency_models WHERE key = 'managerial-core' ORDER BY version DESC LIMIT 1`,
      [pid, level, P.owner],
    );
};

const phaseOf = async (page: Page) => page.getAttribute('#phase', 'data-phase');
const submit = async (page: Page, action: string) => {
  await page.click(`form[action$="${action}"] button`);
  return outcome(page);
};

describe('a whole cycle in the browser, each person doing their part', () => {
  it('HR admin (English): tries the HR export, sees each refused line, then imports it', async () => {
    pages.hr = await signedIn(browser, api, tokens.hr);
    await pages.hr.click('a[href^="/dashboard/people/import"]');
    await expectAccessible(pages.hr, 'import');
    // The check can fail: a field without a label is a serious violation.
    await pages.hr.evaluate(`document.querySelector('main').appendChild(document.createElement('input'))`);
    await expect(expectAccessible(pages.hr, 'import with an unlabelled field')).rejects.toThrow(/label/);
    await pages.hr.reload();
    const upload = (csv: string) =>
      pages.hr.setInputFiles('input[name=file]', {
        name: 'people.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
    await upload(`${HEADER}\n${row('bad id!', 'X', 'Ops', 'M9', 1, 'en', 'no')}`);
    await pages.hr.click('form[action="/dashboard/people/import"] button');
    await expect(pages.hr.textContent('#refused')).resolves.toMatch(/rejected/);
    expect(await pages.hr.locator('table td').count()).toBeGreaterThan(2);
    await expectAccessible(pages.hr, 'import refused');
    await upload(CSV);
    await pages.hr.click('form[action="/dashboard/people/import"] button');
    await expect(pages.hr.textContent('.flash')).resolves.toMatch(/7 rows: 6 would create, 1 would update/);
    await upload(CSV);
    await pages.hr.uncheck('input[name=dryRun]');
    await pages.hr.click('form[action="/dashboard/people/import"] button');
    await expect(pages.hr.textContent('.flash')).resolves.toMatch(/7 rows: 6 created, 1 updated/);
    await shot(pages.hr, 'hr-import');
    await assessMentee();
    // Access tokens are issued to the people the import brought in (a token names a person of the directory).
    const roles = {
      owner: 'owner',
      sponsor: 'sponsor',
      sup: 'supervisor',
      mentor: 'mentor',
      other: 'mentor',
      mentee: 'mentee',
    } as const;
    for (const [who, role] of Object.entries(roles)) tokens[who] = await tokenFor(db, P[who as keyof typeof P], [role]);
  });

  it('owner (English): plans the program — objectives, KPI, steering group — and it waits for the sponsor', async () => {
    pages.owner = await signedIn(browser, api, tokens.owner);
    await pages.owner.click('a[href^="/dashboard/programs/new"]');
    await expectAccessible(pages.owner, 'new program');
    await pages.owner.fill('input[name=name]', `Managers ${tag}`);
    await pages.owner.selectOption('select[name=sponsorId]', P.sponsor);
    await pages.owner.check(`input[name=steeringGroup][value="${P.sup}"]`);
    await pages.owner.fill('input[name=objective1]', 'Keep our first-line managers');
    await pages.owner.fill('input[name=kpi1]', 'Team turnover');
    await pages.owner.fill('input[name=unit1]', '%');
    await pages.owner.fill('input[name=baseline1]', '18');
    await pages.owner.fill('input[name=target1]', '12');
    await pages.owner.fill('textarea[name=keySuccessFactors]', 'Mentors trained before they meet');
    await pages.owner.click('form[action="/dashboard/programs"] button');
    await expect(outcome(pages.owner)).resolves.toMatch(/Program created/);
    programUrl = pages.owner.url().split('?')[0];
    await expect(phaseOf(pages.owner)).resolves.toBe('LAUNCH_PLANNING');
    await expect(pages.owner.textContent('body')).resolves.toMatch(/Waiting for the sponsor’s approval/);
    await expectAccessible(pages.owner, 'program (planning)');
  });

  it('sponsor (French): finds the approval waiting at home and approves the launch', async () => {
    pages.sponsor = await signedIn(browser, api, tokens.sponsor);
    await expect(pages.sponsor.textContent('h1')).resolves.toBe('Accueil');
    await pages.sponsor.click('section:has(#todo) a');
    await pages.sponsor.fill('textarea[name=comment]', 'Aligné sur le plan 2027.');
    await expect(submit(pages.sponsor, '/launch-approval')).resolves.toBe('Lancement validé');
    await expect(phaseOf(pages.sponsor)).resolves.toBe('SELECTION_MATCHING');
    await expectAccessible(pages.sponsor, 'program (sponsor)');
  });

  it('owner: enrols, bans a pair with a reason, asks for a proposal, reads it and approves it', async () => {
    const o = pages.owner;
    await o.goto(programUrl);
    const enrol = async (pid: string, role: string, extra: () => Promise<void> = async () => undefined) => {
      await o.selectOption('select[name=personId]', pid);
      await o.selectOption('select[name=role]', role);
      await extra();
      await expect(submit(o, '/enrolments')).resolves.toBe('Enrolled');
    };
    await enrol(P.mentee, 'mentee', () => o.check('input[name=goals][value=delegation]'));
    await enrol(P.mentor, 'mentor', () => o.fill('input[name=capacity]', '1'));
    await enrol(P.other, 'mentor', () => o.fill('input[name=capacity]', '1'));
    await enrol(P.sup, 'supervisor');
    await o.selectOption('select[name=menteeId]', P.mentee);
    await o.selectOption('select[name=mentorId]', P.other);
    await o.selectOption('form[action$="/pair-decisions"] select[name=decision]', 'ban');
    await o.fill('form[action$="/pair-decisions"] input[name=reason]', 'they work on the same project');
    await expect(submit(o, '/pair-decisions')).resolves.toBe('Decision recorded');
    await expect(o.textContent('body')).resolves.toContain('they work on the same project');
    await expectAccessible(o, 'program (matching)');
    await expect(submit(o, '/proposals')).resolves.toMatch(/Proposal asked for/);
    await reloadUntil(o, 'a[href*="/proposals/1"]');
    await o.click('a[href*="/proposals/1"]');
    const text = (await o.textContent('main'))!;
    expect(text).toContain(`${name(P.mentee)} ← ${name(P.mentor)}`);
    expect(text).toContain('Covers the mentee’s gaps');
    expect(text).toContain(`they work on the same project`);
    expect(text).toContain(name(P.owner));
    await expectAccessible(o, 'proposal');
    await shot(o, 'owner-proposal');
    await expect(submit(o, '/proposals/1/approval')).resolves.toMatch(/Proposal approved/);
  });

  it('owner: records the mentors’ training, gives the pair its supervisor and starts the mentorships', async () => {
    const o = pages.owner;
    await expect(phaseOf(o)).resolves.toBe('TRAINING');
    await o.fill('input[name=title]', 'Mentoring a first-line manager');
    await o.check(`input[name=attendees][value="${P.mentor}"]`);
    await expect(submit(o, '/training-sessions')).resolves.toBe('Training session recorded');
    await o.selectOption('select[name=supervisorId]', P.sup);
    await expect(submit(o, '/mentorships')).resolves.toBe('Supervisor assigned');
    await expectAccessible(o, 'program (training)');
    await expect(submit(o, '/execution')).resolves.toMatch(/Execution started/);
    await expect(phaseOf(o)).resolves.toBe('EXECUTION');
  });

  it('supervisor (English): approves the pair from the home page', async () => {
    pages.sup = await signedIn(browser, api, tokens.sup);
    await reloadUntil(pages.sup, 'section:has(#todo) a');
    await pages.sup.click('section:has(#todo) a');
    mentorshipUrl = pages.sup.url().split('?')[0];
    await expect(pages.sup.textContent('h1')).resolves.toBe(`${name(P.mentee)} ← ${name(P.mentor)}`);
    await expect(phaseOf(pages.sup)).resolves.toBe('AWAITING_SUPERVISOR_APPROVAL');
    await expect(pages.sup.textContent('#phase')).resolves.toBe('Waiting for the supervisor’s approval');
    await expectAccessible(pages.sup, 'mentorship (supervisor)');
    await expect(submit(pages.sup, '/approval')).resolves.toBe('Pair approved');
  });

  it('mentor (French) and mentee (English): agree on the goals; the mentor logs a session, the mentee answers the pulse', async () => {
    pages.mentor = await signedIn(browser, api, tokens.mentor);
    const m = pages.mentor;
    await m.goto(mentorshipUrl);
    await m.selectOption('select[name=goal1]', 'delegation');
    await m.selectOption('select[name=target1]', '3');
    await m.selectOption('select[name=baseline1]', '1');
    await m.fill('input[name=factName]', 'Team turnover');
    await m.fill('input[name=factUnit]', '%');
    await m.fill('input[name=factSource]', 'HR report Q1');
    await m.fill('input[name=factValue]', '18');
    await m.check('input[name=factLowerIsBetter]');
    await m.fill('input[name=factValuePerUnit]', '2000');
    await expectAccessible(m, 'mentorship (kickoff)');
    await expect(submit(m, '/kickoff')).resolves.toBe('Objectifs convenus');
    pages.mentee = await signedIn(browser, api, tokens.mentee);
    const e = pages.mentee;
    await e.goto(mentorshipUrl);
    await expect(e.inputValue('select[name=goal1]')).resolves.toBe('delegation');
    await e.selectOption('select[name=target1]', '3');
    await expect(submit(e, '/kickoff')).resolves.toBe('Goals agreed');
    await expect(phaseOf(e)).resolves.toBe('ACTIVE');
    // A session is logged after it was held, and after the mentorship became active (to the second).
    await m.waitForTimeout(1_000);
    await m.reload();
    await m.fill('input[name=topics]', 'delegating the weekly report, feedback');
    await m.fill('textarea[name=sharedNotes]', 'Try delegating the Monday report.');
    await m.fill('textarea[name=privateNotes]', 'She hesitates to let go.');
    await expect(submit(m, '/sessions')).resolves.toBe('Séance enregistrée');
    await expect(m.textContent('main')).resolves.toContain('She hesitates to let go.');
    await shot(m, 'mentor-session-fr');
    await e.reload();
    await expect(e.textContent('main')).resolves.toContain('Try delegating the Monday report.');
    await expect(e.textContent('main')).resolves.not.toContain('She hesitates');
    await e.selectOption('select[name=trust]', '5');
    await e.fill('textarea[name=comment]', 'Very useful so far');
    await expect(submit(e, '/pulse')).resolves.toMatch(/Thank you/);
    await expectAccessible(e, 'mentorship (mentee)');
  });

  it('supervisor: reads the checkpoint briefing (sessions, goals, the latest pulse) and decides', async () => {
    const s = pages.sup;
    await s.goto(mentorshipUrl);
    await reloadUntil(s, 'form[action*="/checkpoints/1/decision"]', 30_000);
    const text = (await s.textContent('main'))!;
    expect(text).toContain('delegating the weekly report');
    expect(text).toContain('Very useful so far');
    expect(text).toContain('I could speak in confidence');
    await expectAccessible(s, 'mentorship (checkpoint)');
    await shot(s, 'supervisor-checkpoint');
    await s.selectOption('form[action*="/checkpoints/1/decision"] select[name=decision]', 'approve');
    await expect(submit(s, '/checkpoints/1/decision')).resolves.toBe('Decision recorded');
  });

  it('owner: a re-alignment review opens; the owner adjusts the objectives; the sponsor reads it in French', async () => {
    const o = pages.owner;
    await o.goto(programUrl);
    await expectAccessible(o, 'program (execution)');
    await reloadUntil(o, 'form[action$="/adjust"]', 60_000);
    await o.fill('form[action$="/adjust"] textarea[name=notes]', 'Turnover falls faster than planned.');
    await o.fill('form[action$="/adjust"] input[name=target1]', '10');
    await expect(submit(o, '/adjust')).resolves.toBe('Decision recorded');
    await pages.sponsor.goto(programUrl);
    await expect(pages.sponsor.textContent('#reviews ~ table, section:has(#reviews)')).resolves.toContain(
      'Objectifs ajustés',
    );
  });

  it('mentor and mentee: answer the midterm and the final reviews; the mentorship closes with its evidence', async () => {
    const answer = async (page: Page, stage: string, fill: () => Promise<void> = async () => undefined) => {
      await page.goto(mentorshipUrl);
      await reloadUntil(page, `form[action$="/reviews/${stage}"]`, 60_000);
      await fill();
      await page.click(`form[action$="/reviews/${stage}"] button`);
      return outcome(page);
    };
    await expect(answer(pages.mentor, 'midterm')).resolves.toBe('Bilan enregistré');
    await expect(answer(pages.mentee, 'midterm')).resolves.toBe('Review recorded');
    await expect(
      answer(pages.mentor, 'final', async () => {
        await pages.mentor.selectOption('select[name="level:delegation"]', '3');
        await pages.mentor.fill('input[name="fact:Team turnover"]', '12');
      }),
    ).resolves.toBe('Bilan enregistré');
    await expect(answer(pages.mentee, 'final')).resolves.toBe('Review recorded');
    await reloadUntil(pages.mentee, '#phase[data-phase=CLOSED]');
  });

  it('owner: monitors, exports, evaluates, records the lessons and renews; the sponsor reads the report in French', async () => {
    const o = pages.owner;
    await o.goto(programUrl);
    await expect(o.textContent('section:has(#monitoring)')).resolves.toContain(
      'Return on investment per closed mentorship',
    );
    await shot(o, 'owner-program');
    const csv = await o.request.get(`${programUrl}/mentorships.csv`);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    expect(await csv.text()).toContain(name(P.mentee));
    await expect(submit(o, '/evaluation')).resolves.toMatch(/evaluated/);
    await o.fill('textarea[name=whatWorked]', 'Supervisors who met mentors monthly');
    await o.fill('textarea[name=whatToChange]', 'Train mentors before matching');
    await expect(submit(o, '/lessons')).resolves.toBe('Lessons recorded');
    await expectAccessible(o, 'program (evaluation)');
    await pages.sponsor.goto(`${programUrl}/report`);
    await expect(pages.sponsor.textContent('main')).resolves.toContain('Retour sur investissement');
    await expect(pages.sponsor.textContent('main')).resolves.toContain(`${name(P.mentee)} ← ${name(P.mentor)}`);
    await expectAccessible(pages.sponsor, 'report');
    await shot(pages.sponsor, 'sponsor-report-fr');
    await o.check(`input[name=continuing][value="${P.mentor}"]`);
    await expect(submit(o, '/renewal')).resolves.toMatch(/Program renewed/);
    await reloadUntil(o, '#phase[data-phase=LAUNCH_PLANNING]');
    await expect(o.textContent('h1')).resolves.toContain('Cycle 2');
    await expect(o.textContent('main')).resolves.toContain('Supervisors who met mentors monthly');
  });

  it('every email received links to the page where its reader acts, and opens it signed in', async () => {
    const byAddress = new Map(Object.entries(P).map(([role, pid]) => [`${pid}@example.test`, role]));
    const mails = sink.received.filter((m: ReceivedMail) => byAddress.has(m.to));
    const templates = new Set<string>();
    for (const mail of mails) {
      const role = byAddress.get(mail.to)!;
      const link = mail.text.match(/https?:\/\/\S+/)?.[0];
      expect({ subject: mail.subject, link: link?.startsWith(`${api}/dashboard/`) }).toEqual({
        subject: mail.subject,
        link: true,
      });
      // People are named; the only id left is inside the link.
      expect(mail.text.replace(link!, '')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
      const page = pages[role] ?? (pages[role] = await signedIn(browser, api, tokens[role]));
      await page.goto('about:blank'); // a link to the page already open would only scroll
      const response = await page.goto(link!);
      expect({ subject: mail.subject, status: response?.status() }).toEqual({ subject: mail.subject, status: 200 });
      expect(page.url().split('#')[0].split('?')[0]).toBe(link!.split('#')[0]);
      templates.add(mail.key.split('/')[2]);
    }
    expect([...templates].sort()).toEqual(
      expect.arrayContaining([
        'approval-requested',
        'checkpoint-invitation',
        'closed',
        'kickoff-open',
        'program-review-open',
        'review-open',
      ]),
    );
    const invitation = mails.find((m) => m.ical !== null)!.ical!.replace(/\r\n /g, '');
    expect(invitation).toContain(`ATTENDEE;CN="${name(P.sup)}"`);
    expect(invitation).toContain('ORGANIZER;CN="mentorflow":mailto:');
    expect(invitation).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  });
});
