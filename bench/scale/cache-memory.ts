import { logSessionUpdate, mentorshipWorkflowId } from '../../libs/contracts/src/index.js';
import type { MentorshipState } from '../../libs/domain/src/index.js';
import { withBenchStack } from '../bench-stack.js';
import { castOf, mentorshipToActive, pool, seedPeople, weeklySession } from '../throughput.bench.js';
import { ThreadHeap } from './thread-heap.js';

/**
 * What one cached mentorship run costs the worker's heap, to size WORKER_MAX_CACHED_WORKFLOWS
 * (docs/SCALING.md). On the embedded dev server with one worker (cache large enough for all):
 * takes mentorships to ACTIVE in steps and reads the workflow thread's heap after a full GC at
 * each step; bytes per run = slope. Then each run of the first step takes `extra` more Updates
 * (a logged session each), for the cost of an answered Update. A memory measure, not a timing.
 *
 *   tsc -p tsconfig.bench.json && node dist/bench/scale/cache-memory.js [steps=500,1500] [extra=4] [snapshot.heapsnapshot]
 */
async function main(): Promise<void> {
  const steps = (process.argv[2] ?? '500,1500').split(',').map(Number);
  const extra = Number(process.argv[3] ?? 4);
  const snapshotFile = process.argv[4];
  const log = (line: string) => process.stdout.write(`[cache-memory ${new Date().toISOString()}] ${line}\n`);
  await withBenchStack('cache-memory', async (stack) => {
    const heap = new ThreadHeap();
    await heap.open();
    const casts = Array.from({ length: Math.max(...steps) }, (_, i) => castOf(i, 'cm'));
    await seedPeople(stack, casts);
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    const measure = async (label: string) => {
      await new Promise((r) => setTimeout(r, 2000));
      const cached = stack.worker.getStatus().numCachedWorkflows;
      const used = (await heap.usedAfterGc())[0];
      // The whole process too: the SDK's Rust core keeps its own per-run state outside any V8 heap.
      const rss = process.memoryUsage().rss;
      log(
        `${label}: ${cached} runs cached (cache ${stack.worker.options.maxCachedWorkflows}), workflow thread heap ${mib(used)} MiB, process RSS ${mib(rss)} MiB`,
      );
      return { cached, used, rss };
    };
    const points = [await measure('before any mentorship')];
    let states: MentorshipState[] = [];
    let done = 0;
    for (const target of steps) {
      const from = done;
      await pool(target - from, 50, async (i) => {
        await mentorshipToActive(stack, casts[from + i]);
      });
      done = target;
      points.push(await measure(`${target} mentorships ACTIVE (4 Updates each)`));
    }
    type Point = (typeof points)[number];
    const slope = (a: Point, b: Point, key: 'used' | 'rss') => (b[key] - a[key]) / (b.cached - a.cached);
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      log(
        `per cached run between ${a.cached} and ${b.cached} cached: workflow heap ${Math.round(slope(a, b, 'used'))} B (${mib(slope(a, b, 'used'))} MiB), process RSS ${mib(slope(a, b, 'rss'))} MiB`,
      );
    }

    const first = steps[0];
    await pool(first, 50, async (i) => {
      const h = stack.client.workflow.getHandle(mentorshipWorkflowId(casts[i].pair.mentorshipId));
      for (let k = 0; k < extra; k++) {
        const state = await h.executeUpdate(logSessionUpdate, {
          args: [{ actor: casts[i].mentor, session: weeklySession() }],
        });
        if (i === 0) states = [...states, state];
      }
    });
    const after = await measure(`the first ${first} runs after ${extra} more Updates each (a logged session)`);
    const perUpdate = (after.used - points.at(-1)!.used) / (first * extra);
    log(`bytes per extra answered Update: ${Math.round(perUpdate)} (${(perUpdate / 1024).toFixed(1)} KiB)`);
    for (const [k, state] of states.entries())
      log(`state returned by Update ${5 + k} of run 0: ${JSON.stringify(state).length} bytes of JSON`);
    if (snapshotFile) {
      await heap.snapshot(0, snapshotFile);
      log(`heap snapshot of the workflow thread: ${snapshotFile}`);
    }
    await heap.close();
  });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
