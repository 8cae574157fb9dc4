import { SetMetadata } from '@nestjs/common';

/** Limits of this API process (in memory: each API instance counts for itself). */
export interface RateLimits {
  /** Failed authentications per client address and window before every request from it gets 429. */
  authFailures: number;
  /** Calls per person and window to each expensive endpoint (imports, matching solves). */
  expensiveCalls: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { authFailures: 30, expensiveCalls: 10, windowMs: 60_000 };

export const EXPENSIVE = 'mentorflow:expensive';
/** Marks an endpoint whose calls are counted per person (see RateLimits.expensiveCalls). */
export const Expensive = (name: string) => SetMetadata(EXPENSIVE, name);

/** Fixed-window counters keyed by string; old windows are dropped as they are met. */
export class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly windowMs: number) {}

  /** Current count for the key in its window (0 when the window passed). */
  count(key: string, now: number): number {
    const w = this.windows.get(key);
    return w && now - w.start < this.windowMs ? w.count : 0;
  }

  /** Adds one and returns the new count. */
  hit(key: string, now: number): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.windows.clear(); // bounded memory under a flood of keys
      this.windows.set(key, { start: now, count: 1 });
      return 1;
    }
    w.count++;
    return w.count;
  }

  retryAfterSeconds(key: string, now: number): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 1;
  }
}
