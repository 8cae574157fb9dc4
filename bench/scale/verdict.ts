import { isGrpcDeadlineError, type Client } from '@temporalio/client';
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
  bounds: CheckBounds,
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
  const checked = await queryEveryWorkflow(db, client, streamIds, bounds);
  rows.push(
    {
      name: `workflows asked in the final check (of ${streamIds.length}; ${bounds.parallel} at a time, bounded at ${bounds.totalMs / 60_000} min)`,
      value: checked.asked,
      unit: '',
    },
    { name: 'workflows answering a query within 15 s', value: checked.answered, unit: '' },
    { name: 'workflows not answering a query within 15 s', value: checked.timedOut, unit: '' },
    { name: 'workflows whose query failed (an error, not the 15 s bound)', value: checked.failed, unit: '' },
    { name: 'workflows not asked: the final check reached its bound first', value: checked.notAsked, unit: '' },
    { name: 'workflows whose state ≠ their stored stream (version)', value: checked.mismatched, unit: '' },
  );
  // An append that can never commit (retried by the worker forever) leaves its workflow wedged.
  const wedged = new Set<string>();
  for (const file of readdirSync(logDir).filter((f) => f.startsWith('worker-')))
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n'))
      if (line.includes('Activity failed') && line.includes('duplicate key value'))
        wedged.add(/"workflowId":"([^"]+)"/.exec(line)?.[1] ?? line);
  rows.push({ name: 'workflows whose event append failed on a duplicate key (wedged)', value: wedged.size, unit: '' });
}

export interface CheckBounds {
  /** Queries in flight at a time. */
  parallel: number;
  /** The whole check: no workflow is asked after this (wall time from the start). */
  totalMs: number;
}

/** Each query waits at most this long (a gRPC deadline: the call is cancelled, not left running). */
const QUERY_MS = 15_000;

/**
 * Asks each workflow its state and compares its version with the stored stream, within bounds:
 * at most `parallel` at a time, none asked after `totalMs`, each query cut at 15 s. Ends at most one
 * workflow's three queries after the bound, whatever the cluster does; what it could not ask or
 * what did not answer is counted, not dropped. Workflows are asked in a shuffled order, so a check
 * cut short still samples every program and every part of the activation.
 */
export async function queryEveryWorkflow(db: DataSource, client: Client, streamIds: string[], bounds: CheckBounds) {
  const order = [...streamIds];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const deadline = Date.now() + bounds.totalMs;
  const counts = { asked: 0, answered: 0, timedOut: 0, failed: 0, notAsked: 0, mismatched: 0 };
  // The clocks still run: a fact may be stored between the query and the count, so a difference is
  // asked again before it counts. The store is never behind: a workflow folds a fact once it is stored.
  const stored = async (id: string) =>
    (await db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM domain_events WHERE stream_id = $1`, [id]))[0]
      .n;
  const ask = (id: string) =>
    client.connection
      .withDeadline(Date.now() + QUERY_MS, () => client.workflow.getHandle(id).query(mentorshipStateQuery))
      .then(
        (state) => ({ state }),
        (e: unknown) => ({ error: isGrpcDeadlineError(e) ? ('timeout' as const) : ('failed' as const) }),
      );
  await pool(order.length, bounds.parallel, async (i) => {
    if (Date.now() >= deadline) {
      counts.notAsked++;
      return;
    }
    counts.asked++;
    const first = await ask(order[i]);
    if ('error' in first) {
      counts[first.error === 'timeout' ? 'timedOut' : 'failed']++;
      return;
    }
    counts.answered++;
    let state = first.state;
    for (let attempt = 1; state?.version !== (await stored(order[i])); attempt++) {
      const again = attempt < 3 ? await ask(order[i]) : null;
      // Still different after three answers, or no answer to ask again: the difference stands.
      if (again === null || 'error' in again) {
        counts.mismatched++;
        return;
      }
      state = again.state;
    }
  });
  return counts;
}
