import highsModule from 'highs';

export interface Highs {
  solve(lp: string): { Status: string; ObjectiveValue: number };
}
// The package's types describe a CommonJS `export =`; under ESM the default import is that function.
export const loadHighs = highsModule as unknown as () => Promise<Highs>;
