import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { issueToken } from '../libs/persistence/src/index.js';
import { freePort, projectRoot } from '../libs/platform/src/index.js';
import { withBenchStack, type BenchStack } from './bench-stack.js';
import type { BenchRow } from './report.js';
import { castOf, idlePolicy, mentorshipToActive, pool, seedPeople } from './throughput.bench.js';

/** The API as in production: its own process (`npm run start:api`), JSON logs, real auth. */
export async function startApiProcess(
  stack: BenchStack,
  nodeArgs: string[] = [],
): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, join(projectRoot(), 'dist/apps/api/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.address,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, process: child };
    } catch {
      // not listening yet
    }
    if (i > 300 || child.exitCode !== null) throw new Error('the API process did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

interface Cannon {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

/** autocannon in its own process, so that the load generator does not share the API's event loop. */
export function autocannon(url: string, token: string | null, connections: number, seconds: number): Promise<Cannon> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [
    bin,
    '-j',
    '-c',
    String(connections),
    '-d',
    String(seconds),
    ...(token ? ['-H', `Authorization=Bearer ${token}`] : []),
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Cannon) : reject(new Error(`autocannon exited with ${code}`)),
    );
  });
}

/**
 * Action latency: one mentorship alone, then `mentorships` ACTIVE mentorships at each pace of
 * `paces` ([mean pause between rounds in ms, rounds]): each round the mentor logs a session and
 * the supervisor decides a checkpoint over HTTP; the time from the decision request to the
 * decision readable with GET is recorded. Every party runs on this one machine (Temporal server,
 * Postgres, API, worker and the clients), so the paces show where queueing starts.
 * API load: autocannon at `connections` on two authenticated reads and the health endpoint.
 */
export async function benchApi(
  mentorships = 100,
  paces: Array<[number, number]> = [
    [20_000, 4],
    [8_000, 6],
  ],
  connections = 50,
  seconds = 10,
): Promise<BenchRow[]> {
  return withBenchStack('api', async (stack) => {
    const casts = Array.from({ length: mentorships + 1 }, (_, i) => castOf(i, 'api'));
    await seedPeople(stack, casts);
    const tokens = new Map<string, string>();
    for (const c of casts) {
      for (const [id, role] of [
        [c.pair.supervisorId, 'supervisor'],
        [c.pair.mentorId, 'mentor'],
        [c.pair.ownerId, 'owner'],
      ] as const) {
        tokens.set(
          id,
          (await issueToken(stack.db, { personId: id, displayName: id, email: null, roles: [role], label: 'bench' }))
            .token,
        );
      }
    }
    const api = await startApiProcess(stack);
    try {
      const call = async (method: string, path: string, who: string, body?: object) => {
        const res = await fetch(api.url + path, {
          method,
          headers: { Authorization: `Bearer ${tokens.get(who)}`, 'Content-Type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
        return (await res.json()) as Record<string, unknown>;
      };
      // A checkpoint opens a second after the previous one is decided: one is always waiting, and
      // the people's own pace sets the load.
      const policy = { ...idlePolicy, checkpointEveryMs: 1_000, checkpointDecisionMs: 600_000 };
      const [alone, ...crowd] = casts;
      await pool(casts.length, 20, async (i) => {
        await mentorshipToActive(stack, casts[i], policy);
      });

      // Each round, as people would: a pause (uniform around `paceMs`), the mentor logs a session,
      // the supervisor opens the briefing, decides the open checkpoint and reads the mentorship again.
      const act = async (group: typeof casts, roundsEach: number, paceMs: number) => {
        const total: number[] = [];
        const postOnly: number[] = [];
        const t0 = performance.now();
        let updates = 0;
        await Promise.all(
          group.map(async (c) => {
            const id = c.pair.mentorshipId;
            for (let round = 1; round <= roundsEach; round++) {
              await new Promise((r) => setTimeout(r, paceMs * (0.5 + Math.random())));
              const session = {
                heldAt: new Date().toISOString(),
                minutes: 60,
                topics: ['delegation'],
                competencies: ['delegation'],
              };
              await call('POST', `/mentorships/${id}/sessions`, c.pair.mentorId, session);
              let open: number | null = null;
              while (open === null) {
                open = (await call('GET', `/mentorships/${id}/checkpoints`, c.pair.supervisorId)).open as number | null;
                if (open === null) await new Promise((r) => setTimeout(r, 500));
              }
              const start = performance.now();
              await call('POST', `/mentorships/${id}/checkpoints/${open}/decision`, c.pair.supervisorId, {
                decision: 'approve',
              });
              postOnly.push(performance.now() - start);
              for (;;) {
                const seen = (await call('GET', `/mentorships/${id}`, c.pair.supervisorId)).checkpoints as Array<{
                  checkpoint: number;
                  decision: string | null;
                }>;
                if (seen.find((k) => k.checkpoint === open)?.decision) break;
              }
              total.push(performance.now() - start);
              // Two Updates and the next checkpoint's opening (a timer and an append) per round.
              updates += 3;
            }
          }),
        );
        const perSecond = updates / ((performance.now() - t0) / 1000);
        return { total: total.sort((x, y) => x - y), postOnly: postOnly.sort((x, y) => x - y), perSecond };
      };
      const single = await act([alone], 10, 200);
      const levels = [];
      for (const [paceMs, rounds] of paces) levels.push({ paceMs, ...(await act(crowd, rounds, paceMs)) });

      const first = casts[0];
      const program = await call('POST', '/programs', first.pair.ownerId, {
        name: 'Bench program',
        sponsorId: first.pair.supervisorId,
        objectives: [{ title: 'Grow managers', kpis: [{ name: 'Engagement', unit: 'pts', baseline: 60, target: 70 }] }],
      });
      const health = await autocannon(`${api.url}/health`, null, connections, seconds);
      const mentorship = await autocannon(
        `${api.url}/mentorships/${first.pair.mentorshipId}`,
        tokens.get(first.pair.supervisorId)!,
        connections,
        seconds,
      );
      const programRead = await autocannon(
        `${api.url}/programs/${String(program.id)}`,
        tokens.get(first.pair.ownerId)!,
        connections,
        seconds,
      );
      const rows: BenchRow[] = [
        {
          name: `one mentorship acting alone: checkpoint decision → readable with GET, p50 / p95 (${single.total.length} decisions)`,
          value: percentile(single.total, 50),
          unit: `/ ${percentile(single.total, 95).toFixed(0)} ms`,
        },
      ];
      for (const l of levels) {
        const who = `${crowd.length} mentorships acting every ~${l.paceMs / 1000} s (${l.perSecond.toFixed(0)} workflow changes/s)`;
        rows.push({
          name: `${who}: decision → readable with GET, p50 / p99 (${l.total.length} decisions)`,
          value: percentile(l.total, 50),
          unit: `/ ${percentile(l.total, 99).toFixed(0)} ms`,
        });
        rows.push({
          name: `${who}: decision → readable with GET, p95 (target ≤ 250 ms)`,
          value: percentile(l.total, 95),
          unit: 'ms',
        });
      }
      for (const [name, r] of [
        ['GET /health', health],
        ['GET /mentorships/:id (state snapshot in Postgres)', mentorship],
        ['GET /programs/:id (read model)', programRead],
      ] as const) {
        if (r.non2xx > 0 || r.errors > 0)
          throw new Error(`${name}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
        rows.push({
          name: `${name}: requests/s at ${connections} connections (${seconds} s)`,
          value: r.requests.average,
          unit: 'req/s',
        });
        rows.push({
          name: `${name}: p50 / p99 latency (target p99 ≤ 50 ms)`,
          value: r.latency.p50,
          unit: `/ ${r.latency.p99} ms`,
        });
      }
      rows.push({
        name: 'GET /mentorships/:id requests/s ÷ health requests/s',
        value: mentorship.requests.average / health.requests.average,
        unit: '',
      });
      rows.push({
        name: 'GET /programs/:id requests/s ÷ health requests/s',
        value: programRead.requests.average / health.requests.average,
        unit: '',
      });
      return rows;
    } finally {
      if (api.process.exitCode === null) {
        const exited = new Promise((r) => api.process.once('exit', r));
        api.process.kill('SIGTERM');
        await exited;
      }
    }
  });
}
