import { Inject, Injectable } from '@nestjs/common';
import { RateLimitQueries, type WindowCount } from '../../../../libs/persistence/src/index.js';
import type { RateLimits } from '../http/rate-limit.js';
import { RATE_LIMITS } from '../tokens.js';

/**
 * The limits the auth guard applies, counted in Postgres so that a guesser spreading requests over
 * the replicas meets the same limit as one sending them all to one replica.
 */
@Injectable()
export class RateLimitService {
  constructor(
    private readonly counters: RateLimitQueries,
    @Inject(RATE_LIMITS) readonly limits: RateLimits,
  ) {}

  /** Failed authentications from this address in the current window. */
  failuresFrom(address: string): Promise<WindowCount> {
    return this.counters.count(`auth-failures:${address}`, this.limits.windowMs);
  }

  recordFailure(address: string): Promise<WindowCount> {
    return this.counters.hit(`auth-failures:${address}`, this.limits.windowMs);
  }

  /** Counts one call by this person to the expensive endpoint and returns the window's count. */
  expensiveCall(endpoint: string, personId: string): Promise<WindowCount> {
    return this.counters.hit(`${endpoint}:${personId}`, this.limits.windowMs);
  }
}
