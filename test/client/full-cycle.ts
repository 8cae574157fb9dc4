import { randomUUID } from 'node:crypto';
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api-types.js';

/**
 * A whole program cycle as an outside client would run it, with nothing but the types generated from
 * the OpenAPI document: HR import, assessments, program, launch approval, enrolment, matching with a
 * pin and a ban, approval, planning, training, execution, each mentorship's approval, kickoff,
 * sessions, pulse, checkpoint briefing, midterm and final reviews with ROI, a re-alignment review,
 * evaluation, lessons, renewal, and the first cycle's report read after it.
 */
type Schemas = components['schemas'];
type Role = 'hr-admin' | 'owner' | 'sponsor' | 'supervisor' | 'mentor' | 'mentee';
export type TokenIssuer = (personId: string, roles: Role[]) => Promise<string>;

export interface CycleOutcome {
  cycles: number[];
  cycleOneReport: Schemas['EffectivenessReportResponse'];
  cycleTwoReport: Schemas['EffectivenessReportResponse'];
}

/** The data of an answer, or an error naming the call and what the API said. */
function ok<T>(call: string, answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.error !== undefined || answer.data === undefined)
    throw new Error(`${call} → ${answer.response.status} ${JSON.stringify(answer.error ?? null)}`);
  return answer.data;
}

async function until<T>(what: string, probe: () => Promise<T | null>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function runFullCycle(baseUrl: string, issue: TokenIssuer): Promise<CycleOutcome> {
  const tag = randomUUID().slice(0, 8);
  const id = (name: string) => `${name}-${tag}`;
  const owner = id('owner');
  const sponsor = id('sponsor');
  const supervisor = id('sup');
  const mentors = [id('mentor0'), id('mentor1')];
  const mentees = [id('mentee0'), id('mentee1')];
  const tokens = new Map<string, string>();
  const grant = async (person: string, roles: Role[]) => tokens.set(person, await issue(person, roles));
  await grant(id('hr'), ['hr-admin']);
  await grant(owner, ['owner']);
  await grant(sponsor, ['sponsor']);
  await grant(supervisor, ['supervisor']);
  for (const m of mentors) await grant(m, ['mentor']);
  for (const m of mentees) await grant(m, ['mentee']);
  const clients = new Map<string, Client<paths>>();
  const as = (person: string): Client<paths> => {
    let c = clients.get(person);
    if (!c) {
      c = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${tokens.get(person)}` } });
      clients.set(person, c);
    }
    return c;
  };

  // HR import: the directory as the HR system exports it.
  const row = (pid: string, name: string, level: string, years: number, pool: string) =>
    `${pid},${name},${pid}@example.test,Dept-${pid},${owner},${level},${years},4,fr|en,Paris,Europe/Paris,2010-01-04,active,${pool}`;
  const csv = [
    'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool',
    `${owner},Owner ${tag},${owner}@example.test,Board,,M3,20,3,fr|en,Paris,Europe/Paris,2005-01-10,active,no`,
    row(sponsor, `Sponsor ${tag}`, 'M3', 18, 'no'),
    row(supervisor, `Supervisor ${tag}`, 'M3', 25, 'no'),
    ...mentors.map((p, i) => row(p, `Mentor ${i} ${tag}`, 'M3', 15, 'yes')),
    ...mentees.map((p, i) => row(p, `Mentee ${i} ${tag}`, 'M1', 1, 'no')),
  ].join('\n');
  const imported = ok(
    'POST /people/import',
    await as(id('hr')).POST('/people/import', {
      body: csv,
      bodySerializer: (text) => text,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
  if (imported.rows !== 7) throw new Error(`imported ${JSON.stringify(imported)}`);
  for (const [personId, level] of [...mentees.map((p) => [p, 1] as const), ...mentors.map((p) => [p, 5] as const)])
    ok(
      'POST /assessments',
      await as(id('hr')).POST('/assessments', {
        body: { personId, competencyKey: 'delegation', level, source: '360', context: 'baseline', assessorId: owner },
      }),
    );

  // Planning and launch approval.
  const program = ok(
    'POST /programs',
    await as(owner).POST('/programs', {
      body: {
        name: `Generated client ${tag}`,
        sponsorId: sponsor,
        objectives: [{ title: 'Grow managers', kpis: [{ name: 'Engagement', unit: 'pts', baseline: 60, target: 70 }] }],
      },
    }),
  );
  const path = { params: { path: { id: program.id } } };
  ok('launch approval', await as(sponsor).POST('/programs/{id}/launch-approval', { ...path, body: {} }));

  // Enrolment and matching: the owner bans one pair, so the other is the only way.
  for (const m of mentees)
    ok(
      'enrol mentee',
      await as(owner).POST('/programs/{id}/enrolments', {
        ...path,
        body: { personId: m, role: 'mentee', goals: ['delegation'] },
      }),
    );
  for (const m of mentors)
    ok(
      'enrol mentor',
      await as(owner).POST('/programs/{id}/enrolments', {
        ...path,
        body: { personId: m, role: 'mentor', capacity: 1 },
      }),
    );
  ok(
    'enrol supervisor',
    await as(owner).POST('/programs/{id}/enrolments', { ...path, body: { personId: supervisor, role: 'supervisor' } }),
  );
  const decide = (decision: 'pin' | 'ban', mentee: string, mentor: string, reason: string) =>
    as(owner).POST('/programs/{id}/matching/decisions', {
      ...path,
      body: { decision, menteeId: mentee, mentorId: mentor, reason },
    });
  ok('ban', await decide('ban', mentees[0], mentors[0], 'same team until June'));
  const pinned = ok('pin', await decide('pin', mentees[1], mentors[0], 'asked for by both'));
  if (pinned.pins.length !== 1 || pinned.bans.length !== 1) throw new Error(`decisions ${JSON.stringify(pinned)}`);
  const requested = ok('proposal', await as(owner).POST('/programs/{id}/matching/proposals', { ...path, body: {} }));
  const version = requested.version;
  const proposal = await until('the proposal', async () => {
    const p = ok(
      'GET proposal',
      await as(owner).GET('/programs/{id}/matching/proposals/{version}', {
        params: { path: { id: program.id, version } },
      }),
    );
    return p.status === 'READY' ? p : null;
  });
  if (proposal.version !== version) throw new Error(`proposal ${proposal.version}`);
  const state = ok('GET matching', await as(owner).GET('/programs/{id}/matching', path));
  const summary = state.proposals.find((p) => p.version === version)?.summary;
  if (!summary) throw new Error(`no summary of proposal ${version}: ${JSON.stringify(state.proposals)}`);
  const pairOf = new Map(summary.pairs.map((p) => [p.menteeId, p.mentorId]));
  if (pairOf.get(mentees[1]) !== mentors[0] || pairOf.get(mentees[0]) !== mentors[1])
    throw new Error(`the pin and the ban were not respected: ${JSON.stringify(summary.pairs)}`);
  ok(
    'approve proposal',
    await as(owner).POST('/programs/{id}/matching/proposals/{version}/approval', {
      params: { path: { id: program.id, version } },
    }),
  );

  // Planning the mentorships, training, execution.
  const mentorshipIds: string[] = [];
  for (const mentee of mentees) {
    const planned = ok(
      'plan',
      await as(owner).POST('/programs/{id}/mentorships', {
        ...path,
        body: { menteeId: mentee, supervisorId: supervisor },
      }),
    );
    mentorshipIds.push(planned.id);
  }
  ok(
    'training',
    await as(owner).POST('/programs/{id}/training-sessions', {
      ...path,
      body: {
        audience: 'mentors',
        title: 'Mentoring a first-line manager',
        heldAt: new Date().toISOString(),
        materials: [],
        attendees: mentors,
      },
    }),
  );
  ok('execution', await as(owner).POST('/programs/{id}/execution', path));
  await until('mentorships started', async () => {
    const list = ok('GET mentorships', await as(owner).GET('/programs/{id}/mentorships', path));
    return list.length === 2 && list.every((m) => m.status === 'STARTED') ? list : null;
  });

  // Each mentorship: approval, kickoff by both, a session, a pulse, the checkpoint briefing.
  const goals = [{ competencyKey: 'delegation', targetLevel: 3 }];
  const survey = { scores: { challenge: 4, guidedExperience: 4, trust: 5, practiceChange: 4 } };
  for (const [i, mid] of mentorshipIds.entries()) {
    const mentor = pairOf.get(mentees[i])!;
    const m = { params: { path: { id: mid } } };
    await until('approval accepted', async () => {
      const answer = await as(supervisor).POST('/mentorships/{id}/approval', m);
      return answer.response.status === 200 ? true : null;
    });
    ok(
      'kickoff (mentor)',
      await as(mentor).POST('/mentorships/{id}/kickoff', {
        ...m,
        body: {
          goals,
          baselines: { delegation: 1 },
          facts: [{ name: 'Team turnover', unit: '%', source: 'HR report', value: 18, lowerIsBetter: true }],
        },
      }),
    );
    ok('kickoff (mentee)', await as(mentees[i]).POST('/mentorships/{id}/kickoff', { ...m, body: { goals } }));
    ok(
      'session',
      await as(mentor).POST('/mentorships/{id}/sessions', {
        ...m,
        body: {
          heldAt: new Date().toISOString(),
          minutes: 60,
          topics: ['delegating the weekly report'],
          competencies: ['delegation'],
          sharedNotes: 'agreed a first step',
        },
      }),
    );
    ok('pulse', await as(mentees[i]).POST('/mentorships/{id}/pulse', { ...m, body: survey }));
    const briefing = ok('briefing', await as(supervisor).GET('/mentorships/{id}/checkpoints', m));
    if (briefing.sessions.length !== 1 || briefing.goals[0]?.baselineLevel !== 1)
      throw new Error(`briefing ${JSON.stringify(briefing)}`);
  }

  // The first mentorship to its end with the ROI evidence; the second goes on.
  const closing = mentorshipIds[0];
  const mentorOfClosing = pairOf.get(mentees[0])!;
  const m = { params: { path: { id: closing } } };
  const phase = async () => ok('GET mentorship', await as(owner).GET('/mentorships/{id}', m)).phase;
  await until('midterm', async () => ((await phase()) === 'MIDTERM_REVIEW' ? true : null), 30_000);
  const stage = (s: 'midterm' | 'final') => ({ params: { path: { id: closing, stage: s } } });
  ok(
    'midterm (mentor)',
    await as(mentorOfClosing).POST('/mentorships/{id}/reviews/{stage}', {
      ...stage('midterm'),
      body: { survey, levels: { delegation: 2 } },
    }),
  );
  ok(
    'midterm (mentee)',
    await as(mentees[0]).POST('/mentorships/{id}/reviews/{stage}', { ...stage('midterm'), body: { survey } }),
  );
  await until('final review', async () => ((await phase()) === 'FINAL_EVALUATION' ? true : null), 30_000);
  ok(
    'final (mentor)',
    await as(mentorOfClosing).POST('/mentorships/{id}/reviews/{stage}', {
      ...stage('final'),
      body: { survey, levels: { delegation: 3 }, factsAfter: { 'Team turnover': 12 } },
    }),
  );
  ok(
    'final (mentee)',
    await as(mentees[0]).POST('/mentorships/{id}/reviews/{stage}', { ...stage('final'), body: { survey } }),
  );
  await until('closed', async () => ((await phase()) === 'CLOSED' ? true : null), 30_000);
  const roi = ok('ROI', await as(owner).GET('/mentorships/{id}/roi', m));
  if (roi.facts.length !== 1) throw new Error(`roi ${JSON.stringify(roi)}`);

  // A re-alignment review kept by the owner.
  const review = await until(
    'a review',
    async () => {
      const r = ok('GET reviews', await as(sponsor).GET('/programs/{id}/reviews', path));
      return r.open ? r.open : null;
    },
    30_000,
  );
  ok(
    'review decision',
    await as(owner).POST('/programs/{id}/reviews/{review}/decision', {
      params: { path: { id: program.id, review } },
      body: { decision: 'keep', notes: 'Turnover falls as planned.' },
    }),
  );

  // Evaluation, lessons, renewal; then cycle 1 as the sponsor reads it.
  ok('evaluation', await as(owner).POST('/programs/{id}/evaluation', path));
  ok(
    'lessons',
    await as(owner).POST('/programs/{id}/lessons', {
      ...path,
      body: { whatWorked: ['monthly supervision'], whatToChange: [] },
    }),
  );
  ok('renewal', await as(owner).POST('/programs/{id}/renewal', { ...path, body: { continuing: [] } }));
  const cycles = await until('two cycles', async () => {
    const c = ok('GET cycles', await as(sponsor).GET('/programs/{id}/cycles', path));
    return c.length === 2 ? c : null;
  });
  const report = (cycle?: number) =>
    as(sponsor).GET('/programs/{id}/report', {
      params: { path: { id: program.id }, query: cycle === undefined ? {} : { cycle } },
    });
  return {
    cycles: cycles.map((c) => c.cycle),
    cycleOneReport: ok('report cycle 1', await report(1)),
    cycleTwoReport: ok('report', await report()),
  };
}
