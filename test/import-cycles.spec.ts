import { describe, expect, it } from '@jest/globals';
import { importCycles, importGraph } from './support/import-graph.js';

/** A circle of imports hides which module a rule belongs to; the domain and the apps have none. */
describe('import circles', () => {
  it.each([
    'libs/domain',
    'libs/contracts',
    'libs/persistence',
    'libs/platform',
    'libs/workflows',
    'apps/api',
    'apps/worker',
    'apps/cli',
  ])('%s has none (type-only imports included)', (root) => {
    expect(importCycles(importGraph([root]))).toEqual([]);
  });

  it('finds a circle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('reads type-only imports and re-exports as edges', () => {
    const graph = importGraph(['libs/domain']);
    expect(graph.get('libs/domain/src/index.ts')).toContain('libs/domain/src/program/program-fold.ts');
    expect(graph.get('libs/domain/src/program/program-state.ts')).toContain(
      'libs/domain/src/program/program-values.ts',
    );
  });
});
