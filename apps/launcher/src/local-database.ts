import { join } from 'node:path';
import pg from 'pg';
import { dataDir, startEmbeddedPostgres, type MentorflowConfig } from '../../../libs/platform/src/index.js';

export interface LocalDatabase {
  url: string;
  source: 'DATABASE_URL' | 'embedded' | 'embedded (already running)';
  stop(): Promise<void>;
}

const DATABASE = 'mentorflow';

/** DATABASE_URL when set; else the embedded Postgres in .data/postgres (started here unless it already runs). */
export async function provideDatabase(config: MentorflowConfig, log: (line: string) => void): Promise<LocalDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, source: 'DATABASE_URL', stop: async () => undefined };
  const url = `postgres://postgres:mentorflow@127.0.0.1:${config.embeddedPostgresPort}/${DATABASE}`;
  if (await answers(url)) return { url, source: 'embedded (already running)', stop: async () => undefined };
  const dir = join(dataDir(), 'postgres');
  log(`Starting the embedded Postgres (data in ${dir}, port ${config.embeddedPostgresPort})…`);
  const server = await startEmbeddedPostgres({ dir, port: config.embeddedPostgresPort, log });
  return { url: await server.createDatabase(DATABASE), source: 'embedded', stop: () => server.stop() };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
