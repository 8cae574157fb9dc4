import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file whether it runs from source (tests) or from dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'mentorflow')
      return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('cannot find the mentorflow package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Downloaded or built tools (the Temporal CLI) live here; git ignores it. */
export const cacheDir = (): string => process.env.MENTORFLOW_CACHE_DIR ?? join(projectRoot(), '.cache');
/** Local state of the embedded default (Postgres cluster, Temporal SQLite file). */
export const dataDir = (): string => process.env.MENTORFLOW_DATA_DIR ?? join(projectRoot(), '.data');

/** The workflow entry for the bundler: the TypeScript source when present, else the compiled file. */
export function workflowsEntry(): string {
  const root = projectRoot();
  const source = join(root, 'libs/workflows/src/index.ts');
  if (existsSync(source)) return source;
  const compiled = join(root, 'dist/libs/workflows/src/index.js');
  if (existsSync(compiled)) return compiled;
  throw new Error(`no workflow code at ${source} or ${compiled}`);
}
