import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { FastPairs, feasibleArcs } from '../libs/domain/src/matching/fast-pairs.js';
import { solveArcs, type ArcSolver } from '../libs/domain/src/matching/objective.js';
import { contributions, indexDecisions, pairBlockers, solveMatching } from '../libs/domain/src/index.js';
import { familyInstance, type FamilyName } from '../test/matching/families.js';

/**
 * One measurement in its own process (so that its peak memory is its own):
 *   node dist/bench/matching-run.js <family> <mentees> <mentors> full     profiles → explained proposal
 *   node dist/bench/matching-run.js <family> <mentees> <mentors> solve [auction|paths]   the solve alone, on the feasible arcs
 *   node dist/bench/matching-run.js <family> <mentees> <mentors> export <file>   arcs for the referees
 * Prints one JSON line.
 */
const [family, nMentees, nMentors, mode, file] = [
  process.argv[2] as FamilyName,
  Number(process.argv[3]),
  Number(process.argv[4]),
  process.argv[5],
  process.argv[6],
];
const SEED = 2026;
const instance = familyInstance(family, SEED, nMentees, nMentors);
const options = instance.options;
const rss = () => process.resourceUsage().maxRSS / 1024;

if (mode === 'full') {
  const start = performance.now();
  const { mentees, mentors, chains } = instance.candidates();
  const r = solveMatching(mentees, mentors, options, chains);
  const ms = performance.now() - start;
  const objective =
    r.totalScore -
    options.loadBalance *
      [...countBy(r.pairs.map((p) => p.mentorId)).values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  print({
    ms,
    maxRssMB: rss(),
    matched: r.pairs.length,
    total: r.totalScore,
    objective,
    worst: r.worstScore,
    unmatched: r.unmatched.length,
    explained: r.unmatched.filter((u) => u.reason === 'CAPACITY_EXHAUSTED').length,
    infeasibleShare: r.stats.infeasiblePairs / (r.stats.infeasiblePairs + r.stats.feasiblePairs),
  });
} else if (mode === 'solve') {
  const { mentees, mentors, chains } = instance.candidates();
  const t0 = performance.now();
  const fast = new FastPairs(mentees, mentors, options, chains, indexDecisions([]), indexDecisions([]));
  const arcs = feasibleArcs(
    fast,
    mentees.map((_, i) => i),
    mentors.length,
  );
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const capacity = Int32Array.from(mentors, (m) => m.capacity);
  const solver = (file ?? 'auction') as ArcSolver;
  const solved = solveArcs({ nLeft: mentees.length, nRight: mentors.length, capacity, ...arcs }, options, solver);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  // The objective of the solve's own answer, so that both solvers' optima can be compared.
  let matched = 0;
  let objective = 0;
  const load = new Int32Array(mentors.length);
  solved.mentorOf.forEach((j, i) => {
    if (j < 0) return;
    matched++;
    for (let k = arcs.edgeStart[i]; k < arcs.edgeStart[i + 1]; k++)
      if (arcs.edgeRight[k] === j) objective += arcs.edgeWeight[k] - load[j]++ * options.loadBalance;
  });
  print({
    arcsMs: t1 - t0,
    ms: t2 - t1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    matched,
    objective,
    phases: solved.phases,
    maxRssMB: rss(),
  });
} else if (mode === 'export') {
  // The referees' input, built by the explaining code path (pairBlockers, contributions), not the engine's fast one.
  const { mentees, mentors, chains } = instance.candidates();
  const none = indexDecisions([]);
  const rows: number[] = [];
  const cols: number[] = [];
  const weights: number[] = [];
  mentees.forEach((a, i) =>
    mentors.forEach((b, j) => {
      if (pairBlockers(a, b, options, chains, none, none).length > 0) return;
      rows.push(i);
      cols.push(j);
      weights.push(contributions(a, b, options.weights).score);
    }),
  );
  const header = JSON.stringify({
    mentees: mentees.length,
    mentors: mentors.length,
    arcs: rows.length,
    loadBalance: options.loadBalance,
    objective: options.objective,
  });
  const capacity = Int32Array.from(mentors, (m) => m.capacity);
  const headerBytes = Buffer.from(header.padEnd(Math.ceil((header.length + 1) / 8) * 8, ' ') + '\n');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`${headerBytes.length}\n`.padStart(16, ' ')),
      headerBytes,
      Buffer.from(Int32Array.from(capacity).buffer),
      Buffer.from(Int32Array.from(rows).buffer),
      Buffer.from(Int32Array.from(cols).buffer),
      Buffer.from(Float64Array.from(weights).buffer),
    ]),
  );
  print({ arcs: rows.length });
} else throw new Error(`unknown mode ${mode}`);

function countBy(keys: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

function print(fields: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ family, mode, ...fields }) + '\n');
}
