import { describe, expect, it } from '@jest/globals';
import { findReportingCycles, ReportingChains } from './reporting-chain.js';

//        ceo
//       /   \
//     vp1   vp2
//     / \     \
//    m1  m2    m3
//    |
//    e1
const people = [
  { id: 'ceo', managerId: null },
  { id: 'vp1', managerId: 'ceo' },
  { id: 'vp2', managerId: 'ceo' },
  { id: 'm1', managerId: 'vp1' },
  { id: 'm2', managerId: 'vp1' },
  { id: 'm3', managerId: 'vp2' },
  { id: 'e1', managerId: 'm1' },
];

describe('reporting chains', () => {
  const chains = new ReportingChains(people);

  it('knows ancestors and descendants', () => {
    expect(chains.ancestors('e1')).toEqual(['m1', 'vp1', 'ceo']);
    expect(chains.descendants('vp1').sort()).toEqual(['e1', 'm1', 'm2']);
    expect(chains.descendants('e1')).toEqual([]);
    expect(chains.directReportCount('vp1')).toBe(2);
  });

  it('tells whether two people are in the same chain, in either direction and at any depth', () => {
    expect(chains.inSameChain('ceo', 'e1')).toBe(true);
    expect(chains.inSameChain('e1', 'vp1')).toBe(true);
    expect(chains.inSameChain('m2', 'e1')).toBe(false);
    expect(chains.inSameChain('m3', 'm1')).toBe(false);
    expect(chains.inSameChain('e1', 'e1')).toBe(false);
    expect(chains.isAbove('e1', 'ceo')).toBe(false);
  });

  it('gives each person an interval that holds exactly the intervals of the people below', () => {
    const [ce, cx] = chains.span('ceo')!;
    const [ee, ex] = chains.span('e1')!;
    const [me, mx] = chains.span('m3')!;
    expect(ce < ee && ex < cx).toBe(true);
    expect(me < ee && ex < mx).toBe(false);
    expect(chains.span('nobody')).toBeUndefined();
  });

  it('agrees with a naive walk on a large random company', () => {
    const n = 3000;
    const big = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      managerId: i === 0 ? null : `p${Math.floor(Math.random() * i)}`,
    }));
    const index = new ReportingChains(big);
    const managerOf = new Map(big.map((p) => [p.id, p.managerId]));
    const naiveAbove = (a: string, b: string) => {
      for (let m = managerOf.get(b) ?? null; m !== null; m = managerOf.get(m) ?? null) if (m === a) return true;
      return false;
    };
    for (let k = 0; k < 5000; k++) {
      const a = `p${Math.floor(Math.random() * n)}`;
      const b = `p${Math.floor(Math.random() * n)}`;
      expect(index.isAbove(a, b)).toBe(naiveAbove(a, b));
    }
  });

  it('handles a deep line without recursion limits', () => {
    const line = Array.from({ length: 50_000 }, (_, i) => ({ id: `d${i}`, managerId: i === 0 ? null : `d${i - 1}` }));
    expect(new ReportingChains(line).isAbove('d0', 'd49999')).toBe(true);
  });

  it('finds cycles and refuses to index them', () => {
    const cyclic = [...people, { id: 'x', managerId: 'y' }, { id: 'y', managerId: 'x' }];
    expect(findReportingCycles(cyclic)).toEqual([['x', 'y']]);
    expect(findReportingCycles(people)).toEqual([]);
    expect(() => new ReportingChains(cyclic)).toThrow(/cycle/);
  });
});
