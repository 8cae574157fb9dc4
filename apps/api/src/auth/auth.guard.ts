import {
  ForbiddenException,
  HttpException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../../../../libs/domain/src/index.js';
import { PUBLIC_ROUTE, REQUIRED_ROLES, SCRAPE_SECRET, type AuthenticatedRequest } from './auth.decorators.js';
import { AuthFailures } from './auth-failures.js';
import { Credentials } from './credentials.service.js';
import { EXPENSIVE } from '../http/rate-limit.js';
import { RateLimitService } from './rate-limit.service.js';

/**
 * Global guard: every route needs a valid bearer credential — a mentorflow token, or the identity
 * provider's access token when one is configured — unless marked @Public() (health, API docs, the
 * dashboard's own pages, which sign their readers in by session).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: Credentials,
    private readonly failures: AuthFailures,
    private readonly rateLimits: RateLimitService,
  ) {}

  private get limits() {
    return this.rateLimits.limits;
  }

  private tooMany(code: string, message: string, retryAfter: number): HttpException {
    return new HttpException({ statusCode: 429, code, message, retryAfterSeconds: retryAfter }, 429);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { ip?: string }>();
    // Guessing tokens: after too many failures from one address, everything from it waits.
    const client = request.ip;
    await this.failures.assertAllowed(client);
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match)
      throw new UnauthorizedException({
        code: 'AUTH.MISSING_TOKEN',
        message: 'a bearer token is required (Authorization: Bearer <token>)',
      });
    const secret = match[1] ?? '';
    if (this.reflector.getAllAndOverride<boolean>(SCRAPE_SECRET, targets) && this.credentials.isMetricsSecret(secret))
      return true;
    const actor = await this.credentials.bearer(secret);
    if (!actor) {
      await this.failures.failed(client);
      throw new UnauthorizedException({
        code: 'AUTH.INVALID_TOKEN',
        message: 'the bearer token is unknown, expired or revoked, or its person has left',
      });
    }
    request.actor = actor;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => actor.roles.includes(role))) {
      throw new ForbiddenException({
        code: 'AUTH.ROLE_REQUIRED',
        message: `this action needs one of the roles: ${required.join(', ')}`,
      });
    }
    const expensive = this.reflector.getAllAndOverride<string | undefined>(EXPENSIVE, targets);
    if (expensive) {
      const calls = await this.rateLimits.expensiveCall(expensive, actor.personId);
      if (calls.count > this.limits.expensiveCalls) {
        throw this.tooMany(
          'RATE_LIMITED',
          `at most ${this.limits.expensiveCalls} calls to this endpoint per person per ${this.limits.windowMs / 1000} s`,
          calls.retryAfterSeconds,
        );
      }
    }
    return true;
  }
}
