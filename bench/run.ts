import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../libs/platform/src/index.js';
import { benchApi } from './api.bench.js';
import { benchHrImport } from './hr-import.bench.js';
import { benchThroughput } from './throughput.bench.js';
import { benchMatching } from './matching.bench.js';
import { benchMentorshipHistory } from './mentorship-history.bench.js';
import { benchProgramHistory } from './program-history.bench.js';
import { benchScale } from './scale.bench.js';
import { scaleOptions } from './scale/scale-policy.js';
import { SCALE_TEMPORAL, SCALE_WORKERS } from './scale/scale-system.js';
import { machine, markdownTable } from './report.js';

/**
 * `npm run bench`: runs the benchmarks in one process on this machine, prints a markdown table
 * and records it in docs/BENCHMARKS.md (between the generated markers) with the machine and the command.
 */
async function main(): Promise<void> {
  const started = new Date().toISOString();
  const only = process.argv[2];
  const sections: string[] = [];
  if (!only || only === 'hr')
    sections.push(`### HR directory (10,000 people)\n\n${markdownTable(await benchHrImport())}`);
  if (!only || only === 'matching')
    sections.push(
      `### Matching\n\nEngine times are medians of three processes; referees' times are medians of three solves (one when a solve takes over 5 s), solve only. Ratios use the engine's solve; the full path adds building candidates from profiles, the feasible pairs and their scores, and every explanation. Objective = total score less the load-balance price.\n\n${benchMatching().table}`,
    );
  if (!only || only === 'throughput') {
    sections.push(
      `### Workflow throughput (embedded dev server, one worker, 100 clients at a time)\n\n${markdownTable(await benchThroughput())}`,
    );
  }
  if (!only || only === 'api') {
    sections.push(
      `### API: action latency and load (API in its own process, real Postgres and authentication)\n\n${markdownTable(await benchApi())}`,
    );
  }
  if (!only || only === 'history') {
    sections.push(
      `### Mentorship history over two simulated years (weekly sessions, dev server with default limits)\n\n${markdownTable(await benchMentorshipHistory())}`,
    );
    sections.push(
      `### Program history over two simulated years (quarterly re-alignment reviews, 20 mentorships, dev server with default limits)\n\n${markdownTable(await benchProgramHistory())}`,
    );
  }
  // Not part of a full run: at its defaults it monopolises the machine for about two hours (run it on its own).
  if (only === 'scale') {
    const options = scaleOptions();
    const { rows, notes } = await benchScale(options);
    sections.push(
      `### Scale: ${options.mentorships.toLocaleString('en')} live mentorships on the cluster (4 Temporal service processes, ${SCALE_TEMPORAL.historyShards} history shards, 2 workers caching ${SCALE_WORKERS.maxCachedWorkflows.toLocaleString('en')} runs each in a ${SCALE_WORKERS.heapMiB / 1024} GiB heap, 2 API replicas), held ${options.holdMs / 60_000} min\n\n${markdownTable(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}`,
    );
  }
  // A partial run's sections say when they were measured: the header keeps only the latest run's date.
  if (only)
    sections.forEach((section, i) => {
      const [heading, ...rest] = section.split('\n\n');
      sections[i] = [heading, `Measured ${started} with \`npm run bench ${only}\` on ${machine()}.`, ...rest].join(
        '\n\n',
      );
    });
  const body = [`Run ${started} on ${machine()}, with \`npm run bench\`.`, ...sections].join('\n\n');
  process.stdout.write(body + '\n');
  const file = join(projectRoot(), 'docs', 'BENCHMARKS.md');
  const doc = readFileSync(file, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  // A partial run (`npm run bench history`) replaces its own sections and keeps the others' last figures.
  const previous = doc.slice(doc.indexOf(begin) + begin.length, doc.indexOf(end));
  const headingOf = (section: string) => section.split('\n')[0];
  const kept = only
    ? previous
        .split(/\n(?=### )/)
        .slice(1)
        .filter((old) => !sections.some((s) => headingOf(s) === headingOf(old)))
        .map((x) => x.trim())
    : [];
  const earlier = previous
    .trim()
    .split('\n')[0]
    .replace(/^Partial run .*?; other sections: /, '');
  const header = only
    ? `Partial run ${started} (\`npm run bench ${only}\`) on ${machine()}; other sections: ${earlier}`
    : body.split('\n\n')[0];
  const recorded = [header, ...sections, ...kept].join('\n\n');
  const next = doc.slice(0, doc.indexOf(begin) + begin.length) + '\n' + recorded + '\n' + doc.slice(doc.indexOf(end));
  writeFileSync(file, next);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
