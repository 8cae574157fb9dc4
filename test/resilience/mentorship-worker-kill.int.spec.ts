import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { freePort, projectRoot } from '../../libs/platform/src/index.js';
import { connectClient, createTestDatabase, eventually, testServices, uniqueTaskQueue } from '../support/services.js';
import { fastPolicy, seedCast, startMentorship } from '../support/mentorships.js';
import { startSmtpSink } from '../support/smtp-sink.js';

/**
 * The worker (with its outbox dispatcher) as a real process, SIGKILLed while 100 mentorships have
 * follow-up timers, activities and emails in flight; a new process takes over. Every mentorship ends
 * with exactly its expected events, and every expected email arrives.
 */
const MENTORSHIPS = Number(process.env.KILL_TEST_MENTORSHIPS ?? 100);
let db: DataSource;
let url = '';
let client: Client;
let closeClient: () => Promise<void>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const taskQueue = uniqueTaskQueue('mkill');
const workers: ChildProcess[] = [];
const stderr: string[] = [];

async function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(projectRoot(), 'dist/apps/worker/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: testServices().temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKER_METRICS_PORT: String(await freePort()),
      SDK_METRICS_PORT: String(await freePort()),
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '100',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  workers.push(child);
  return child;
}

beforeAll(async () => {
  ({ db, url } = await createTestDatabase('mentorship_kill'));
  ({ client, close: closeClient } = await connectClient());
  sink = await startSmtpSink();
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await closeClient?.();
  await sink?.close();
  await db?.destroy();
});

describe('worker killed mid-mentorship', () => {
  it('loses and doubles no event and loses no email across a SIGKILL and a new worker process', async () => {
    const first = await startWorkerProcess();
    const policy = fastPolicy({ responseMs: 1_500 });
    const casts = await Promise.all(Array.from({ length: MENTORSHIPS }, () => seedCast(db, ['en'])));
    await Promise.all(casts.map((c) => startMentorship(client, taskQueue, c.pair, policy)));
    // Kill while the supervisors' reminder timers fire, their activities run and mail goes out.
    await new Promise((r) => setTimeout(r, 1_600));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    await startWorkerProcess();

    await eventually(async () => {
      const rows: Array<{ n: string }> = await db.query(
        `SELECT count(*) AS n FROM outbox_emails WHERE status = 'sent'`,
      );
      return Number(rows[0].n) === 3 * MENTORSHIPS;
    }, 120_000).catch(async (e: unknown) => {
      const status = await db.query(
        `SELECT status, count(*) AS n, max(last_error) AS error FROM outbox_emails GROUP BY status`,
      );
      const events = await db.query(`SELECT type, count(*) AS n FROM domain_events GROUP BY type`);
      throw new Error(
        `${String(e)}\noutbox: ${JSON.stringify(status)}\nevents: ${JSON.stringify(events)}\nworker stderr: ${stderr.join('').slice(-3000)}`,
      );
    });
    await new Promise((r) => setTimeout(r, 2_000));

    const expected = ['MentorshipCreated', 'MentorshipPhaseChanged', 'ReminderSent', 'Escalated'];
    const streams: Array<{ stream_id: string; types: string[] }> = await db.query(
      `SELECT stream_id, array_agg(type ORDER BY stream_version) AS types FROM domain_events GROUP BY stream_id`,
    );
    expect(streams).toHaveLength(MENTORSHIPS);
    for (const s of streams) expect([s.stream_id, s.types]).toEqual([s.stream_id, expected]);

    // Each mentorship: approval request and reminder to the supervisor, escalation to the owner.
    const keys = new Map<string, string[]>();
    for (const mail of sink.received) keys.set(mail.key, [...(keys.get(mail.key) ?? []), mail.messageId]);
    expect(keys.size).toBe(3 * MENTORSHIPS);
    for (const c of casts) {
      const to = (id: string) =>
        sink.received.filter((m) => m.to === c.email(id)).map((m) => m.subject.split(':')[0].split(' ')[0]);
      expect(new Set(to(c.pair.supervisorId))).toEqual(new Set(['Please', 'Reminder']));
      expect(new Set(to(c.pair.ownerId))).toEqual(new Set(['Needs']));
    }
    // A message the SMTP server accepted just before the kill, before its row was marked sent, is
    // sent again with the same Message-ID (receivers drop it); at most the one in flight.
    const resent = [...keys.values()].filter((ids) => ids.length > 1);
    expect(resent.length).toBeLessThanOrEqual(1);
    for (const ids of resent) expect(new Set(ids).size).toBe(1);
  }, 240_000);
});
