import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDir } from './project-paths.js';
import { isExecutable } from './temporal-cli.js';

/** The real Temporal server, built from its official Go module (its go.mod has no `replace`, so go install works). */
export const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';

export interface TemporalServerInstall {
  server: string;
  sqlTool: string;
  /** schema/postgresql/v12 of the module: `temporal/` and `visibility/`, each with `versioned/`. */
  schemaDir: string;
}

export const serverInstallDir = (): string => join(cacheDir(), `temporal-server-${TEMPORAL_SERVER_VERSION}`);

/**
 * The server and its schema tool from the cache, built with Go on first use (about 4 minutes on two
 * cores), plus the Postgres schema files copied out of the module. There is no fallback: without Go
 * and the module proxy this fails, naming what to do.
 */
export function installTemporalServer(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): TemporalServerInstall {
  const dir = serverInstallDir();
  const install = {
    server: join(dir, 'bin', 'server'),
    sqlTool: join(dir, 'bin', 'sql'),
    schemaDir: join(dir, 'schema', 'postgresql', 'v12'),
  };
  if (isExecutable(install.server) && isExecutable(install.sqlTool) && existsSync(join(install.schemaDir, 'temporal')))
    return install;
  const go = spawnSync('go', ['version'], { env, encoding: 'utf8' });
  if (go.status !== 0)
    throw new Error(
      `the Temporal server is not in ${dir} and Go is not installed to build it: install Go, or run a cluster ` +
        'elsewhere and point TEMPORAL_ADDRESS at it',
    );
  const goEnv = { ...env, CGO_ENABLED: '0', GOBIN: join(dir, 'bin') };
  for (const pkg of ['cmd/server', 'cmd/tools/sql']) {
    const module = `${TEMPORAL_SERVER_MODULE}/${pkg}@${TEMPORAL_SERVER_VERSION}`;
    log(`Building ${module} with ${go.stdout.trim()} (first run only; several minutes)…`);
    const built = spawnSync('go', ['install', module], { env: goEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    if (built.status !== 0) throw new Error(`go install ${module} failed (exit ${built.status ?? built.signal})`);
  }
  // The schema files are not in the binaries: take them from the module go just downloaded.
  const download = spawnSync(
    'go',
    ['mod', 'download', '-json', `${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`],
    {
      env: goEnv,
      encoding: 'utf8',
    },
  );
  if (download.status !== 0) throw new Error(`go mod download ${TEMPORAL_SERVER_MODULE} failed: ${download.stderr}`);
  const moduleDir = (JSON.parse(download.stdout) as { Dir: string }).Dir;
  mkdirSync(dirname(install.schemaDir), { recursive: true });
  cpSync(join(moduleDir, 'schema', 'postgresql', 'v12'), install.schemaDir, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', join(dir, 'schema')]);
  log(`Temporal server ${TEMPORAL_SERVER_VERSION} built in ${dir}`);
  return install;
}
