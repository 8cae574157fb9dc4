import {
  createParamDecorator,
  HttpException,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { DATA_SOURCE, IDEMPOTENCY_STALE_AFTER_SECONDS } from '../tokens.js';
import { ApiError } from './api-error.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

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
 * Every POST/PATCH/DELETE may carry `Idempotency-Key`. The first request with a key claims it
 * (INSERT … ON CONFLICT DO NOTHING) and stores its answer; a repeat with the same key and body gets
 * that answer again without running anything; the same key with another body is refused (422).
 * Server errors release the key so that the client's retry runs again. Handlers also use the key
 * as the id of what they send to workflows (Update ids), so a retry after a crash is applied once.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    /** A claim whose request died with its process (no answer stored) may be taken over after this. */
    @Inject(IDEMPOTENCY_STALE_AFTER_SECONDS) private readonly staleAfterSeconds: number,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<IdempotentRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || request.method === 'GET' || !request.actor) return next.handle();
    return from(this.run(request, http.getResponse<Reply>(), next, Array.isArray(header) ? (header[0] ?? '') : header));
  }

  private async run(request: IdempotentRequest, reply: Reply, next: CallHandler, key: string): Promise<unknown> {
    if (!KEY.test(key))
      throw new ApiError(400, 'VALIDATION', 'Idempotency-Key: 1-200 letters, digits or _ . : -', [
        { field: 'Idempotency-Key', messages: ['invalid format'] },
      ]);
    const actorId = request.actor!.personId;
    const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? {});
    const sha = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${body}`).digest('hex');
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO idempotency_keys (actor_id, key, method, path, request_sha256) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (actor_id, key) DO NOTHING RETURNING key`,
      [actorId, key, request.method, request.originalUrl, sha],
    );
    if (claimed.length === 0) {
      const rows: Array<{ request_sha256: string; status_code: number | null; response: unknown }> =
        await this.db.query(
          `SELECT request_sha256, status_code, response FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
          [actorId, key],
        );
      const row = rows[0];
      if (row && row.request_sha256 !== sha) {
        throw new ApiError(
          422,
          'IDEMPOTENCY.KEY_REUSED',
          'this Idempotency-Key was used for another request; use a new key for a new request',
        );
      }
      if (row && row.status_code !== null) return this.replay(reply, row.status_code, row.response);
      // TypeORM returns [rows, count] for a bare UPDATE; wrapped in a CTE it returns the rows.
      const taken: unknown[] = await this.db.query(
        `WITH taken AS (
           UPDATE idempotency_keys SET created_at = now() WHERE actor_id = $1 AND key = $2 AND completed_at IS NULL
             AND created_at < now() - make_interval(secs => $3) RETURNING key
         ) SELECT key FROM taken`,
        [actorId, key, this.staleAfterSeconds],
      );
      if (taken.length === 0)
        throw new ApiError(
          409,
          'IDEMPOTENCY.IN_PROGRESS',
          'a request with this Idempotency-Key is still running; retry in a moment',
        );
    }
    request.idempotencyKey = key;
    try {
      const result: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store(actorId, key, reply.statusCode, result ?? null);
      return result;
    } catch (e) {
      const status = e instanceof HttpException ? e.getStatus() : 500;
      if (status < 500 && e instanceof HttpException)
        await this.store(actorId, key, status, { error: e.getResponse() });
      else await this.db.query(`DELETE FROM idempotency_keys WHERE actor_id = $1 AND key = $2`, [actorId, key]);
      throw e;
    }
  }

  private async store(actorId: string, key: string, status: number, response: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status_code = $3, response = $4, completed_at = now() WHERE actor_id = $1 AND key = $2`,
      [actorId, key, status, JSON.stringify(response)],
    );
  }

  private replay(reply: Reply, status: number, response: unknown): unknown {
    const stored = response as { error?: unknown } | null;
    if (status >= 400 && stored && typeof stored === 'object' && 'error' in stored)
      throw new HttpException(stored.error as Record<string, unknown>, status);
    reply.status(status);
    return response;
  }
}

/**
 * The caller's idempotency key, scoped to the caller (`person:key`), or undefined without one. Handlers
 * use it as the id of the Update they send, so Temporal applies a retried Update once.
 */
export const OperationKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const request = ctx.switchToHttp().getRequest<IdempotentRequest>();
  return request.idempotencyKey && request.actor ? `${request.actor.personId}:${request.idempotencyKey}` : undefined;
});
