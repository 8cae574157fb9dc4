import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { ensureDatabase } from './embedded-postgres.js';
import type { TemporalServerInstall } from './temporal-server-install.js';

/** Where Temporal keeps its two databases (the server of DATABASE_URL, or the embedded Postgres). */
export interface ClusterDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Database names; distinct names let several clusters share one Postgres server. */
  temporal: string;
  visibility: string;
}

/** The same server and credentials as a postgres:// URL, with Temporal's two database names. */
export function clusterDatabaseFromUrl(url: string, prefix = 'temporal'): ClusterDatabase {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    temporal: prefix,
    visibility: `${prefix}_visibility`,
  };
}

export const urlOf = (db: ClusterDatabase, name: string) =>
  `postgres://${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}@${db.host}:${db.port}/${name}`;

/** Creates both databases and applies the module's schemas (set-up once, then update-schema, which is idempotent). */
export async function setupTemporalSchemas(
  install: TemporalServerInstall,
  db: ClusterDatabase,
  log: (line: string) => void,
): Promise<void> {
  for (const [name, schema] of [
    [db.temporal, 'temporal'],
    [db.visibility, 'visibility'],
  ] as const) {
    await ensureDatabase(urlOf(db, 'postgres'), name);
    const tool = (...args: string[]) => {
      const run = spawnSync(
        install.sqlTool,
        ['--plugin', 'postgres12', '--ep', db.host, '-p', String(db.port), '-u', db.user, '--pw', db.password]
          .concat(['--db', name, '--quiet'])
          .concat(args),
        { encoding: 'utf8' },
      );
      if (run.status !== 0)
        throw new Error(`temporal sql tool ${args[0]} on ${name} failed: ${run.stderr || run.stdout}`);
    };
    if (!(await hasTable(urlOf(db, name), 'schema_version'))) {
      log(`Temporal: setting up the ${schema} schema in database ${name}`);
      tool('setup-schema', '-v', '0.0');
    }
    tool('update-schema', '-d', join(install.schemaDir, schema, 'versioned'));
  }
}

/** Resolves once history has written the cluster's metadata (the other services need it at start). */
export async function waitForClusterMetadata(url: string, alive: () => void): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    alive();
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const rows = await client.query('SELECT 1 FROM cluster_metadata_info LIMIT 1');
      if ((rows.rowCount ?? 0) > 0) return;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the Temporal history service did not write the cluster metadata within 60 s');
}

async function hasTable(url: string, table: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM information_schema.tables WHERE table_name = $1', [table]);
    return (found.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}
