import { SetMetadata } from '@nestjs/common';

/** Limits shared by every API replica: the counters live in Postgres (RateLimitQueries, through RateLimitService). */
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
