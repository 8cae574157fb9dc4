import { parseArgs } from 'node:util';
import { isRole, type Role } from '../../../libs/domain/src/index.js';
import { issueToken, openDatabase } from '../../../libs/persistence/src/index.js';
import { loadConfig } from '../../../libs/platform/src/index.js';
import { provideDatabase } from './local-database.js';

const usage = `Usage: npm run token:issue -- --person <id> --name "<display name>" --roles <role,role> [--email <email>] [--label <text>] [--days <n>]
Roles: owner, sponsor, supervisor, mentor, mentee, hr-admin, operator. The token expires after --days (default TOKEN_TTL_DAYS, 90).
Uses DATABASE_URL, else the embedded Postgres.`;

/** Issues a bearer token straight in the database: how the first admin gets in. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      person: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      email: { type: 'string' },
      label: { type: 'string' },
      days: { type: 'string' },
    },
  });
  if (!values.person || !values.roles) throw new Error(usage);
  const roles = values.roles.split(',').map((r) => r.trim());
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length > 0) throw new Error(`unknown role(s): ${bad.join(', ')}\n${usage}`);
  const config = loadConfig();
  const days = values.days === undefined ? config.security.tokenTtlDays : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new Error(`--days must be 1 to 3650\n${usage}`);
  const database = await provideDatabase(config, (line) => process.stderr.write(line + '\n'));
  const db = await openDatabase(database.url);
  try {
    const issued = await issueToken(db, {
      personId: values.person,
      displayName: values.name ?? values.person,
      email: values.email ?? null,
      roles: roles as Role[],
      label: values.label ?? 'cli',
      ttlDays: days,
    });
    process.stderr.write(
      `Token for ${issued.personId} (${issued.roles.join(', ')}), valid until ${issued.expiresAt}; it is shown once:\n`,
    );
    process.stdout.write(issued.token + '\n');
  } finally {
    await db.destroy();
    await database.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
