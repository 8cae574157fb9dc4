import { expect } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { mentorshipStateQuery, mentorshipWorkflowId } from '../../../libs/contracts/src/index.js';
import { openDatabase } from '../../../libs/persistence/src/index.js';
import {
  clusterDatabaseFromUrl,
  freePort,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '../../../libs/platform/src/index.js';
import { startClusterSystem, type ClusterSystem } from '../../../apps/launcher/src/cluster-system.js';
import { tokenFor } from '../../support/api.js';
import { fastPolicy, seedCast, startMentorship, type Cast } from '../../support/mentorships.js';
import { eventually } from '../../support/services.js';
import { startSmtpSink, type ReceivedMail } from '../../support/smtp-sink.js';

/**
 * A whole cluster of its own for one fault drill: an embedded Postgres (the drill may restart it),
 * the Temporal server as four processes, two worker and two API processes of the production build,
 * and a real SMTP sink. Same start-up code as `npm run cluster`.
 */
export interface Drill {
  system: ClusterSystem;
  db: DataSource;
  client: Client;
  mails: ReceivedMail[];
  restartPostgres(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

const TASK_QUEUE = 'drill';

/** Registers the hooks that give a drill file its cluster; the returned holder is filled by the time tests run. */
export function useDrill(
  name: string,
  hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void },
  appEnv: NodeJS.ProcessEnv = {},
): { drill: Drill } {
  const holder = {} as { drill: Drill };
  hooks.beforeAll(async () => {
    holder.drill = await startDrill(name, appEnv);
  });
  hooks.afterAll(async () => {
    await holder.drill?.stop();
  });
  return holder;
}

export async function startDrill(name: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Drill> {
  const dir = mkdtempSync(join(tmpdir(), `mentorflow-${name}-`));
  chmodSync(dir, 0o755); // Postgres runs as its own OS user and must reach its folder inside
  const port = await freePort();
  let pg: EmbeddedPostgresHandle = await startEmbeddedPostgres({ dir: join(dir, 'postgres'), port });
  const url = await pg.createDatabase('mentorflow');
  const sink = await startSmtpSink();
  const system = await startClusterSystem({
    databaseUrl: url,
    temporalDatabase: clusterDatabaseFromUrl(url),
    dir: join(dir, 'cluster'),
    historyShards: 4,
    workers: 2,
    apiPorts: [0, 0],
    appEnv: {
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '100',
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      // A request whose API process died may be retried elsewhere after 2 s (60 s in production).
      IDEMPOTENCY_STALE_AFTER_SECONDS: '2',
      ...extraEnv,
    },
    log: (line) => process.stderr.write(`[${name}] ${line}\n`),
  });
  const db = await openDatabase(url, { poolSize: 4, logErrors: false });
  const connection = await Connection.connect({ address: system.temporal.address });
  return {
    system,
    db,
    client: new Client({ connection, namespace: system.temporal.namespace }),
    mails: sink.received,
    async restartPostgres(downMs) {
      await pg.stop();
      await new Promise((r) => setTimeout(r, downMs));
      pg = await startEmbeddedPostgres({ dir: join(dir, 'postgres'), port });
    },
    async stop() {
      await connection.close();
      await db.destroy();
      await system.stop();
      await sink.close();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Left alone: the supervisor is reminded after 2.5 s, the owner told of the escalation after 5 s. */
const TIMER_EVENTS = ['MentorshipCreated', 'MentorshipPhaseChanged', 'ReminderSent', 'Escalated'];
/** Approved over HTTP (through either API replica) before any reminder is due. */
const APPROVED_EVENTS = ['MentorshipCreated', 'MentorshipPhaseChanged', 'MentorshipPhaseChanged'];

export interface Load {
  timers: Cast[];
  approvals: Cast[];
  /** Resolves when every approval got its 200, each retried on the other replica until it did. */
  approved: Promise<void>;
}

/**
 * Live load for a drill: mentorships whose timers fire and whose emails go out during the fault, and
 * supervisors approving others over HTTP with an Idempotency-Key, alternating between the two API
 * replicas and retrying on the other one (same key) when a request fails, as a load balancer would.
 */
export async function startLoad(drill: Drill, size: { timers: number; approvals: number }): Promise<Load> {
  const { db, client, system } = drill;
  const timers = await Promise.all(Array.from({ length: size.timers }, () => seedCast(db, ['en'])));
  const approvals = await Promise.all(Array.from({ length: size.approvals }, () => seedCast(db, ['en'])));
  const tokens = await Promise.all(approvals.map((c) => tokenFor(db, c.pair.supervisorId, ['supervisor'])));
  await Promise.all(timers.map((c) => startMentorship(client, TASK_QUEUE, c.pair, fastPolicy({ responseMs: 2_500 }))));
  await Promise.all(approvals.map((c) => startMentorship(client, TASK_QUEUE, c.pair, fastPolicy())));
  const approve = async (cast: Cast, i: number) => {
    const deadline = Date.now() + 120_000;
    for (let attempt = i; Date.now() < deadline; attempt++) {
      const api = system.apis[attempt % system.apis.length];
      const res = await fetch(`${api.url}/mentorships/${cast.pair.mentorshipId}/approval`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens[i]}`, 'Idempotency-Key': `approve-${cast.pair.mentorshipId}` },
        signal: AbortSignal.timeout(10_000),
      }).catch(() => null);
      if (res?.status === 200) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`mentorship ${cast.pair.mentorshipId} was never approved`);
  };
  const approved = (async () => {
    // A steady trickle, so that requests are in flight whenever the fault strikes.
    const pending: Array<Promise<void>> = [];
    for (const [i, cast] of approvals.entries()) {
      pending.push(approve(cast, i));
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(pending);
  })();
  return { timers, approvals, approved };
}

/**
 * The drill's verdict: every stream holds exactly its expected facts (none lost, none doubled), every
 * email the outbox holds was sent and arrived, each with one Message-ID, and every workflow answers.
 */
export async function expectNothingLost(drill: Drill, load: Load): Promise<void> {
  const { db, client, mails } = drill;
  await load.approved;
  // Timers: approval request, reminder, escalation. Approved: approval request, kickoff invitations to mentor and mentee.
  const expectedMails = 3 * load.timers.length + 3 * load.approvals.length;
  await eventually(async () => {
    const rows: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM outbox_emails WHERE status = 'sent'`,
    );
    return rows[0].n >= expectedMails && new Set(mails.map((m) => m.key)).size >= expectedMails;
  }, 180_000).catch(async (e: unknown) => {
    const status = await db.query(
      `SELECT status, count(*) AS n, max(last_error) AS error FROM outbox_emails GROUP BY status`,
    );
    const events = await db.query(`SELECT type, count(*) AS n FROM domain_events GROUP BY type ORDER BY type`);
    throw new Error(`${String(e)}\noutbox: ${JSON.stringify(status)}\nevents: ${JSON.stringify(events)}`);
  });
  // Time for a late duplicate, if any, to show.
  await new Promise((r) => setTimeout(r, 2_000));

  const streams: Array<{ stream_id: string; types: string[]; versions: number[] }> = await db.query(
    `SELECT stream_id, array_agg(type ORDER BY stream_version) AS types, array_agg(stream_version ORDER BY stream_version) AS versions
       FROM domain_events GROUP BY stream_id`,
  );
  const expected = new Map<string, string[]>([
    ...load.timers.map((c) => [`mentorship:${c.pair.mentorshipId}`, TIMER_EVENTS] as const),
    ...load.approvals.map((c) => [`mentorship:${c.pair.mentorshipId}`, APPROVED_EVENTS] as const),
  ]);
  expect(streams.map((s) => s.stream_id).sort()).toEqual([...expected.keys()].sort());
  for (const s of streams) {
    expect([s.stream_id, s.types]).toEqual([s.stream_id, expected.get(s.stream_id)]);
    expect(s.versions).toEqual(s.types.map((_, i) => i + 1));
  }

  const outbox: Array<{ key: string; status: string }> = await db.query(
    `SELECT idempotency_key AS key, status FROM outbox_emails`,
  );
  expect(outbox).toHaveLength(expectedMails);
  expect(outbox.filter((o) => o.status !== 'sent')).toEqual([]);
  const idsByKey = new Map<string, Set<string>>();
  for (const m of mails) idsByKey.set(m.key, (idsByKey.get(m.key) ?? new Set()).add(m.messageId));
  expect([...idsByKey.keys()].sort()).toEqual(outbox.map((o) => o.key).sort());
  // A message accepted just before a kill may be delivered again, but always with its one
  // Message-ID, which receivers de-duplicate: no email is sent twice as two messages.
  for (const [key, ids] of idsByKey) expect([key, ids.size]).toEqual([key, 1]);

  for (const cast of [...load.timers, ...load.approvals]) {
    const state = await client.workflow
      .getHandle(mentorshipWorkflowId(cast.pair.mentorshipId))
      .query(mentorshipStateQuery);
    expect(state?.mentorshipId).toBe(cast.pair.mentorshipId);
  }
}
