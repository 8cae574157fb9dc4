import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DEFAULT_ECONOMICS, type Actor, type MentorshipPair, type MentorshipPolicy } from '../libs/domain/src/index.js';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  mentorshipReadyUpdate,
  mentorshipWorkflowId,
} from '../libs/contracts/src/index.js';
import type { mentorshipWorkflow } from '../libs/workflows/src/index.js';
import { withBenchStack, type BenchStack } from './bench-stack.js';
import type { BenchRow } from './report.js';
import { noopStepUpdate, type noopWorkflow } from './workflows/noop.workflow.js';

const DAY = 86_400_000;
/** Real (days-long) cadences: nothing fires by itself while the bench runs. */
export const idlePolicy: MentorshipPolicy = {
  sessionEveryMs: 14 * DAY,
  reminderLeadMs: 2 * DAY,
  escalationDelayMs: 5 * DAY,
  checkpointEveryMs: 42 * DAY,
  checkpointDecisionMs: 7 * DAY,
  responseMs: 5 * DAY,
  midtermAfterMs: 91 * DAY,
  endAfterMs: 182 * DAY,
};

/** Runs `count` jobs with at most `parallel` at a time. */
export async function pool(count: number, parallel: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) await job(next++);
    }),
  );
}

export const castOf = (i: number, tag: string) => {
  const id = (role: string) => `${role}-${tag}-${i}`;
  const pair: MentorshipPair = {
    mentorshipId: randomUUID(),
    programId: randomUUID(),
    menteeId: id('mentee'),
    mentorId: id('mentor'),
    supervisorId: id('sup'),
    ownerId: id('owner'),
  };
  const actor = (personId: string, role: Actor['roles'][number]): Actor => ({ personId, roles: [role] });
  return {
    pair,
    mentee: actor(pair.menteeId, 'mentee'),
    mentor: actor(pair.mentorId, 'mentor'),
    supervisor: actor(pair.supervisorId, 'supervisor'),
  };
};

/** A one-hour session logged now, as a mentor logs one each week. */
export const weeklySession = () => ({
  sessionId: randomUUID(),
  heldAt: new Date().toISOString(),
  minutes: 60,
  topics: ['weekly'],
  competencies: ['delegation'],
  sharedNotes: null,
  privateNotes: null,
});

/** Inserts the four people of each pair in one statement per 1,000 rows. */
export async function seedPeople(
  stack: Pick<BenchStack, 'db'>,
  casts: Array<ReturnType<typeof castOf>>,
): Promise<void> {
  const ids = casts.flatMap((c) => [c.pair.menteeId, c.pair.mentorId, c.pair.supervisorId, c.pair.ownerId]);
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await stack.db.query(
      `INSERT INTO people (id, display_name, email, department, job_level, management_years, team_size, languages, time_zone, status, mentor_pool)
       SELECT id, id, id || '@example.test', 'Ops', 'M2', 5, 5, '{en}', 'Europe/Paris', 'active', true FROM unnest($1::text[]) AS id`,
      [chunk],
    );
  }
}

/** Starts a mentorship and takes it to ACTIVE as its people would: supervisor approval, both kickoffs. */
export async function mentorshipToActive(
  stack: Pick<BenchStack, 'client' | 'taskQueue'>,
  cast: ReturnType<typeof castOf>,
  policy: MentorshipPolicy = idlePolicy,
) {
  const h = await stack.client.workflow.start<typeof mentorshipWorkflow>('mentorshipWorkflow', {
    workflowId: mentorshipWorkflowId(cast.pair.mentorshipId),
    taskQueue: stack.taskQueue,
    args: [{ pair: cast.pair, createdBy: cast.pair.ownerId, policy, economics: DEFAULT_ECONOMICS }],
  });
  await h.executeUpdate(mentorshipReadyUpdate);
  await h.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
  const goals = [{ competencyKey: 'delegation', targetLevel: 4 }];
  const facts = [
    { name: 'Team turnover', unit: '%', source: 'HR', value: 18, lowerIsBetter: true, valuePerUnit: null },
  ];
  await h.executeUpdate(agreeKickoffUpdate, {
    args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
  });
  const state = await h.executeUpdate(agreeKickoffUpdate, {
    args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
  });
  if (state.phase !== 'ACTIVE')
    throw new Error(`mentorship ${cast.pair.mentorshipId} is ${state.phase} after both kickoffs`);
  return h;
}

/**
 * Workflow throughput on one embedded dev server and one worker: `count` mentorships taken from
 * start to ACTIVE (4 Updates, each appending its events to Postgres through an activity), against
 * the same number of no-op workflows receiving the same 4 Updates (no activity, no database), and
 * of no-op workflows that start and complete. `parallel` clients act at a time in each case.
 */
export async function benchThroughput(count = 1000, parallel = 100): Promise<BenchRow[]> {
  return withBenchStack('throughput', (stack) => measureThroughput(stack, count, parallel));
}

export type ThroughputStack = Pick<BenchStack, 'db' | 'client' | 'taskQueue' | 'address' | 'namespace'>;

/** The same measure on any stack: the dev server's above, the cluster's in the scale benchmark. */
export async function measureThroughput(stack: ThroughputStack, count: number, parallel: number): Promise<BenchRow[]> {
  const noopQueue = `${stack.taskQueue}-noop`;
  const connection = await NativeConnection.connect({ address: stack.address });
  const noopWorker = await Worker.create({
    connection,
    namespace: stack.namespace,
    taskQueue: noopQueue,
    workflowsPath: fileURLToPath(new URL('./workflows/noop.workflow.js', import.meta.url)),
  });
  const running = noopWorker.run();
  try {
    const timed = async (job: (i: number) => Promise<void>) => {
      const t0 = performance.now();
      await pool(count, parallel, job);
      return (performance.now() - t0) / 1000;
    };
    const startNoop = (steps: number) =>
      stack.client.workflow.start<typeof noopWorkflow>('noopWorkflow', {
        workflowId: `noop-${randomUUID()}`,
        taskQueue: noopQueue,
        args: [steps],
      });
    // Warm both workers (bundles loaded, connections open) before anything is timed.
    await (await startNoop(0)).result();
    const casts = Array.from({ length: count }, (_, i) => castOf(i, 'tp'));
    await seedPeople(stack, [...casts, castOf(-1, 'tp')]);
    await mentorshipToActive(stack, castOf(-1, 'tp'));

    const completeSeconds = await timed(async () => {
      await (await startNoop(0)).result();
    });
    const noopSeconds = await timed(async () => {
      const h = await startNoop(4);
      for (let s = 0; s < 4; s++) await h.executeUpdate(noopStepUpdate);
      await h.result();
    });
    const mentorshipSeconds = await timed(async (i) => {
      await mentorshipToActive(stack, casts[i]);
    });
    const rate = (seconds: number) => count / seconds;
    return [
      {
        name: `no-op workflows started and completed (${count}, ${parallel} at a time)`,
        value: rate(completeSeconds),
        unit: 'workflows/s',
      },
      { name: `no-op workflows through 4 Updates each (${count})`, value: rate(noopSeconds), unit: 'workflows/s' },
      {
        name: `mentorships started and taken to ACTIVE through 4 Updates each (${count})`,
        value: rate(mentorshipSeconds),
        unit: 'workflows/s',
      },
      {
        name: 'mentorship rate ÷ no-op rate with the same 4 Updates (target ≥ 0.5)',
        value: rate(mentorshipSeconds) / rate(noopSeconds),
        unit: '',
      },
      {
        name: 'mentorship rate ÷ start-and-complete no-op rate',
        value: rate(mentorshipSeconds) / rate(completeSeconds),
        unit: '',
      },
      { name: `time for all ${count} mentorships to reach ACTIVE`, value: mentorshipSeconds, unit: 's' },
    ];
  } finally {
    noopWorker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
  }
}
