import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { agreeKickoffUpdate, approveMentorshipUpdate } from '../../libs/contracts/src/index.js';
import { freePort, projectRoot } from '../../libs/platform/src/index.js';
import { tokenFor } from '../support/api.js';
import { facts, fastPolicy, goals, seedCast, startMentorship } from '../support/mentorships.js';
import {
  connectClient,
  createTestDatabase,
  eventually,
  startWorker,
  testServices,
  uniqueTaskQueue,
  type RunningWorker,
} from '../support/services.js';

/**
 * The API as a real process, SIGKILLed while a request with an Idempotency-Key waits on its
 * workflow. The client retries on a new API process with the same key: the action is applied once.
 */
let db: DataSource;
let url = '';
let client: Client;
let closeClient: () => Promise<void>;
let worker: RunningWorker | undefined;
const taskQueue = uniqueTaskQueue('apikill');
const apis: ChildProcess[] = [];

async function startApiProcess(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(projectRoot(), 'dist/apps/api/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: testServices().temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      PORT: String(port),
      IDEMPOTENCY_STALE_AFTER_SECONDS: '2',
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  apis.push(child);
  const base = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`${base}/health`).catch(() => null))?.ok, 30_000);
  return base;
}

beforeAll(async () => {
  ({ db, url } = await createTestDatabase('api_kill'));
  ({ client, close: closeClient } = await connectClient());
});
afterAll(async () => {
  for (const a of apis) if (a.exitCode === null) a.kill('SIGKILL');
  await worker?.stop();
  await closeClient?.();
  await db?.destroy();
});

describe('API killed mid-request', () => {
  it('applies the action once when the client retries with the same Idempotency-Key on a new process', async () => {
    worker = await startWorker(db, taskQueue);
    const cast = await seedCast(db);
    const handle = await startMentorship(client, taskQueue, cast.pair, fastPolicy());
    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
    });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
    });
    const token = await tokenFor(db, cast.pair.mentorId, ['mentor']);
    const session = {
      heldAt: new Date().toISOString(),
      minutes: 60,
      topics: ['weekly report'],
      competencies: ['delegation'],
    };
    const send = (base: string) =>
      fetch(`${base}/mentorships/${cast.pair.mentorshipId}/sessions`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': 'log-session-1',
        },
        body: JSON.stringify(session),
        signal: AbortSignal.timeout(5_000),
      });

    // No worker: the request claims its key, sends its Update and waits.
    await worker.stop();
    worker = undefined;
    const first = await startApiProcess();
    const pending = send(first).catch(() => null);
    await eventually(
      async () => (await db.query(`SELECT 1 FROM idempotency_keys WHERE key = 'log-session-1'`)).length === 1,
    );
    await new Promise((r) => setTimeout(r, 500));
    apis[0].kill('SIGKILL');
    expect(await pending).toBeNull();

    worker = await startWorker(db, taskQueue);
    const second = await startApiProcess();
    // Until the dead request's claim is stale the retry is told to wait; then it runs with the same Update id.
    const answer = await eventually(async () => {
      const res = await send(second).catch(() => null);
      if (!res) return null;
      return res.status === 200 ? ((await res.json()) as { sessions: number }) : null;
    }, 30_000).catch(async (e: unknown) => {
      const history = await handle.fetchHistory();
      const updates = (history.events ?? []).map((ev) =>
        JSON.stringify({
          id: ev.eventId?.toString(),
          t: ev.eventType,
          acc: ev.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId,
          act: ev.activityTaskScheduledEventAttributes?.activityId,
          fail: ev.workflowTaskFailedEventAttributes?.failure?.message,
          at: ev.eventTime?.seconds?.toString(),
        }),
      );
      const evs = await db.query(
        `SELECT stream_version, type, idempotency_key FROM domain_events WHERE stream_id = $1 ORDER BY stream_version`,
        [`mentorship:${cast.pair.mentorshipId}`],
      );
      const rows = await db.query(`SELECT session_id, logged_at FROM mentorship_sessions`);
      throw new Error(`${String(e)}\n${updates.join('\n')}\n${JSON.stringify(evs)}\n${JSON.stringify(rows)}`);
    });
    expect(answer.sessions).toBe(1);
    const repeat = await send(second);
    expect(repeat.status).toBe(200);
    expect(((await repeat.json()) as { sessions: number }).sessions).toBe(1);
    const logged = await db.query(
      `SELECT count(*)::int AS n FROM domain_events WHERE stream_id = $1 AND type = 'SessionLogged'`,
      [`mentorship:${cast.pair.mentorshipId}`],
    );
    expect(logged[0].n).toBe(1);
    expect(
      (
        await db.query(`SELECT count(*)::int AS n FROM mentorship_sessions WHERE mentorship_id = $1`, [
          cast.pair.mentorshipId,
        ])
      )[0].n,
    ).toBe(1);
  }, 120_000);
});
