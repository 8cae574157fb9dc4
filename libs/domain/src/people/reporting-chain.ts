/**
 * The reporting lines of a company as a forest, indexed once so that "is A above B" is O(1):
 * a depth-first walk gives each person an entry and exit number, and A is an ancestor of B exactly
 * when A's interval contains B's. Building is O(n); 10,000 people take a few milliseconds.
 */
export class ReportingChains {
  private readonly enter = new Map<string, number>();
  private readonly exit = new Map<string, number>();
  private readonly managerOf = new Map<string, string | null>();
  private readonly reportsOf = new Map<string, string[]>();

  constructor(people: Iterable<{ id: string; managerId: string | null }>) {
    for (const p of people) {
      this.managerOf.set(p.id, p.managerId);
      if (!this.reportsOf.has(p.id)) this.reportsOf.set(p.id, []);
    }
    const roots: string[] = [];
    for (const [id, managerId] of this.managerOf) {
      if (managerId !== null && this.managerOf.has(managerId)) this.reportsOf.get(managerId)!.push(id);
      else roots.push(id);
    }
    let clock = 0;
    // Iterative walk: reporting lines can be deep, recursion could overflow the stack.
    for (const root of roots) {
      const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
      this.enter.set(root, clock++);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const reports = this.reportsOf.get(top.id)!;
        if (top.next < reports.length) {
          const child = reports[top.next++];
          this.enter.set(child, clock++);
          stack.push({ id: child, next: 0 });
        } else {
          this.exit.set(top.id, clock++);
          stack.pop();
        }
      }
    }
    if (this.enter.size !== this.managerOf.size) {
      throw new Error('the reporting lines contain a cycle; check them with findReportingCycles first');
    }
  }

  has(id: string): boolean {
    return this.enter.has(id);
  }

  /** Entry and exit numbers of the depth-first walk (see ChainOracle.span). */
  span(id: string): readonly [number, number] | undefined {
    const enter = this.enter.get(id);
    return enter === undefined ? undefined : [enter, this.exit.get(id)!];
  }

  /** True when `ancestor` is above `person` in the reporting line (at any depth). */
  isAbove(ancestor: string, person: string): boolean {
    const a = this.enter.get(ancestor);
    const p = this.enter.get(person);
    if (a === undefined || p === undefined || ancestor === person) return false;
    return a < p && this.exit.get(person)! < this.exit.get(ancestor)!;
  }

  /** Either is above the other: a mentor must not be in the mentee's chain, in either direction. */
  inSameChain(a: string, b: string): boolean {
    return this.isAbove(a, b) || this.isAbove(b, a);
  }

  /** Managers from the direct one up to the top. */
  ancestors(id: string): string[] {
    const out: string[] = [];
    let current = this.managerOf.get(id) ?? null;
    while (current !== null && this.managerOf.has(current)) {
      out.push(current);
      current = this.managerOf.get(current) ?? null;
    }
    return out;
  }

  /** Everyone below, breadth first. */
  descendants(id: string): string[] {
    const out: string[] = [];
    const queue = [...(this.reportsOf.get(id) ?? [])];
    for (let i = 0; i < queue.length; i++) {
      const next = queue[i];
      out.push(next);
      queue.push(...(this.reportsOf.get(next) ?? []));
    }
    return out;
  }

  directReportCount(id: string): number {
    return this.reportsOf.get(id)?.length ?? 0;
  }
}

/** Each cycle in manager links, as the list of people on it (each cycle reported once). */
export function findReportingCycles(people: Iterable<{ id: string; managerId: string | null }>): string[][] {
  const managerOf = new Map<string, string | null>();
  for (const p of people) managerOf.set(p.id, p.managerId);
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && managerOf.has(current) && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      current = managerOf.get(current) ?? null;
    }
    if (current !== null && state.get(current) === 'visiting') cycles.push(path.slice(path.indexOf(current)));
    for (const id of path) state.set(id, 'done');
  }
  return cycles;
}
