import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { issueToken, TokenQueries } from '../../../libs/persistence/src/index.js';
import { DEMO_PROGRAM, seedDemo } from '../../cli/src/demo.js';
import { dataDir } from '../../../libs/platform/src/index.js';

/** Steps shared by `npm start` (one process) and `npm run cluster` (a process per part). */
export const log = (line: string) => process.stdout.write(`[mentorflow] ${line}\n`);

/** The demo company and program are seeded unless `--no-demo` or MENTORFLOW_DEMO=off. */
export function demoWanted(): boolean {
  const env = process.env.MENTORFLOW_DEMO?.trim().toLowerCase();
  if (env !== undefined && env !== '' && env !== 'on' && env !== 'off')
    throw new Error(`MENTORFLOW_DEMO must be "on" or "off", got "${process.env.MENTORFLOW_DEMO}"`);
  return !process.argv.includes('--no-demo') && env !== 'off';
}

/** Seeds through the API it just started, as the CLI would; a failure is reported, not fatal. */
export async function seedDemoInBackground(port: number): Promise<void> {
  process.env.MENTORFLOW_URL ??= `http://127.0.0.1:${port}`;
  try {
    const demo = await seedDemo((step) => log(`Demo: ${step}`));
    if (demo.created)
      log(
        `Demo: program "${DEMO_PROGRAM}" in EXECUTION with ${demo.mentorships} mentorships (turn off with --no-demo).`,
      );
    else log(`Demo: program "${DEMO_PROGRAM}" already seeded.`);
    log(`Demo: sign in to the dashboard as its owner with this token: ${demo.ownerToken}`);
  } catch (e) {
    log(`Demo: not seeded (${e instanceof Error ? e.message : String(e)}); the system runs without it.`);
  }
}

/**
 * On the very first start there is no token at all: issue an admin one so a person can begin. A
 * saved admin token that has since expired or been revoked is replaced the same way (local use).
 */
export async function printFirstAdminToken(db: DataSource, ttlDays: number): Promise<void> {
  const file = join(dataDir(), 'admin-token');
  const rows: Array<{ n: string }> = await db.query('SELECT count(*) AS n FROM api_tokens');
  const saved = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  const savedWorks = saved !== '' && (await new TokenQueries(db).authenticate(saved)) !== null;
  if (Number(rows[0]?.n ?? 0) > 0 && (saved === '' || savedWorks)) return;
  const issued = await issueToken(db, {
    personId: 'admin',
    displayName: 'Administrator',
    email: null,
    roles: ['hr-admin', 'owner', 'operator'],
    label: 'first admin',
    ttlDays,
  });
  mkdirSync(dataDir(), { recursive: true });
  writeFileSync(file, issued.token + '\n');
  chmodSync(file, 0o600);
  log(`Admin token (roles hr-admin, owner, operator; valid until ${issued.expiresAt}), also saved in ${file}:`);
  log(`  ${issued.token}`);
}
