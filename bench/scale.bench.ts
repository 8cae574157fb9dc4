import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startClusterSystem, type ClusterSystem } from '../apps/launcher/src/cluster-system.js';
import { mentorshipStateQuery, mentorshipWorkflowId } from '../libs/contracts/src/index.js';
import { DEFAULT_MODEL_KEY } from '../libs/domain/src/index.js';
import { issueToken, openDatabase } from '../libs/persistence/src/index.js';
import { clusterDatabaseFromUrl, freePort, startEmbeddedPostgres } from '../libs/platform/src/index.js';
import type { BenchRow } from './report.js';
import { measureThroughput, pool } from './throughput.bench.js';

/** A dry run compresses the compressed clocks further (SCALE_MINUTE_MS=6000: ten times faster). */
const MINUTE = Number(process.env.SCALE_MINUTE_MS ?? 60_000);
/**
 * Compressed clocks: a session is due 12 minutes after the last one and its reminder fires 4 minutes
 * before, so a mentorship whose mentor logs a session every 10 minutes wakes once per 10 minutes;
 * a checkpoint opens every 15 minutes and its supervisor decides it within 3.
 */
export const SCALE_POLICY = {
  sessionEveryMs: 12 * MINUTE,
  reminderLeadMs: 4 * MINUTE,
  escalationDelayMs: 10 * MINUTE,
  checkpointEveryMs: 15 * MINUTE,
  checkpointDecisionMs: 5 * MINUTE,
  responseMs: 30 * MINUTE,
  midtermAfterMs: 3 * 24 * 60 * MINUTE,
  endAfterMs: 6 * 24 * 60 * MINUTE,
};
const SESSION_EVERY = 10 * MINUTE;
const FACTS = [
  {
    name: 'Team turnover (12 months)',
    unit: '%',
    source: 'HR report',
    value: 14,
    lowerIsBetter: true,
    valuePerUnit: 1500,
  },
];
const REMIND_AFTER = SCALE_POLICY.sessionEveryMs - SCALE_POLICY.reminderLeadMs;

/**
 * The Temporal settings this benchmark runs with (docs/BENCHMARKS.md says why): more history shards
 * than the default 4 so that timers and tasks spread over more queues on one history process.
 */
export const SCALE_TEMPORAL = { historyShards: 16, dynamicConfig: {} as Record<string, unknown> };

interface Options {
  mentorships: number;
  holdMs: number;
  /** Session-logging rates (per second) of the ramp that looks for the highest sustained wake rate. */
  ramp: number[];
  /** Seconds at each ramp rate: the steps together touch each mentorship at most once. */
  rampStepSeconds: number;
  log: (line: string) => void;
}

export function scaleOptions(env: NodeJS.ProcessEnv = process.env): Options {
  return {
    mentorships: Number(env.SCALE_MENTORSHIPS ?? 10_000),
    holdMs: Number(env.SCALE_HOLD_MINUTES ?? 30) * MINUTE,
    ramp: (env.SCALE_RAMP ?? '20,40,60,90').split(',').map(Number),
    rampStepSeconds: Number(env.SCALE_RAMP_STEP_S ?? 45),
    log: (line) => process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`),
  };
}

interface Pair {
  programId: string;
  id: string;
  menteeId: string;
  mentorId: string;
  supervisorId: string;
  activeAt: number;
}

/** HTTP to the API replicas in turn, as a load balancer would spread it; latencies kept per label. */
class Http {
  private turn = 0;
  readonly latencies = new Map<string, number[]>();
  failures = 0;
  /** Load calls (labelled) that failed or got no answer within 30 s, per label: they are not retried. */
  readonly unanswered = new Map<string, number>();
  constructor(private readonly bases: string[]) {}
  async call<T>(method: string, path: string, token: string, body?: unknown, label?: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const base = this.bases[this.turn++ % this.bases.length];
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(typeof body === 'string' ? { 'Content-Type': 'text/csv' } : { 'Content-Type': 'application/json' }),
          ...(method === 'POST' ? { 'Idempotency-Key': randomUUID() } : {}),
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(label ? 30_000 : 60_000),
      }).catch((e: unknown) => e as Error);
      if (!(res instanceof Error) && res.ok) {
        if (label)
          (this.latencies.get(label) ?? this.latencies.set(label, []).get(label)!).push(performance.now() - t0);
        const text = await res.text();
        return (text ? JSON.parse(text) : null) as T;
      }
      const detail = res instanceof Error ? res.message : `${res.status} ${await res.text()}`;
      // 400/403/404/409 are answers, not faults: the caller decides.
      if (!(res instanceof Error) && res.status < 500 && res.status !== 429)
        throw Object.assign(new Error(`${method} ${path}: ${detail}`), { status: res.status });
      this.failures++;
      if (label) this.unanswered.set(label, (this.unanswered.get(label) ?? 0) + 1);
      if (label || attempt >= 5) throw new Error(`${method} ${path}: ${detail}`);
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}

const quantile = (values: number[], q: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** Resident memory of each process of the system, sampled while it runs (max kept). */
class RssSampler {
  readonly max = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly processes: () => Array<[string, number | undefined]>) {}
  start(): void {
    this.timer = setInterval(() => this.sample(), 15_000);
    this.sample();
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
  private sample(): void {
    const rss = (pid: number) => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) * 1024 : 0;
      } catch {
        return 0;
      }
    };
    const postgres = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres';
        } catch {
          return false;
        }
      })
      .reduce((sum, d) => sum + rss(Number(d)), 0);
    for (const [name, pid] of [...this.processes(), ['postgres (all processes)', -1] as [string, number]]) {
      const value = pid === -1 ? postgres : pid ? rss(pid) : 0;
      this.max.set(name, Math.max(this.max.get(name) ?? 0, value));
    }
  }
}

/**
 * `npm run bench scale`: 10,000 live mentorships on the cluster of `npm run cluster` (four Temporal
 * service processes on Postgres, two workers, two API replicas), started through programs over HTTP
 * as in production, held for 30 minutes with mentors logging sessions and supervisors deciding
 * checkpoints at a steady rate while every mentorship wakes at least once per 10 minutes.
 */
export async function benchScale(options: Options = scaleOptions()): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const { log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'mentorflow-bench-scale-'));
  chmodSync(dir, 0o755);
  const pgPort = await freePort();
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'postgres'),
    port: pgPort,
    // Sized for the 24 GiB machine; the WAL grows between checkpoints instead of forcing them every minute.
    flags: ['-c', 'shared_buffers=2GB', '-c', 'max_wal_size=8GB', '-c', 'checkpoint_timeout=15min'],
  });
  const url = await pg.createDatabase('mentorflow');
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const system: ClusterSystem = await startClusterSystem({
    databaseUrl: url,
    temporalDatabase: clusterDatabaseFromUrl(url),
    dir: join(dir, 'cluster'),
    historyShards: SCALE_TEMPORAL.historyShards,
    dynamicConfig: SCALE_TEMPORAL.dynamicConfig,
    workers: 2,
    apiPorts: [0, 0],
    appEnv: { MAIL_DIR: join(dir, 'mail'), TEMPORAL_TASK_QUEUE: 'scale', OUTBOX_POLL_MS: '200' },
    log,
  });
  const db = await openDatabase(url, { poolSize: 4 });
  const connection = await Connection.connect({ address: system.temporal.address });
  const client = new Client({ connection, namespace: system.temporal.namespace });
  const rss = new RssSampler(() => [
    ...Object.values(system.temporal.services).map((s): [string, number | undefined] => [
      `temporal ${s.name}`,
      s.pid(),
    ]),
    ...[...system.workers, ...system.apis].map((p): [string, number | undefined] => [p.name, p.pid()]),
  ]);
  rss.start();
  const rows: BenchRow[] = [];
  // Each figure is logged as soon as it is known: a run cut short still leaves what it measured.
  const record = rows.push.bind(rows);
  rows.push = (...added: BenchRow[]) => {
    for (const r of added) log(`figure: ${r.name} = ${r.value} ${r.unit}`);
    return record(...added);
  };
  const notes: string[] = [];
  try {
    // 1. Throughput ratio on the empty cluster, as bench/throughput measures it on the dev server.
    log('throughput: 1,000 mentorships vs no-op workflows through 4 Updates each');
    const throughput = await measureThroughput(
      { db, client, taskQueue: 'scale', address: system.temporal.address, namespace: system.temporal.namespace },
      Number(process.env.SCALE_THROUGHPUT_COUNT ?? 1000),
      100,
    );
    rows.push(
      ...throughput.map((r) => ({ ...r, name: `cluster: ${r.name.replace(' (target ≥ 0.5)', ' (target ≥ 0.6)')}` })),
    );
    // Sizes from here on are the mentorships' (and their programs'): the throughput workflows are subtracted.
    const sizeSql = `SELECT datname, pg_database_size(datname)::text AS bytes FROM pg_database WHERE datname IN ('mentorflow', 'temporal', 'temporal_visibility') ORDER BY datname`;
    const sizeRows = (): Promise<Array<{ datname: string; bytes: string }>> => db.query(sizeSql);
    const baseline = new Map((await sizeRows()).map((r) => [r.datname, Number(r.bytes)]));

    // 2. The company and its programs, over HTTP through both replicas.
    const http = new Http(system.apis.map((a) => a.url!));
    const admin = (
      await issueToken(db, {
        personId: 'admin',
        displayName: 'Admin',
        email: null,
        roles: ['hr-admin', 'owner'],
        label: 'bench',
      })
    ).token;
    const perProgram = 500;
    const programs = Math.ceil(options.mentorships / perProgram);
    const tokens = new Map<string, string>();
    const tokenOf = async (personId: string, role: 'owner' | 'sponsor' | 'supervisor' | 'mentor' | 'mentee') => {
      const key = `${personId}/${role}`;
      if (!tokens.has(key))
        tokens.set(
          key,
          (await issueToken(db, { personId, displayName: personId, email: null, roles: [role], label: 'bench' })).token,
        );
      return tokens.get(key)!;
    };
    const pairs: Pair[] = [];
    const seedStarted = performance.now();
    log(`directory: ${programs} programs × (${perProgram} mentees, ${perProgram / 2} mentors, 5 supervisors)`);
    const csv = companyCsv(programs, perProgram);
    await http.call('POST', '/people/import', admin, csv);
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
    await pool(programs, Math.min(programs, 8), async (p) => {
      pairs.push(...(await seedProgram(http, tokenOf, p, perProgram, log)));
    });
    const planned = pairs.length;
    const streamIds = pairs.map((m) => `mentorship:${m.id}`);
    log(
      `${planned} mentorships planned in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s; waiting for them to start`,
    );
    await waitFor(async () => {
      const r: Array<{ n: number }> = await db.query(
        `SELECT count(*)::int AS n FROM domain_events WHERE type = 'MentorshipCreated' AND stream_id = ANY($1)`,
        [streamIds],
      );
      return r[0].n >= planned;
    }, 30 * 60_000);
    const started: Array<{ first: Date; last: Date }> = await db.query(
      `SELECT min(recorded_at) AS first, max(recorded_at) AS last FROM domain_events WHERE type = 'MentorshipCreated' AND stream_id = ANY($1)`,
      [streamIds],
    );
    const startSeconds = (started[0].last.getTime() - started[0].first.getTime()) / 1000;
    rows.push({
      name: `mentorships planned through ${programs} programs and started (child workflows)`,
      value: planned,
      unit: '',
    });
    rows.push({
      name: 'start rate: mentorships started per second (first to last MentorshipCreated)',
      value: planned / startSeconds,
      unit: '/s',
    });
    log('approvals and kickoffs over HTTP: every mentorship to ACTIVE');
    const activeStarted = performance.now();
    await pool(pairs.length, 48, async (i) => {
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
    const activeSeconds = (performance.now() - activeStarted) / 1000;
    rows.push({
      name: 'taken to ACTIVE over HTTP (approval + two kickoffs each), 48 clients',
      value: pairs.length / activeSeconds,
      unit: 'mentorships/s',
    });

    // 3. The hold: mentors log a session every 10 minutes each, supervisors decide each checkpoint
    // within 3 minutes of its opening; first with two workers, then with one.
    const phases: Array<{ name: string; from: number; to: number }> = [];
    const sessionLog = new Map<string, number>();
    let loggedOk = 0;
    let decidedOk = 0;
    const logSession = async (m: Pair, label: string) => {
      const heldAt = new Date(Date.now() - 1000).toISOString();
      await http.call(
        'POST',
        `/mentorships/${m.id}/sessions`,
        await tokenOf(m.mentorId, 'mentor'),
        {
          heldAt,
          minutes: 60,
          topics: ['delegation'],
          competencies: ['delegation'],
        },
        label,
      );
      sessionLog.set(m.id, Date.parse(heldAt));
      loggedOk++;
    };
    const decided = new Map<string, number>();
    const decide = async (m: Pair, checkpoint: number, label: string) => {
      await http
        .call(
          'POST',
          `/mentorships/${m.id}/checkpoints/${checkpoint}/decision`,
          await tokenOf(m.supervisorId, 'supervisor'),
          { decision: 'approve' },
          label,
        )
        .then(() => {
          decidedOk++;
          decided.set(m.id, checkpoint);
        })
        .catch((e: { status?: number }) => {
          if (e.status !== 409) throw e; // not open yet (its timer is late): tried again next round
        });
    };
    const lateness = async (from: number, to: number) => {
      const r: Array<{ ms: number }> = await db.query(
        `SELECT extract(epoch FROM recorded_at - ((CASE WHEN payload->>'subject' = 'session' THEN (payload->>'occurrence')::timestamptz END) - make_interval(secs => $3 / 1000.0))) * 1000 AS ms
           FROM domain_events
          WHERE type = 'ReminderSent' AND payload->>'subject' = 'session'
            AND (CASE WHEN payload->>'subject' = 'session' THEN (payload->>'occurrence')::timestamptz END) - make_interval(secs => $3 / 1000.0) BETWEEN $1 AND $2`,
        [new Date(from), new Date(to), SCALE_POLICY.reminderLeadMs],
      );
      return r.map((x) => Number(x.ms));
    };
    const phaseRows = async (phase: { name: string; from: number; to: number }) => {
      const late = await lateness(phase.from, phase.to);
      const updates = http.latencies.get(phase.name) ?? [];
      const seconds = (phase.to - phase.from) / 1000;
      rows.push({
        name: `${phase.name}: session reminders due (wakes)`,
        value: late.length,
        unit: `(${(late.length / seconds).toFixed(1)}/s)`,
      });
      rows.push({
        name: `${phase.name}: timer lateness p50 (due → event stored)`,
        value: quantile(late, 0.5) / 1000,
        unit: 's',
      });
      rows.push({ name: `${phase.name}: timer lateness p99`, value: quantile(late, 0.99) / 1000, unit: 's' });
      rows.push({
        name: `${phase.name}: Update latency p95 (log a session over HTTP, ${updates.length} calls)`,
        value: quantile(updates, 0.95),
        unit: 'ms',
      });
      const checkpoints = http.latencies.get(`${phase.name} checkpoint`) ?? [];
      rows.push({
        name: `${phase.name}: Update latency p95 (decide a checkpoint, ${checkpoints.length} calls)`,
        value: quantile(checkpoints, 0.95),
        unit: 'ms',
      });
      rows.push({
        name: `${phase.name}: Updates unanswered (5xx, reset or no answer within 30 s)`,
        value: (http.unanswered.get(phase.name) ?? 0) + (http.unanswered.get(`${phase.name} checkpoint`) ?? 0),
        unit: '',
      });
    };
    const holdStart = Date.now();
    const half = options.holdMs / 2;
    const steady = async (until: number, label: string) => {
      // Each mentorship once per SESSION_EVERY, in a fixed order spread evenly over the period.
      const perMs = pairs.length / SESSION_EVERY;
      const t0 = Date.now();
      let next = 0;
      const inflight = new Set<Promise<void>>();
      while (Date.now() < until) {
        const due = Math.floor((Date.now() - t0) * perMs);
        while (next < due) {
          const m = pairs[next++ % pairs.length];
          const job = logSession(m, label).catch(() => undefined);
          inflight.add(job);
          void job.finally(() => inflight.delete(job));
          const n = Math.floor((Date.now() - m.activeAt) / SCALE_POLICY.checkpointEveryMs);
          if (n >= 1 && (decided.get(m.id) ?? 0) < n) {
            const d = decide(m, n, `${label} checkpoint`).catch(() => undefined);
            inflight.add(d);
            void d.finally(() => inflight.delete(d));
          }
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      // Calls still out get 30 s more (their own time-out); the next phase does not wait on them longer.
      await Promise.race([Promise.all(inflight), new Promise((r) => setTimeout(r, 30_000))]);
    };
    log(`hold: ${options.holdMs / MINUTE} min, two workers for the first half`);
    await steady(holdStart + half, 'two workers');
    phases.push({ name: 'two workers', from: holdStart, to: Date.now() });
    await system.workers[1].kill('SIGTERM');
    const oneStart = Date.now();
    log('hold: one worker');
    await steady(oneStart + half, 'one worker');
    phases.push({ name: 'one worker', from: oneStart, to: Date.now() });
    log('second worker back; ramp of session rates (their reminders fire 8 minutes later)');
    await system.workers[1].start();
    await phaseRows(phases[0]);

    // 4. Ramp: a step of sessions at each rate; 8 minutes later their reminders come due at that rate.
    const ramp: Array<{ rate: number; from: number; to: number }> = [];
    let cursor = 0;
    for (const rate of options.ramp) {
      const from = Date.now();
      const count = Math.min(rate * options.rampStepSeconds, pairs.length - cursor);
      const jobs: Array<Promise<void>> = [];
      for (let k = 0; k < count; k++) {
        const at = from + (k * 1000) / rate;
        while (Date.now() < at) await new Promise((r) => setTimeout(r, 5));
        jobs.push(logSession(pairs[cursor++ % pairs.length], `ramp ${rate}/s`).catch(() => undefined));
      }
      await Promise.race([Promise.all(jobs), new Promise((r) => setTimeout(r, 30_000))]);
      ramp.push({ rate, from: from + REMIND_AFTER, to: Date.now() + REMIND_AFTER });
    }
    await phaseRows(phases[1]);
    log('waiting for the ramp reminders');
    await new Promise((r) => setTimeout(r, Math.max(0, ramp.at(-1)!.to - Date.now()) + 30_000));

    // 5. Verdict: lateness of session reminders (due → stored), lost facts, sizes.
    let sustained = 0;
    for (const step of ramp) {
      const late = await lateness(step.from, step.to);
      const p99 = quantile(late, 0.99) / 1000;
      const rate = late.length / ((step.to - step.from) / 1000);
      notes.push(
        `ramp step ${step.rate} sessions/s: ${late.length} reminders due at ${rate.toFixed(1)}/s, lateness p50 ${(quantile(late, 0.5) / 1000).toFixed(2)} s, p99 ${p99.toFixed(2)} s`,
      );
      if (p99 <= 5) sustained = Math.max(sustained, rate);
    }
    rows.push({
      name: `highest wake rate held for a ramp step (${options.rampStepSeconds} s) with lateness p99 ≤ 5 s`,
      value: sustained,
      unit: 'wakes/s',
    });

    // Lost facts: every session answered 200 is stored once; every workflow's version is its stream's length.
    const stored: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM domain_events WHERE type = 'SessionLogged'`,
    );
    const decisions: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM domain_events WHERE type = 'CheckpointDecided'`,
    );
    rows.push({
      name: 'sessions answered 200 − SessionLogged stored (lost or doubled)',
      value: loggedOk - stored[0].n,
      unit: '',
    });
    rows.push({
      name: 'checkpoint decisions answered 200 − CheckpointDecided stored',
      value: decidedOk - decisions[0].n,
      unit: '',
    });
    const streams: Array<{ stream_id: string; v: number; n: number }> = await db.query(
      `SELECT stream_id, max(stream_version)::int AS v, count(*)::int AS n FROM domain_events WHERE stream_id LIKE 'mentorship:%' GROUP BY stream_id`,
    );
    const versions = new Map(streams.map((r) => [r.stream_id, r.v === r.n ? r.v : -1]));
    let mismatched = 0;
    let unanswered = 0;
    let reminderMissing = 0;
    await pool(pairs.length, 32, async (i) => {
      const m = pairs[i];
      const state = await Promise.race([
        client.workflow.getHandle(mentorshipWorkflowId(m.id)).query(mentorshipStateQuery),
        new Promise<null>((r) => setTimeout(() => r(null), 15_000)),
      ]).catch(() => null);
      if (!state) {
        unanswered++;
        return;
      }
      if (versions.get(`mentorship:${m.id}`) !== state.version) mismatched++;
      // The reminder of the current cadence is stored once its time (plus a margin) has passed.
      const remindAt = Date.parse(state.cadenceFrom!) + REMIND_AFTER;
      if (remindAt < Date.now() - 30_000) {
        const r: Array<{ n: number }> = await db.query(
          `SELECT count(*)::int AS n FROM domain_events WHERE stream_id = $1 AND type = 'ReminderSent' AND payload->>'occurrence' = $2`,
          [`mentorship:${m.id}`, new Date(Date.parse(state.cadenceFrom!) + SCALE_POLICY.sessionEveryMs).toISOString()],
        );
        if (r[0].n !== 1) reminderMissing++;
      }
    });
    rows.push({ name: 'workflows not answering a query within 15 s', value: unanswered, unit: '' });
    // An append that can never commit (retried by the worker forever) leaves its workflow wedged.
    const wedged = new Set<string>();
    for (const file of readdirSync(join(dir, 'cluster', 'logs')).filter((f) => f.startsWith('worker-')))
      for (const line of readFileSync(join(dir, 'cluster', 'logs', file), 'utf8').split('\n'))
        if (line.includes('Activity failed') && line.includes('duplicate key value'))
          wedged.add(/"workflowId":"([^"]+)"/.exec(line)?.[1] ?? line);
    rows.push({
      name: 'workflows whose event append failed on a duplicate key (wedged)',
      value: wedged.size,
      unit: '',
    });
    rows.push({ name: 'workflows whose version ≠ stored events (lost or doubled facts)', value: mismatched, unit: '' });
    rows.push({ name: 'reminders due but not stored exactly once', value: reminderMissing, unit: '' });
    const outbox: Array<{ status: string; n: number }> = await db.query(
      `SELECT status, count(*)::int AS n FROM outbox_emails GROUP BY status`,
    );
    notes.push(
      `outbox at the end: ${outbox.map((o) => `${o.n} ${o.status}`).join(', ')}; HTTP retries after a 5xx or a reset: ${http.failures}`,
    );

    await db.query('CHECKPOINT');
    const sizes = await sizeRows();
    for (const s of sizes)
      rows.push({
        name: `Postgres bytes per mentorship, database ${s.datname} (growth ÷ mentorships; ${(Number(s.bytes) / 2 ** 20).toFixed(0)} MiB in all)`,
        value: Math.round((Number(s.bytes) - (baseline.get(s.datname) ?? 0)) / pairs.length),
        unit: 'B',
      });
    rss.stop();
    for (const [name, bytes] of rss.max)
      rows.push({ name: `max RSS ${name}`, value: Math.round(bytes / 2 ** 20), unit: 'MiB' });
  } finally {
    rss.stop();
    await connection.close();
    await db.destroy();
    await system.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, notes };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(`not reached within ${timeoutMs / 1000} s`);
}

const pid = (p: number, role: string, i: number) => `P${p}-${role}${i}`;

/** Per program: 5 supervisors (directors), mentors in one department, mentees in another. */
function companyCsv(programs: number, perProgram: number): string {
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
async function seedProgram(
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
