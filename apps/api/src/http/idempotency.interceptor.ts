import {
  createParamDecorator,
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { IdempotencyService } from './idempotency.service.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

interface IdempotentRequest {
  method: string;
  originalUrl: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  idempotencyKey?: string;
}

interface Reply {
  status(code: number): Reply;
  statusCode: number;
}

/**
 * Every POST/PATCH/DELETE may carry `Idempotency-Key` (see IdempotencyService). Handlers also use
 * the key as the id of what they send to workflows (Update ids), so a retry after a crash is
 * applied once.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<IdempotentRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || request.method === 'GET' || !request.actor) return next.handle();
    return from(this.run(request, http.getResponse<Reply>(), next, Array.isArray(header) ? (header[0] ?? '') : header));
  }

  private async run(request: IdempotentRequest, reply: Reply, next: CallHandler, key: string): Promise<unknown> {
    const actorId = request.actor!.personId;
    const claim = await this.idempotency.claim({
      actorId,
      key,
      method: request.method,
      path: request.originalUrl,
      body: request.body,
    });
    if (!claim.run) return this.replay(reply, claim.status, claim.response);
    request.idempotencyKey = key;
    try {
      const result: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.idempotency.answer(actorId, key, reply.statusCode, result ?? null);
      return result;
    } catch (e) {
      await this.idempotency.failed(actorId, key, e);
      throw e;
    }
  }

  private replay(reply: Reply, status: number, response: unknown): unknown {
    const stored = response as { error?: unknown } | null;
    if (status >= 400 && stored && typeof stored === 'object' && 'error' in stored)
      throw new HttpException(stored.error as Record<string, unknown>, status);
    reply.status(status);
    return response;
  }
}

/** The operation key of an Update: the caller's idempotency key scoped to the caller (`person:key`). */
export const operationKeyOf = (actor: Actor, key: string | undefined): string | undefined =>
  key ? `${actor.personId}:${key}` : undefined;

/**
 * The caller's idempotency key, scoped to the caller (`person:key`), or undefined without one. Handlers
 * use it as the id of the Update they send, so Temporal applies a retried Update once.
 */
export const OperationKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const request = ctx.switchToHttp().getRequest<IdempotentRequest>();
  return request.actor ? operationKeyOf(request.actor, request.idempotencyKey) : undefined;
});
