import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../libs/persistence/src/index.js';
import { freePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../libs/platform/src/index.js';
import { connectClient, eventually, startWorker, uniqueTaskQueue, type RunningWorker } from '../support/services.js';
import { aDraft, startProgram } from '../support/programs.js';

/**
 * Postgres stops while reminder activities are due and comes back: the activities fail, retry and
 * succeed, and no event is lost or written twice.
 */
const PROGRAMS = 20;
let pg: EmbeddedPostgresHandle;
let db: DataSource;
let client: Client;
let closeClient: () => Promise<void>;
let worker: RunningWorker;
const taskQueue = uniqueTaskQueue('pg-restart');
const dir = mkdtempSync(join(tmpdir(), 'mentorflow-pg-restart-'));
let port = 0;

beforeAll(async () => {
  port = await freePort();
  pg = await startEmbeddedPostgres({ dir, port });
  db = await openDatabase(await pg.createDatabase('restart'), { logErrors: false, poolSize: 5 });
  ({ client, close: closeClient } = await connectClient());
  worker = await startWorker(db, taskQueue);
});
afterAll(async () => {
  await worker?.stop();
  await closeClient?.();
  await db?.destroy();
  await pg?.stop();
});

describe('Postgres restarted while activities run', () => {
  it('retries the activities and writes every event exactly once', async () => {
    const timings = { launchApprovalReminderAfterMs: 1000, launchApprovalMaxReminders: 2 };
    await Promise.all(Array.from({ length: PROGRAMS }, () => startProgram(client, taskQueue, aDraft(), timings)));
    await pg.stop();
    // Down across the first reminders (due after 1 s).
    await new Promise((r) => setTimeout(r, 3000));
    pg = await startEmbeddedPostgres({ dir, port });

    await eventually(async () => {
      const rows: Array<{ n: string }> = await db.query(
        `SELECT count(*) AS n FROM domain_events WHERE type = 'LaunchApprovalEscalated'`,
      );
      return Number(rows[0].n) === PROGRAMS;
    }, 90_000);
    await new Promise((r) => setTimeout(r, 1500));
    const rows: Array<{ types: string[]; versions: number[] }> = await db.query(
      `SELECT array_agg(type ORDER BY stream_version) AS types, array_agg(stream_version ORDER BY stream_version) AS versions FROM domain_events GROUP BY stream_id`,
    );
    expect(rows).toHaveLength(PROGRAMS);
    for (const row of rows) {
      expect(row.types).toEqual([
        'ProgramCreated',
        'ProgramPhaseChanged',
        'LaunchApprovalReminderDue',
        'LaunchApprovalReminderDue',
        'LaunchApprovalEscalated',
      ]);
      expect(row.versions).toEqual([1, 2, 3, 4, 5]);
    }
  }, 180_000);
});
