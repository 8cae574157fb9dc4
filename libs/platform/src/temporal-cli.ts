import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { cacheDir } from './project-paths.js';

// Finding the `temporal` CLI that runs the dev server: TEMPORAL_CLI_PATH, PATH, the cache, or a Go build.

/** The Temporal CLI version we build; later tags cannot be `go install`ed. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const cachedCliPath = (): string => join(cacheDir(), 'bin', 'temporal');

export function findTemporalCli(env: NodeJS.ProcessEnv, attempts: string[] = []): string | null {
  if (env.TEMPORAL_CLI_PATH) {
    if (isExecutable(env.TEMPORAL_CLI_PATH)) return env.TEMPORAL_CLI_PATH;
    throw new Error(`TEMPORAL_CLI_PATH=${env.TEMPORAL_CLI_PATH} is not an executable file`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'temporal');
    if (isExecutable(candidate)) return candidate;
  }
  attempts.push('no `temporal` executable on PATH and TEMPORAL_CLI_PATH is unset');
  const cached = cachedCliPath();
  if (isExecutable(cached)) return cached;
  attempts.push(`no CLI in the cache at ${cached}`);
  return null;
}

export function buildTemporalCliWithGo(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  attempts: string[],
): string | null {
  const go = spawnSync('go', ['version'], { env, encoding: 'utf8' });
  if (go.status !== 0) {
    attempts.push('Go is not installed, so the CLI could not be built');
    return null;
  }
  const target = cachedCliPath();
  mkdirSync(dirname(target), { recursive: true });
  log(`Building the Temporal CLI with ${go.stdout.trim()} (first run only; it takes several minutes)…`);
  log(`  CGO_ENABLED=0 GOBIN=${dirname(target)} go install -v ${TEMPORAL_CLI_MODULE}`);
  // -v prints each package as it compiles: that is the progress a person waits on.
  const built = spawnSync('go', ['install', '-v', TEMPORAL_CLI_MODULE], {
    env: { ...env, CGO_ENABLED: '0', GOBIN: dirname(target) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0 || !isExecutable(target)) {
    attempts.push(`go install ${TEMPORAL_CLI_MODULE} failed (exit ${built.status ?? built.signal})`);
    return null;
  }
  log(`Temporal CLI built at ${target}`);
  return target;
}
