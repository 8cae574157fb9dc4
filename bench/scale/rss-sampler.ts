import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory of each process of the system, sampled while it runs (max kept). */
export class RssSampler {
  readonly max = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly processes: () => Array<[string, number | undefined]>) {}
  start(): void {
    this.timer = setInterval(() => this.sample(), 15_000);
    this.sample();
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
  private sample(): void {
    const rss = (pid: number) => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) * 1024 : 0;
      } catch {
        return 0;
      }
    };
    const postgres = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres';
        } catch {
          return false;
        }
      })
      .reduce((sum, d) => sum + rss(Number(d)), 0);
    for (const [name, pid] of [...this.processes(), ['postgres (all processes)', -1] as [string, number]]) {
      const value = pid === -1 ? postgres : pid ? rss(pid) : 0;
      this.max.set(name, Math.max(this.max.get(name) ?? 0, value));
    }
  }
}
