import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { DEFAULT_MODEL_KEY, type Role } from '../../libs/domain/src/index.js';
import { issueToken } from '../../libs/persistence/src/index.js';
import type { BenchRow } from '../report.js';
import { pool } from '../throughput.bench.js';
import { companyCsv, seedProgram, waitFor, type Pair } from './company.js';
import type { Http } from './http-load.js';
import { DEMO_FACTS as FACTS } from '../../apps/cli/src/demo.js';

export type TokenOf = (personId: string, role: Role) => Promise<string>;

/** Bearer tokens of the company's people, issued once each (as HR would). */
export function tokenIssuer(db: DataSource): TokenOf {
  const tokens = new Map<string, Promise<string>>();
  return (personId, role) => {
    const key = `${personId}/${role}`;
    if (!tokens.has(key))
      tokens.set(
        key,
        issueToken(db, { personId, displayName: personId, email: null, roles: [role], label: 'bench' }).then(
          (t) => t.token,
        ),
      );
    return tokens.get(key)!;
  };
}

/**
 * The company and its programs over HTTP, as its people would do it: the directory imported,
 * programs of 500 mentees each taken to EXECUTION, their mentorships started by the program
 * workflows (child workflows). Returns the planned pairs once every one has started.
 */
export async function populate(
  db: DataSource,
  http: Http,
  tokenOf: TokenOf,
  mentorships: number,
  rows: BenchRow[],
  log: (line: string) => void,
): Promise<Pair[]> {
  const admin = await tokenOf('admin', 'hr-admin');
  const perProgram = 500;
  const programs = Math.ceil(mentorships / perProgram);
  const started = performance.now();
  log(`directory: ${programs} programs × (${perProgram} mentees, ${perProgram / 2} mentors, 5 supervisors)`);
  await http.call('POST', '/people/import', admin, companyCsv(programs, perProgram));
  // Competency levels come from HR's assessment campaigns, not from the programs: loaded in bulk,
  // as the directory is (matching needs a level for every mentee and mentor).
  await db.query(
    `INSERT INTO assessments (person_id, model_id, competency_key, level, source, context, assessor_id, assessed_at)
     SELECT p.id, m.id, c.key, CASE WHEN p.job_level = 'M1' THEN 2 ELSE 5 END, '360', 'baseline', 'CEO', now()
       FROM people p
      CROSS JOIN (SELECT id FROM competency_models WHERE key = $1 ORDER BY version DESC LIMIT 1) m
      CROSS JOIN (VALUES ('delegation'), ('feedback')) AS c(key)
      WHERE p.job_level IN ('M1', 'M2') AND p.id LIKE 'P%'`,
    [DEFAULT_MODEL_KEY],
  );
  const pairs: Pair[] = [];
  await pool(programs, Math.min(programs, 8), async (p) => {
    pairs.push(...(await seedProgram(http, tokenOf, p, perProgram, log)));
  });
  const streamIds = pairs.map((m) => `mentorship:${m.id}`);
  log(
    `${pairs.length} mentorships planned in ${((performance.now() - started) / 1000).toFixed(0)} s; waiting for them to start`,
  );
  const createdCount = async () => {
    const r = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM domain_events WHERE type = 'MentorshipCreated' AND stream_id = ANY($1)`,
      [streamIds],
    );
    return r[0].n;
  };
  await waitFor(async () => (await createdCount()) >= pairs.length, 30 * 60_000);
  const span: Array<{ first: Date; last: Date }> = await db.query(
    `SELECT min(recorded_at) AS first, max(recorded_at) AS last FROM domain_events WHERE type = 'MentorshipCreated' AND stream_id = ANY($1)`,
    [streamIds],
  );
  rows.push({
    name: `mentorships planned through ${programs} programs and started (child workflows)`,
    value: pairs.length,
    unit: '',
  });
  rows.push({
    name: 'start rate: mentorships started per second (first to last MentorshipCreated)',
    value: pairs.length / ((span[0].last.getTime() - span[0].first.getTime()) / 1000),
    unit: '/s',
  });
  return pairs;
}

/**
 * Every mentorship to ACTIVE over HTTP (the supervisor's approval, then both kickoffs), started at
 * an even pace over `spanMs`: their clocks count from there, so the wakes come evenly too.
 */
export async function activate(
  http: Http,
  tokenOf: TokenOf,
  pairs: Pair[],
  spanMs: number,
  rows: BenchRow[],
): Promise<void> {
  const t0 = Date.now();
  let behind = 0;
  await pool(pairs.length, 64, async (i) => {
    const startAt = t0 + (i * spanMs) / pairs.length;
    if (Date.now() < startAt) await new Promise((r) => setTimeout(r, startAt - Date.now()));
    else if (Date.now() - startAt > 10_000) behind++;
    const m = pairs[i];
    const path = `/mentorships/${m.id}`;
    await http.call('POST', `${path}/approval`, await tokenOf(m.supervisorId, 'supervisor'), {});
    const goals = [{ competencyKey: 'delegation', targetLevel: 4 }];
    await http.call('POST', `${path}/kickoff`, await tokenOf(m.mentorId, 'mentor'), {
      goals,
      baselines: { delegation: 2 },
      facts: FACTS,
    });
    await http.call('POST', `${path}/kickoff`, await tokenOf(m.menteeId, 'mentee'), { goals });
    m.activeAt = Date.now();
  });
  rows.push({
    name: `taken to ACTIVE over HTTP (approval + two kickoffs each), paced over ${(spanMs / 60_000).toFixed(0)} min`,
    value: pairs.length / ((Date.now() - t0) / 1000),
    unit: 'mentorships/s',
  });
  rows.push({ name: 'activations started more than 10 s behind their pace', value: behind, unit: '' });
}
