import { HttpException, Inject, Injectable } from '@nestjs/common';
import { WindowCounter, type RateLimits } from '../http/rate-limit.js';
import { RATE_LIMITS } from '../tokens.js';

/**
 * Failed authentications per client address, counted alike on every way in — a bearer token on
 * the API, the dashboard's token form, a sign-in with the identity provider that finds nobody —
 * so no path is left for guessing. Past the limit, every attempt from that address waits.
 */
@Injectable()
export class AuthFailures {
  private readonly failures: WindowCounter;

  constructor(@Inject(RATE_LIMITS) private readonly limits: RateLimits) {
    this.failures = new WindowCounter(limits.windowMs);
  }

  /** 429 AUTH.TOO_MANY_FAILURES (with Retry-After) when this address failed too often in the window. */
  assertAllowed(client: string | undefined, now = Date.now()): void {
    const key = client ?? 'unknown';
    if (this.failures.count(key, now) < this.limits.authFailures) return;
    const retryAfterSeconds = this.failures.retryAfterSeconds(key, now);
    throw new HttpException(
      {
        statusCode: 429,
        code: 'AUTH.TOO_MANY_FAILURES',
        message: 'too many failed authentications from this address; wait and retry',
        retryAfterSeconds,
      },
      429,
    );
  }

  failed(client: string | undefined, now = Date.now()): void {
    this.failures.hit(client ?? 'unknown', now);
  }
}
