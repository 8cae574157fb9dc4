import type { Client } from '@temporalio/client';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { mentorshipStateQuery } from '../../libs/contracts/src/index.js';
import type { MentorshipPolicy } from '../../libs/domain/src/index.js';
import type { BenchRow } from '../report.js';
import { pool } from '../throughput.bench.js';
import { overdue, readClockFacts, type StreamsRead } from './clock-facts.js';
import type { PeopleLoad } from './people-load.js';

/**
 * After the load: waits (at most `drainMs`) until every clock fact due before `cutoff` is stored,
 * then reads every stream once more. What is still due after the wait is lost (or stuck).
 */
export async function drain(
  db: DataSource,
  streamIds: string[],
  policy: MentorshipPolicy,
  cutoff: number,
  drainMs: number,
  rows: BenchRow[],
  log: (line: string) => void,
): Promise<StreamsRead> {
  const started = Date.now();
  let pending = overdue((await readClockFacts(db, streamIds, policy)).states, policy, cutoff);
  while (pending.length > 0 && Date.now() - started < drainMs) {
    log(`drain: ${pending.length} mentorships with a fact due before the end of the load not stored yet`);
    await new Promise((r) => setTimeout(r, 10_000));
    pending = overdue((await readClockFacts(db, pending, policy)).states, policy, cutoff);
  }
  rows.push({
    name: `time for the backlog to drain after the load (bounded at ${drainMs / 60_000} min)`,
    value: (Date.now() - started) / 1000,
    unit: 's',
  });
  const final = await readClockFacts(db, streamIds, policy);
  rows.push({
    name: 'clock facts due before the end of the load and not stored after the drain (lost)',
    value: overdue(final.states, policy, cutoff).length,
    unit: '',
  });
  rows.push({ name: 'clock facts stored more than once (doubled)', value: final.doubled.length, unit: '' });
  rows.push({ name: 'streams whose versions are not 1…n', value: final.versionGaps, unit: '' });
  return final;
}

/**
 * People's facts: every Update answered 200 is stored once. Workflows: each answers a query and
 * holds exactly the stored stream; none is wedged on an append refused by the store.
 */
export async function checkWorkflows(
  db: DataSource,
  client: Client,
  streamIds: string[],
  people: PeopleLoad,
  logDir: string,
  rows: BenchRow[],
): Promise<void> {
  const human: Array<{ type: string; n: number }> = await db.query(
    `SELECT type, count(*)::int AS n FROM domain_events
      WHERE stream_id = ANY($1) AND type IN ('SessionLogged', 'CheckpointDecided') GROUP BY type`,
    [streamIds],
  );
  const stored = (type: string) => human.find((h) => h.type === type)?.n ?? 0;
  rows.push({
    name: 'sessions answered 200 − SessionLogged stored (lost or doubled)',
    value: people.sessionsOk - stored('SessionLogged'),
    unit: '',
  });
  rows.push({
    name: 'checkpoint decisions answered 200 − CheckpointDecided stored',
    value: people.decisionsOk - stored('CheckpointDecided'),
    unit: '',
  });
  let unanswered = 0;
  let mismatched = 0;
  // The clocks still run: a fact may be stored between the query and the count, so a difference is
  // asked again before it counts. The store is never behind: a workflow folds a fact once it is stored.
  const count = async (id: string) => {
    const r = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM domain_events WHERE stream_id = $1`,
      [id],
    );
    return r[0].n;
  };
  await pool(streamIds.length, 32, async (i) => {
    for (let attempt = 0; ; attempt++) {
      const state = await Promise.race([
        client.workflow.getHandle(streamIds[i]).query(mentorshipStateQuery),
        new Promise<null>((r) => setTimeout(() => r(null), 15_000)),
      ]).catch(() => null);
      if (!state) {
        unanswered++;
        return;
      }
      if (state.version === (await count(streamIds[i]))) return;
      if (attempt === 2) {
        mismatched++;
        return;
      }
    }
  });
  rows.push({ name: 'workflows not answering a query within 15 s', value: unanswered, unit: '' });
  rows.push({ name: 'workflows whose state ≠ their stored stream (version)', value: mismatched, unit: '' });
  // An append that can never commit (retried by the worker forever) leaves its workflow wedged.
  const wedged = new Set<string>();
  for (const file of readdirSync(logDir).filter((f) => f.startsWith('worker-')))
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n'))
      if (line.includes('Activity failed') && line.includes('duplicate key value'))
        wedged.add(/"workflowId":"([^"]+)"/.exec(line)?.[1] ?? line);
  rows.push({ name: 'workflows whose event append failed on a duplicate key (wedged)', value: wedged.size, unit: '' });
}
