import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { freePort, projectRoot } from '../../libs/platform/src/index.js';
import { connectClient, createTestDatabase, eventually, testServices, uniqueTaskQueue } from '../support/services.js';
import { aDraft, startProgram } from '../support/programs.js';

/**
 * The worker as a real process, killed with SIGKILL while 100 programs have timers and activities
 * in flight; a new process takes over. Every program must end with exactly its expected events:
 * nothing lost, nothing written twice.
 */
const PROGRAMS = 100;
let db: DataSource;
let url = '';
let client: Client;
let closeClient: () => Promise<void>;
const taskQueue = uniqueTaskQueue('kill');
const workers: ChildProcess[] = [];

let metricsPort = 0;
async function startWorkerProcess(): Promise<ChildProcess> {
  metricsPort = await freePort();
  const child = spawn(process.execPath, [join(projectRoot(), 'dist/apps/worker/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: testServices().temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKER_METRICS_PORT: String(metricsPort),
      SDK_METRICS_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  workers.push(child);
  return child;
}

beforeAll(async () => {
  ({ db, url } = await createTestDatabase('worker_kill'));
  ({ client, close: closeClient } = await connectClient());
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await closeClient?.();
  await db?.destroy();
});

describe('worker killed mid-flight', () => {
  it('loses and doubles nothing across a SIGKILL and a new worker process', async () => {
    const first = await startWorkerProcess();
    const timings = { launchApprovalReminderAfterMs: 1500, launchApprovalMaxReminders: 2 };
    const drafts = await Promise.all(
      Array.from({ length: PROGRAMS }, () => startProgram(client, taskQueue, aDraft(), timings).then((p) => p.draft)),
    );
    // Kill while the first reminder timers fire and their activities run.
    await new Promise((r) => setTimeout(r, 1600));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    await startWorkerProcess();

    const expected = [
      'ProgramCreated',
      'ProgramPhaseChanged',
      'LaunchApprovalReminderDue',
      'LaunchApprovalReminderDue',
      'LaunchApprovalEscalated',
    ];
    await eventually(async () => {
      const rows: Array<{ n: string }> = await db.query(
        `SELECT count(*) AS n FROM domain_events WHERE type = 'LaunchApprovalEscalated'`,
      );
      return Number(rows[0].n) === PROGRAMS;
    }, 90_000);
    // Give a late duplicate, if any, the time to appear.
    await new Promise((r) => setTimeout(r, 2000));
    const rows: Array<{ stream_id: string; types: string[]; versions: number[] }> = await db.query(
      `SELECT stream_id, array_agg(type ORDER BY stream_version) AS types, array_agg(stream_version ORDER BY stream_version) AS versions
         FROM domain_events GROUP BY stream_id`,
    );
    expect(rows).toHaveLength(PROGRAMS);
    for (const row of rows) {
      expect([row.stream_id, row.types]).toEqual([row.stream_id, expected]);
      expect(row.versions).toEqual([1, 2, 3, 4, 5]);
    }
    expect(new Set(rows.map((r) => r.stream_id))).toEqual(new Set(drafts.map((d) => `program:${d.programId}`)));
    const read: Array<{ n: string }> = await db.query(`SELECT count(*) AS n FROM programs WHERE version = 5`);
    expect(Number(read[0].n)).toBe(PROGRAMS);
  }, 180_000);
});
