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
import { PUBLIC_ROUTE, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators.js';
import { TokenService } from './token.service.js';
import { EXPENSIVE } from '../http/rate-limit.js';
import { RateLimitService } from './rate-limit.service.js';

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
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
    const client = request.ip ?? 'unknown';
    const failures = await this.rateLimits.failuresFrom(client);
    if (failures.count >= this.limits.authFailures) {
      throw this.tooMany(
        'AUTH.TOO_MANY_FAILURES',
        'too many failed authentications from this address; wait and retry',
        failures.retryAfterSeconds,
      );
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match)
      throw new UnauthorizedException({
        code: 'AUTH.MISSING_TOKEN',
        message: 'a bearer token is required (Authorization: Bearer <token>)',
      });
    const actor = await this.tokens.authenticate(match[1] ?? '');
    if (!actor) {
      await this.rateLimits.recordFailure(client);
      throw new UnauthorizedException({
        code: 'AUTH.INVALID_TOKEN',
        message: 'the bearer token is unknown or revoked',
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
