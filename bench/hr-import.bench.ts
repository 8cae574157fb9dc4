import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Access } from '../apps/api/src/access/access.service.js';
import { PeopleService } from '../apps/api/src/people/people.service.js';
import { parseCsv, planHrImport, ReportingChains } from '../libs/domain/src/index.js';
import { createQueries, loadDirectory, openDatabase } from '../libs/persistence/src/index.js';
import { freePort, startEmbeddedPostgres } from '../libs/platform/src/index.js';
import { companyCsv } from './company.js';
import type { BenchRow } from './report.js';

const ms = (start: number) => performance.now() - start;

/** HR import of a 10,000-person company into a real Postgres, and the chain checks matching needs. */
export async function benchHrImport(size = 10_000): Promise<BenchRow[]> {
  const pg = await startEmbeddedPostgres({
    dir: mkdtempSync(join(tmpdir(), 'mentorflow-bench-pg-')),
    port: await freePort(),
  });
  const db = await openDatabase(await pg.createDatabase('bench'));
  try {
    const csv = companyCsv(size);
    const rows: BenchRow[] = [];
    const admin = { personId: 'bench', roles: ['hr-admin' as const] };
    await db.query(`INSERT INTO people (id, display_name) VALUES ('bench', 'bench')`);
    const queries = createQueries(db);
    const service = new PeopleService(
      queries.people,
      queries.directory,
      new Access(queries.programs, queries.mentorships, queries.nominations),
    );

    let t = performance.now();
    const parsed = parseCsv(csv);
    rows.push({ name: `parse ${size}-row CSV (${(csv.length / 1e6).toFixed(1)} MB)`, value: ms(t), unit: 'ms' });
    if (parsed.errors.length > 0) throw new Error('bench CSV does not parse');

    t = performance.now();
    planHrImport(csv, new Map());
    rows.push({ name: `plan ${size}-row import (validate, cycles, diff)`, value: ms(t), unit: 'ms' });

    const rssBefore = process.memoryUsage().rss;
    t = performance.now();
    const first = await service.importCsv(csv, admin, false);
    rows.push({ name: `import ${size} new people into Postgres (one transaction)`, value: ms(t), unit: 'ms' });
    if (first.created !== size) throw new Error(`expected ${size} created, got ${first.created}`);

    t = performance.now();
    const again = await service.importCsv(csv, admin, false);
    rows.push({ name: `re-import the same ${size} rows (nothing changes)`, value: ms(t), unit: 'ms' });
    if (again.changed) throw new Error('re-import changed something');
    rows.push({
      name: 'peak RSS during the imports (process maxRSS)',
      value: process.resourceUsage().maxRSS / 1024,
      unit: 'MB',
    });
    rows.push({
      name: 'RSS growth across the imports',
      value: (process.memoryUsage().rss - rssBefore) / 1e6,
      unit: 'MB',
    });

    const directory = await loadDirectory(db);
    t = performance.now();
    const chains = new ReportingChains(directory.values());
    rows.push({ name: `index reporting chains of ${directory.size} people`, value: ms(t), unit: 'ms' });
    const mentors = [...directory.values()].filter((p) => p.mentorPool).map((p) => p.id);
    const mentees = [...directory.values()].filter((p) => p.teamSize > 0 && p.jobLevel === 'M1').map((p) => p.id);
    t = performance.now();
    let inChain = 0;
    for (const mentor of mentors) for (const mentee of mentees) if (chains.inSameChain(mentor, mentee)) inChain++;
    const pairs = mentors.length * mentees.length;
    rows.push({
      name: `"mentor in mentee's chain" for all ${mentors.length}×${mentees.length} = ${pairs} pairs (${inChain} in chain)`,
      value: ms(t),
      unit: 'ms',
    });
    return rows;
  } finally {
    await db.destroy();
    await pg.stop();
  }
}
