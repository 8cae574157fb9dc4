import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Small files named for what they hold: a source file longer than this is two things. */
const MAX_LINES = 250;

// The matching solvers are dense numeric code read as a whole. Tests are not counted: an e2e file
// is one journey with its setup.
const EXEMPT = [/^libs\/domain\/src\/matching\//, /\.spec\.tsx?$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('file size', () => {
  it(`keeps every source file of apps, libs and bench within ${MAX_LINES} lines`, () => {
    const long = ['apps', 'libs', 'bench']
      .flatMap((root) => sourceFiles(root))
      .filter((file) => !EXEMPT.some((e) => e.test(file)))
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
