import type { BenchRow } from './report.js';
import { measureThroughput } from './throughput.bench.js';
import { latenessBreakdown } from './scale/lateness-breakdown.js';
import { Http } from './scale/http-load.js';
import { PeopleLoad } from './scale/people-load.js';
import { phaseRows, rampFigures, type Phase } from './scale/phase-figures.js';
import { activate, populate, tokenIssuer } from './scale/population.js';
import { REMIND_AFTER, SCALE_POLICY, scaleOptions, type ScaleOptions } from './scale/scale-policy.js';
import { startScaleSystem } from './scale/scale-system.js';
import { checkWorkflows, drain } from './scale/verdict.js';

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

/**
 * `npm run bench scale`: 10,000 live mentorships on the cluster of `npm run cluster`, started
 * through programs over HTTP as in production, whose clocks wake each of them at least once per
 * 10 minutes on their own (≈ 16.7 wakes/s), held 30 minutes with two workers and 10 with one while
 * mentors and supervisors act at a modest steady rate; then a ramp of extra wakes; then a bounded
 * drain, after which every fact due before the end must be stored exactly once.
 */
export async function benchScale(
  options: ScaleOptions = scaleOptions(),
): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const { log } = options;
  const rows: BenchRow[] = [];
  // Each figure is logged as soon as it is known: a run cut short still leaves what it measured.
  const record = rows.push.bind(rows);
  rows.push = (...added: BenchRow[]) => {
    for (const r of added) log(`figure: ${r.name} = ${r.value} ${r.unit}`);
    return record(...added);
  };
  const notes: string[] = [];
  const scale = await startScaleSystem(log);
  const { system, db, client } = scale;
  try {
    // 1. Throughput ratio on the empty cluster, as bench/throughput measures it on the dev server.
    log('throughput: 1,000 mentorships vs no-op workflows through 4 Updates each');
    const throughput = await measureThroughput(
      { db, client, taskQueue: 'scale', address: system.temporal.address, namespace: system.temporal.namespace },
      Number(process.env.SCALE_THROUGHPUT_COUNT ?? 1000),
      100,
    );
    rows.push(
      ...throughput.map((r) => ({ ...r, name: `cluster: ${r.name.replace(' (target ≥ 0.5)', ' (target ≥ 0.6)')}` })),
    );
    // Sizes from here on are the mentorships' (and their programs'): the throughput workflows are subtracted.
    const baseline = await scale.sizes();

    // 2. The company, its programs and their mentorships, then every mentorship to ACTIVE at an even pace.
    const http = new Http(system.apis.map((a) => a.url!));
    const tokenOf = tokenIssuer(db);
    const pairs = await populate(db, http, tokenOf, options.mentorships, rows, log);
    const streamIds = pairs.map((m) => `mentorship:${m.id}`);
    log(`activation: ${pairs.length} mentorships to ACTIVE over ${options.activationMs / 60_000} min`);
    await activate(http, tokenOf, pairs, options.activationMs, rows);

    // 3. The hold: the clocks wake every mentorship once per 10 minutes; people act at a modest rate.
    const people = new PeopleLoad(http, tokenOf, pairs);
    const two: Phase = { name: 'two workers', from: Date.now(), to: Date.now() + options.holdMs };
    log(`hold: ${options.holdMs / 60_000} min with two workers`);
    await people.steady(two.to, options.sessionsPerSecond, options.decisionsPerSecond, two.name);
    await system.workers[1].kill('SIGTERM');
    const one: Phase = { name: 'one worker', from: Date.now(), to: Date.now() + options.oneWorkerMs };
    log(`hold: ${options.oneWorkerMs / 60_000} min with one worker`);
    await people.steady(one.to, options.sessionsPerSecond, options.decisionsPerSecond, one.name);
    await system.workers[1].start();

    // 4. The ramp: sessions logged at rising rates bring their reminders REMIND_AFTER later, on top
    // of the clocks' own wakes; only the clocks run while those come due.
    log(`ramp: sessions at ${options.ramp.join(', ')}/s, ${options.rampStepMs / 1000} s each`);
    const steps: Phase[] = [];
    for (const rate of options.ramp) {
      const from = Date.now();
      await people.burst(Math.round((rate * options.rampStepMs) / 1000), rate, `ramp ${rate}/s`);
      steps.push({ name: `ramp ${rate} sessions/s`, from: from + REMIND_AFTER, to: Date.now() + REMIND_AFTER });
    }
    await people.settle();
    const cutoff = steps.at(-1)!.to;
    await sleepUntil(cutoff);

    // 5. Verdict: nothing lost or doubled, then the figures of each phase from the stored facts.
    const read = await drain(db, streamIds, SCALE_POLICY, cutoff, options.drainMs, rows, log);
    for (const phase of [two, one]) {
      rows.push(...phaseRows(read.facts, phase, http));
      const sample = read.facts.filter((f) => f.due >= phase.from && f.due < phase.to);
      const picked = sample.filter((_, i) => i % Math.max(1, Math.floor(sample.length / 200)) === 0).slice(0, 200);
      notes.push(`${phase.name}, where the lateness went: ${await latenessBreakdown(client, picked)}`);
    }
    const ramp = rampFigures(read.facts, steps);
    notes.push(...ramp.notes);
    rows.push({
      name: `highest wake rate held for a ramp step (${options.rampStepMs / 1000} s) with lateness p99 ≤ 5 s`,
      value: ramp.sustained,
      unit: 'wakes/s',
    });
    await checkWorkflows(db, client, streamIds, people, scale.logDir, rows, {
      parallel: options.checkParallel,
      totalMs: options.checkMs,
    });
    const outbox: Array<{ status: string; n: number }> = await db.query(
      `SELECT status, count(*)::int AS n FROM outbox_emails GROUP BY status`,
    );
    notes.push(
      `outbox at the end: ${outbox.map((o) => `${o.n} ${o.status}`).join(', ')}; HTTP retries after a 5xx or a reset: ${http.failures}`,
    );
    await db.query('CHECKPOINT');
    for (const [name, bytes] of await scale.sizes())
      rows.push({
        name: `Postgres bytes per mentorship, database ${name} (growth ÷ mentorships; ${(bytes / 2 ** 20).toFixed(0)} MiB in all)`,
        value: Math.round((bytes - (baseline.get(name) ?? 0)) / pairs.length),
        unit: 'B',
      });
    scale.rss.stop();
    for (const [name, bytes] of scale.rss.max)
      rows.push({ name: `max RSS ${name}`, value: Math.round(bytes / 2 ** 20), unit: 'MiB' });
  } finally {
    await scale.stop();
  }
  return { rows, notes };
}
