import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../../../../libs/domain/src/index.js';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators.js';
import { TokenService } from './token.service.js';

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException({ code: 'AUTH.MISSING_TOKEN', message: 'a bearer token is required (Authorization: Bearer <token>)' });
    const actor = await this.tokens.authenticate(match[1] ?? '');
    if (!actor) throw new UnauthorizedException({ code: 'AUTH.INVALID_TOKEN', message: 'the bearer token is unknown or revoked' });
    request.actor = actor;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => actor.roles.includes(role))) {
      throw new ForbiddenException({ code: 'AUTH.ROLE_REQUIRED', message: `this action needs one of the roles: ${required.join(', ')}` });
    }
    return true;
  }
}
