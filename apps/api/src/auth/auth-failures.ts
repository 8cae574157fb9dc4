import { HttpException, Injectable } from '@nestjs/common';
import { RateLimitService } from './rate-limit.service.js';

/**
 * Failed authentications per client address, counted alike on every way in — a bearer token on
 * the API, the dashboard's token form, a sign-in with the identity provider that finds nobody —
 * so no path is left for guessing. Past the limit, every attempt from that address waits. The
 * counts are in Postgres (RateLimitService): a guesser spreading attempts over the API replicas
 * meets the same limit.
 */
@Injectable()
export class AuthFailures {
  constructor(private readonly rateLimits: RateLimitService) {}

  /** 429 AUTH.TOO_MANY_FAILURES (with Retry-After) when this address failed too often in the window. */
  async assertAllowed(client: string | undefined): Promise<void> {
    const failures = await this.rateLimits.failuresFrom(client ?? 'unknown');
    if (failures.count < this.rateLimits.limits.authFailures) return;
    throw new HttpException(
      {
        statusCode: 429,
        code: 'AUTH.TOO_MANY_FAILURES',
        message: 'too many failed authentications from this address; wait and retry',
        retryAfterSeconds: failures.retryAfterSeconds,
      },
      429,
    );
  }

  async failed(client: string | undefined): Promise<void> {
    await this.rateLimits.recordFailure(client ?? 'unknown');
  }
}
