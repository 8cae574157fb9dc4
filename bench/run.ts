import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../libs/platform/src/index.js';
import { benchHrImport } from './hr-import.bench.js';
import { benchMatching } from './matching.bench.js';
import { machine, markdownTable } from './report.js';

/**
 * `npm run bench`: runs the benchmarks in one process on this machine, prints a markdown table
 * and records it in docs/BENCHMARKS.md (between the generated markers) with the machine and the command.
 */
async function main(): Promise<void> {
  const started = new Date().toISOString();
  const only = process.argv[2];
  const sections: string[] = [];
  if (!only || only === 'hr') sections.push(`### HR directory (10,000 people)\n\n${markdownTable(await benchHrImport())}`);
  if (!only || only === 'matching') sections.push(`### Matching\n\nScores are in score units (0 to 1 per pair); the gap is the share of the engine's total score lost.\n\n${benchMatching().table}`);
  const body = [`Run ${started} on ${machine()}, with \`npm run bench\`.`, ...sections].join('\n\n');
  process.stdout.write(body + '\n');
  const file = join(projectRoot(), 'docs', 'BENCHMARKS.md');
  const doc = readFileSync(file, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const next = doc.slice(0, doc.indexOf(begin) + begin.length) + '\n' + body + '\n' + doc.slice(doc.indexOf(end));
  writeFileSync(file, next);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
