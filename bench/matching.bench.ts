import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../libs/platform/src/index.js';
import { FAMILIES, FAMILY_DESCRIPTIONS, type FamilyName } from '../test/matching/families.js';
import type { BenchRow } from './report.js';

/** The referees' versions, installed from PyPI into the benchmark's own virtual environment. */
const REFEREE_PACKAGES = ['ortools==9.15.6755', 'scipy==1.17.1', 'numpy==2.4.6'];
const MENTEES = 5000;
const MENTORS = 1000;
const GROWTH: Array<[number, number]> = [
  [5000, 1000],
  [10000, 2000],
  [20000, 4000],
];
const GROWTH_FAMILIES: FamilyName[] = ['scarce', 'realistic-5'];

interface EngineRun {
  ms: number;
  maxRssMB: number;
  matched: number;
  total: number;
  objective: number;
  worst: number | null;
  unmatched: number;
  infeasibleShare: number;
}
interface RefereeRun {
  tool: string;
  ms: number;
  runs: number[];
  matched: number;
  total: number;
  objective: number;
  worst: number | null;
}

const cacheDir = () => join(projectRoot(), '.cache');

function runJson<T>(command: string, args: string[], timeoutMs: number): T {
  const child = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 24 });
  if (child.error || child.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${child.error?.message ?? child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as T;
}

function node<T>(args: string[], timeoutMs = 900_000): T {
  const script = join(projectRoot(), 'dist/bench/matching-run.js');
  return runJson<T>(process.execPath, ['--max-old-space-size=8192', script, ...args], timeoutMs);
}

/**
 * The referees run in a virtual environment under .cache (git-ignored), made and filled from PyPI
 * on first use; the tests never need it.
 */
function refereePython(): string {
  const venv = join(cacheDir(), 'bench-venv');
  const python = join(venv, 'bin', 'python');
  const ready = () =>
    existsSync(python) && spawnSync(python, ['-c', 'import ortools, scipy, numpy'], { encoding: 'utf8' }).status === 0;
  if (!ready()) {
    mkdirSync(cacheDir(), { recursive: true });
    for (const [command, args] of [
      ['python3', ['-m', 'venv', venv]],
      [python, ['-m', 'pip', 'install', '--quiet', ...REFEREE_PACKAGES]],
    ] as const) {
      const child = spawnSync(command, args, { encoding: 'utf8', stdio: 'inherit' });
      if (child.status !== 0) throw new Error(`referee set-up failed: ${command} ${args.join(' ')}`);
    }
    if (!ready()) throw new Error(`referee set-up failed: ${python} cannot import ortools, scipy and numpy`);
  }
  return python;
}

function referee(python: string, file: string, tool: 'ortools' | 'scipy'): RefereeRun {
  const script = join(projectRoot(), 'bench/referees/matching_referee.py');
  return runJson<RefereeRun>(python, [script, file, tool, '3'], 1_800_000);
}

const median = <T extends { ms: number }>(runs: T[]): T => [...runs].sort((a, b) => a.ms - b.ms)[runs.length >> 1];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a: number, b: number) => (a / b).toFixed(2);

/** Same matched count and, to 1e-6, the same objective (and worst pair under fairness) as a referee. */
function sameOptimum(
  engine: { matched: number; objective: number; worst: number | null },
  r: RefereeRun,
  fair: boolean,
) {
  const close = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-6);
  return (
    engine.matched === r.matched && close(engine.objective, r.objective) && (!fair || close(engine.worst, r.worst))
  );
}

/**
 * Every family at 5,000 × 1,000: the engine (its solve alone, and the whole path from profiles to
 * the explained proposal, each the median of three processes) against OR-Tools' min-cost flow and
 * scipy's linear_sum_assignment (LAPJV on the capacity-expanded matrix), timed in the same run on
 * the same arcs (solve only: building their input is not counted). Then growth to 20,000 × 4,000.
 */
export function benchMatching(): { rows: BenchRow[]; table: string } {
  const python = refereePython();
  const dir = join(cacheDir(), 'bench-matching');
  mkdirSync(dir, { recursive: true });
  const rows: BenchRow[] = [];
  const lines = [
    `| family (${MENTEES} mentees × ${MENTORS} mentors) | forbidden pairs | engine solve | OR-Tools min-cost flow | scipy LAPJV | engine ÷ OR-Tools | engine ÷ scipy | engine full path (profiles → explained proposal) | full ÷ OR-Tools | full ÷ scipy | peak RSS (full) | matched | total score | objective | same optimum as both |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  let allEqual = true;
  for (const family of FAMILIES) {
    const file = join(dir, `${family}.bin`);
    node([family, String(MENTEES), String(MENTORS), 'export', file]);
    const size = [String(MENTEES), String(MENTORS)];
    const solve = median([1, 2, 3].map(() => node<EngineRun>([family, ...size, 'solve'])));
    const ortools = referee(python, file, 'ortools');
    const scipy = referee(python, file, 'scipy');
    const full = median([1, 2, 3].map(() => node<EngineRun>([family, ...size, 'full'])));
    const fair = family === 'fairness';
    const equal = solve.matched === full.matched && sameOptimum(full, ortools, fair) && sameOptimum(full, scipy, fair);
    allEqual &&= equal;
    lines.push(
      `| ${family}: ${FAMILY_DESCRIPTIONS[family]} | ${(full.infeasibleShare * 100).toFixed(0)} % | ${seconds(solve.ms)} | ${seconds(ortools.ms)} | ${seconds(scipy.ms)} | **${ratio(solve.ms, ortools.ms)}** | **${ratio(solve.ms, scipy.ms)}** | ${seconds(full.ms)} | ${ratio(full.ms, ortools.ms)} | ${ratio(full.ms, scipy.ms)} | ${full.maxRssMB.toFixed(0)} MB | ${full.matched} | ${full.total.toFixed(3)} | ${full.objective.toFixed(6)} | ${equal ? 'yes' : `**NO** (OR-Tools ${ortools.matched} / ${ortools.objective.toFixed(6)}, scipy ${scipy.matched} / ${scipy.objective.toFixed(6)})`} |`,
    );
    rows.push(
      { name: `matching ${family}: engine solve`, value: solve.ms, unit: 'ms' },
      { name: `matching ${family}: engine full path`, value: full.ms, unit: 'ms' },
      { name: `matching ${family}: OR-Tools`, value: ortools.ms, unit: 'ms' },
      { name: `matching ${family}: scipy`, value: scipy.ms, unit: 'ms' },
    );
  }
  lines.push(
    '',
    allEqual
      ? 'Matched counts and objectives (and, for fairness, the worst pair) are equal to both referees on every family.'
      : '**Some optimum differs from a referee: see the last column.**',
    '',
    '| growth (one run each) | size | engine full path (profiles → explained proposal) | peak RSS | feasible pairs | matched |',
    '|---|---|---:|---:|---:|---:|',
  );
  for (const family of GROWTH_FAMILIES) {
    for (const [mentees, mentors] of GROWTH) {
      const full = node<EngineRun>([family, String(mentees), String(mentors), 'full'], 1_800_000);
      lines.push(
        `| ${family} | ${mentees} × ${mentors} | ${seconds(full.ms)} | ${full.maxRssMB.toFixed(0)} MB | ${(100 - full.infeasibleShare * 100).toFixed(0)} % of ${((mentees * mentors) / 1e6).toFixed(0)} M | ${full.matched} |`,
      );
      rows.push({ name: `matching ${family} ${mentees}×${mentors}: engine full path`, value: full.ms, unit: 'ms' });
    }
  }
  return { rows, table: lines.join('\n') };
}
