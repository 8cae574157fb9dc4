import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../libs/platform/src/index.js';
import type { BenchRow } from './report.js';

interface Run {
  algorithm: string;
  ms: number;
  maxRssMB: number;
  matched: number;
  total: number;
  infeasibleShare: number;
}

function run(algorithm: string, mentees: number, mentors: number, capacity: number, timeoutMs: number): Run | null {
  const script = join(projectRoot(), 'dist/bench/matching-run.js');
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=8192', script, algorithm, String(mentees), String(mentors), String(capacity)],
    {
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 1 << 20,
    },
  );
  if (child.error || child.status !== 0) return null;
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Run;
}

/** The engine, greedy and npm munkres on the same instances, each in its own process. */
export function benchMatching(): { rows: BenchRow[]; table: string } {
  const MUNKRES_LIMIT_MS = 180_000;
  const lines = [
    '| instance | infeasible pairs | algorithm | time | peak RSS | matched | total score | gap to engine |',
    '|---|---:|---|---:|---:|---:|---:|---:|',
  ];
  const rows: BenchRow[] = [];
  for (const [mentees, mentors, capacity] of [
    [1000, 250, 4],
    [5000, 1000, 5],
  ] as const) {
    // Three runs, the median shown with the range: on this VM the same run varies by up to 2×.
    const engineRuns = [1, 2, 3].map(() => run('engine', mentees, mentors, capacity, 600_000));
    if (engineRuns.some((r) => r === null)) throw new Error(`the engine failed on ${mentees}×${mentors}`);
    const sorted = (engineRuns as Run[]).sort((a, b) => a.ms - b.ms);
    const engine = sorted[1];
    const range = `${(sorted[0].ms / 1000).toFixed(2)}–${(sorted[2].ms / 1000).toFixed(2)} s`;
    const name = `${mentees} mentees × ${mentors} mentors (capacity ${capacity})`;
    const share = `${(engine.infeasibleShare * 100).toFixed(0)} %`;
    const options = (['engine-fairness', 'engine-balance'] as const).map((objective) => {
      const r = run(objective, mentees, mentors, capacity, 600_000);
      if (!r) throw new Error(`the engine failed on ${mentees}×${mentors} with ${objective}`);
      return r;
    });
    for (const r of [
      engine,
      ...options,
      run('greedy', mentees, mentors, capacity, 600_000),
      run('munkres', mentees, mentors, capacity, MUNKRES_LIMIT_MS),
    ]) {
      if (!r) {
        lines.push(
          `| ${name} | ${share} | munkres (npm, capacity-expanded ${mentees}×${mentors * capacity}) | > ${MUNKRES_LIMIT_MS / 1000} s (stopped) | – | – | – | – |`,
        );
        continue;
      }
      const gap = engine.total === 0 ? 0 : ((engine.total - r.total) / engine.total) * 100;
      const labels: Record<string, string> = {
        munkres: `munkres (npm, capacity-expanded ${mentees}×${mentors * capacity})`,
        engine: 'engine (median of 3)',
        'engine-fairness': 'engine, fairness objective (best worst pair first; its own optimum)',
        'engine-balance': 'engine, load balance 0.05 (its own optimum)',
      };
      const label = labels[r.algorithm] ?? r.algorithm;
      const time = r === engine ? `${(r.ms / 1000).toFixed(2)} s (${range})` : `${(r.ms / 1000).toFixed(2)} s`;
      lines.push(
        `| ${name} | ${share} | ${label} | ${time} | ${r.maxRssMB.toFixed(0)} MB | ${r.matched} | ${r.total.toFixed(3)} | ${r.algorithm === 'engine' ? '–' : `${gap.toFixed(2)} %`} |`,
      );
      rows.push({ name: `${r.algorithm} ${mentees}×${mentors}`, value: r.ms, unit: 'ms' });
    }
  }
  return { rows, table: lines.join('\n') };
}
