import { ApiFailure, call } from './api-client.js';
import { demoCompanyCsv, demoId } from './demo-company.js';

export const DEMO_PROGRAM = 'Demo — managerial mentoring 2027';

/** The business fact each demo mentorship is kicked off against (the scale benchmark uses it too). */
export const DEMO_FACTS = [
  {
    name: 'Team turnover (12 months)',
    unit: '%',
    source: 'HR report',
    value: 14,
    lowerIsBetter: true,
    valuePerUnit: 1500,
  },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Seeds a living demo through the public API, as its people would: the directory, assessments,
 * a program planned, approved, matched, trained and in EXECUTION, its mentorships approved and
 * kicked off, sessions logged, one checkpoint opened at the owner's request. Does nothing when the
 * demo program exists already. Returns the program id and the owner's dashboard token.
 */
export async function seedDemo(
  log: (step: string) => void,
): Promise<{ programId: string; ownerToken: string; mentorships: number; created: boolean }> {
  const tokens = new Map<string, string>();
  const tokenOf = async (person: string, role: string) => {
    const key = `${person}/${role}`;
    if (!tokens.has(key))
      tokens.set(
        key,
        (
          await call<{ token: string }>('POST', '/tokens', {
            body: { personId: person, displayName: person, roles: [role] },
          })
        ).token,
      );
    return tokens.get(key)!;
  };
  log('directory: 320 people');
  await call('POST', '/people/import', { csv: demoCompanyCsv() });
  const owner = await tokenOf(demoId(0), 'owner');
  const existing = await call<{ items: Array<{ id: string; name: string }> }>('GET', '/programs', {
    token: owner,
    query: { limit: '100' },
  });
  const found = existing.items.find((p) => p.name === DEMO_PROGRAM);
  if (found) return { programId: found.id, ownerToken: owner, mentorships: 0, created: false };

  const mentees = Array.from({ length: 20 }, (_, i) => demoId(37 + i));
  const mentors = Array.from({ length: 10 }, (_, i) => demoId(7 + 2 * i));
  const supervisors = [demoId(1), demoId(2)];
  log('assessments: mentees and mentors');
  for (const [person, levels] of [
    ...mentees.map((m, i) => [m, { delegation: 1 + (i % 2), feedback: 2 }] as const),
    ...mentors.map((m) => [m, { delegation: 5, feedback: 4 }] as const),
  ]) {
    for (const [competencyKey, level] of Object.entries(levels)) {
      await call('POST', '/assessments', {
        body: { personId: person, competencyKey, level, source: '360', context: 'baseline', assessorId: demoId(0) },
      });
    }
  }
  log('program: planned and approved by the sponsor');
  const program = await call<{ id: string }>('POST', '/programs', {
    token: owner,
    body: {
      name: DEMO_PROGRAM,
      sponsorId: demoId(1),
      steeringGroup: [demoId(3)],
      keySuccessFactors: ['A session every two weeks', 'Supervisors who answer within a week'],
      objectives: [
        {
          title: 'Grow first-line managers',
          kpis: [
            { name: 'Team engagement', unit: 'pts', baseline: 61, target: 70 },
            { name: 'Manager turnover', unit: '%', baseline: 14, target: 9 },
          ],
        },
      ],
    },
  });
  const p = (path: string) => `/programs/${program.id}${path}`;
  await call('POST', p('/launch-approval'), {
    token: await tokenOf(demoId(1), 'sponsor'),
    body: { comment: 'Go for the first cycle.' },
  });
  log('enrolment and matching');
  for (const m of mentees)
    await call('POST', p('/enrolments'), {
      token: owner,
      body: { personId: m, role: 'mentee', goals: ['delegation'] },
    });
  for (const m of mentors)
    await call('POST', p('/enrolments'), { token: owner, body: { personId: m, role: 'mentor', capacity: 2 } });
  for (const s of supervisors)
    await call('POST', p('/enrolments'), { token: owner, body: { personId: s, role: 'supervisor' } });
  await call('POST', p('/matching/proposals'), { token: owner, body: {} });
  for (let i = 0; ; i++) {
    const proposal = await call<{ status: string }>('GET', p('/matching/proposals/1'), { token: owner });
    if (proposal.status === 'READY') break;
    if (proposal.status === 'FAILED' || i > 300) throw new Error(`the demo's matching proposal is ${proposal.status}`);
    await sleep(200);
  }
  await call('POST', p('/matching/proposals/1/approval'), { token: owner, body: {} });
  log('mentorships planned; mentors trained; execution');
  const planned: Array<{ id: string; menteeId: string; mentorId: string; supervisorId: string }> = [];
  for (const [i, menteeId] of mentees.entries()) {
    try {
      planned.push(
        await call('POST', p('/mentorships'), { token: owner, body: { menteeId, supervisorId: supervisors[i % 2] } }),
      );
    } catch (e) {
      if (!(e instanceof ApiFailure) || e.status !== 400) throw e; // a mentee the matching left unmatched
    }
  }
  // One mentor skips the training: the gate keeps that mentor's mentorships waiting, visibly.
  const trained = mentors.slice(0, -1);
  await call('POST', p('/training-sessions'), {
    token: owner,
    body: {
      audience: 'mentors',
      title: 'Mentoring a first-line manager',
      heldAt: new Date().toISOString(),
      materials: ['https://wiki.example.com/mentoring/cycle-1'],
      attendees: trained,
    },
  });
  await call('POST', p('/execution'), { token: owner, body: {} });
  const started = planned.filter((m) => trained.includes(m.mentorId));
  for (let i = 0; ; i++) {
    const list = await call<Array<{ phase: string | null }>>('GET', p('/mentorships'), { token: owner });
    if (list.filter((m) => m.phase !== null).length >= started.length) break;
    if (i > 300) throw new Error('the demo mentorships did not start');
    await sleep(200);
  }
  log(`${started.length} mentorships: approvals, kickoffs and first sessions`);
  const goals = [{ competencyKey: 'delegation', targetLevel: 3 }];
  const facts = DEMO_FACTS;
  for (const [i, m] of started.entries()) {
    const m_ = (path: string) => `/mentorships/${m.id}${path}`;
    // Three pairs still wait for their supervisor: pending decisions on the dashboard.
    if (i % 7 === 6) continue;
    await call('POST', m_('/approval'), { token: await tokenOf(m.supervisorId, 'supervisor'), body: {} });
    await call('POST', m_('/kickoff'), {
      token: await tokenOf(m.mentorId, 'mentor'),
      body: { goals, baselines: { delegation: 1 + (i % 2) }, facts },
    });
    await call('POST', m_('/kickoff'), { token: await tokenOf(m.menteeId, 'mentee'), body: { goals } });
    for (let s = 0; s < 1 + (i % 3); s++) {
      const heldAt = new Date().toISOString();
      await call('POST', m_('/sessions'), {
        token: await tokenOf(m.mentorId, 'mentor'),
        body: {
          heldAt,
          minutes: 60,
          topics: ['delegating the weekly planning'],
          competencies: ['delegation'],
          sharedNotes: 'Try it with one team lead first.',
        },
      });
    }
    if (i % 2 === 0)
      await call('POST', m_('/pulse'), {
        token: await tokenOf(m.menteeId, 'mentee'),
        body: {
          scores: { challenge: 4, guidedExperience: 4, trust: 5, practiceChange: 3 },
          comment: 'Des cas concrets à chaque fois.',
        },
      });
    if (i === 0)
      await call('POST', m_('/extra-checkpoint'), { token: owner, body: { reason: 'Early check of the first pair' } });
  }
  return { programId: program.id, ownerToken: owner, mentorships: started.length, created: true };
}
