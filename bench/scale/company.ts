import { pool } from '../throughput.bench.js';
import type { Http } from './http-load.js';
import { MINUTE, SCALE_POLICY } from './scale-policy.js';

export interface Pair {
  programId: string;
  id: string;
  menteeId: string;
  mentorId: string;
  supervisorId: string;
  activeAt: number;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(`not reached within ${timeoutMs / 1000} s`);
}

export const pid = (p: number, role: string, i: number) => `P${p}-${role}${i}`;

/** Per program: 5 supervisors (directors), mentors in one department, mentees in another. */
export function companyCsv(programs: number, perProgram: number): string {
  const lines = [
    'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool',
    'CEO,"The CEO",ceo@bench.example,Board,,M3,25,8,en,Lyon,Europe/Paris,2001-01-01,active,no',
  ];
  const row = (id: string, dept: string, manager: string, level: string, years: number, pool: string) =>
    `${id},"${id}",${id.toLowerCase()}@bench.example,"${dept}",${manager},${level},${years},6,en|fr,Lyon,Europe/Paris,2015-03-01,active,${pool}`;
  for (let p = 0; p < programs; p++) {
    for (let s = 0; s < 5; s++) lines.push(row(pid(p, 'S', s), `Ops ${p}`, 'CEO', 'M3', 15, 'no'));
    for (let m = 0; m < perProgram / 2; m++)
      lines.push(row(pid(p, 'M', m), `Sales ${p}`, pid(p, 'S', m % 5), 'M2', 8, 'yes'));
    for (let e = 0; e < perProgram; e++) lines.push(row(pid(p, 'E', e), `Ops ${p}`, pid(p, 'S', e % 5), 'M1', 1, 'no'));
  }
  return lines.join('\n') + '\n';
}

/** One program from draft to EXECUTION as its people do it over HTTP; returns its planned pairs. */
export async function seedProgram(
  http: Http,
  tokenOf: (personId: string, role: 'owner' | 'sponsor' | 'supervisor' | 'mentor' | 'mentee') => Promise<string>,
  p: number,
  perProgram: number,
  log: (line: string) => void,
): Promise<Pair[]> {
  const owner = await tokenOf(pid(p, 'S', 0), 'owner');
  const program = await http.call<{ id: string }>('POST', '/programs', owner, {
    name: `Scale program ${p}`,
    sponsorId: pid(p, 'S', 1),
    objectives: [{ title: 'Grow managers', kpis: [{ name: 'engagement', unit: 'pts', baseline: 60, target: 70 }] }],
    policy: { mentorship: SCALE_POLICY, reviews: { reviewEveryMs: 7 * 24 * 60 * MINUTE } },
  });
  const path = (x: string) => `/programs/${program.id}${x}`;
  await http.call('POST', path('/launch-approval'), await tokenOf(pid(p, 'S', 1), 'sponsor'), { comment: 'go' });
  const mentees = Array.from({ length: perProgram }, (_, e) => pid(p, 'E', e));
  const mentors = Array.from({ length: perProgram / 2 }, (_, m) => pid(p, 'M', m));
  const supervisors = Array.from({ length: 5 }, (_, s) => pid(p, 'S', s));
  const enrol = async (body: Record<string, unknown>) => {
    await http.call('POST', path('/enrolments'), owner, body);
  };
  await pool(mentees.length, 4, (i) => enrol({ personId: mentees[i], role: 'mentee', goals: ['delegation'] }));
  await pool(mentors.length, 4, (i) => enrol({ personId: mentors[i], role: 'mentor', capacity: 2 }));
  for (const s of supervisors) await enrol({ personId: s, role: 'supervisor' });
  await http.call('POST', path('/matching/proposals'), owner, {});
  for (let i = 0; ; i++) {
    const proposal = await http.call<{ status: string }>('GET', path('/matching/proposals/1'), owner);
    if (proposal.status === 'READY') break;
    if (proposal.status === 'FAILED' || i > 600) throw new Error(`program ${p}: matching proposal ${proposal.status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  await http.call('POST', path('/matching/proposals/1/approval'), owner, {});
  const pairs: Pair[] = [];
  await pool(mentees.length, 4, async (i) => {
    try {
      const m = await http.call<{ id: string; menteeId: string; mentorId: string; supervisorId: string }>(
        'POST',
        path('/mentorships'),
        owner,
        {
          menteeId: mentees[i],
          supervisorId: pid(p, 'S', i % 5),
        },
      );
      pairs.push({
        programId: program.id,
        id: m.id,
        menteeId: m.menteeId,
        mentorId: m.mentorId,
        supervisorId: m.supervisorId,
        activeAt: 0,
      });
    } catch (e) {
      if ((e as { status?: number }).status !== 400) throw e; // a mentee the matching left unmatched
    }
  });
  await http.call('POST', path('/training-sessions'), owner, {
    audience: 'mentors',
    title: 'Mentoring a first-line manager',
    heldAt: new Date().toISOString(),
    materials: [],
    attendees: mentors,
  });
  await http.call('POST', path('/execution'), owner, {});
  log(`program ${p}: ${pairs.length} mentorships planned, EXECUTION`);
  return pairs;
}
