import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '../../../../libs/domain/src/index.js';

export const PUBLIC_ROUTE = 'mentorflow:public';
export const REQUIRED_ROLES = 'mentorflow:roles';

/** No token needed (health, API docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/** The caller's token must carry at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const SCRAPE_SECRET = 'mentorflow:scrape-secret';
/** Also opens to the METRICS_TOKEN secret (Prometheus), beside tokens with the route's roles. */
export const ScrapeSecret = () => SetMetadata(SCRAPE_SECRET, true);

export interface AuthenticatedRequest {
  actor?: Actor;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
