import { HttpException, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { IdempotencyKeyQueries } from '../../../../libs/persistence/src/index.js';
import { IDEMPOTENCY_STALE_AFTER_SECONDS } from '../tokens.js';
import { ApiError } from './api-error.js';

const KEY = /^[A-Za-z0-9_.:-]{1,200}$/;
export const isIdempotencyKey = (key: string): boolean => KEY.test(key);

export interface KeyedRequest {
  actorId: string;
  key: string;
  method: string;
  path: string;
  /** The body as sent (text) or as parsed (serialised again here). */
  body: unknown;
}

export type Claim = { run: true } | { run: false; status: number; response: unknown };

/**
 * Idempotency-Key, the rule of every action (JSON routes through IdempotencyInterceptor, dashboard
 * forms through their hidden key): the first request with a key claims it and stores its answer; a
 * repeat with the same key and body gets that answer again without running anything; the same key
 * with another body is refused (422). Server errors release the key so that a retry runs again.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly keys: IdempotencyKeyQueries,
    /** A claim whose request died with its process (no answer stored) may be taken over after this. */
    @Inject(IDEMPOTENCY_STALE_AFTER_SECONDS) private readonly staleAfterSeconds: number,
  ) {}

  async claim(r: KeyedRequest): Promise<Claim> {
    if (!isIdempotencyKey(r.key))
      throw new ApiError(400, 'VALIDATION', 'Idempotency-Key: 1-200 letters, digits or _ . : -', [
        { field: 'Idempotency-Key', messages: ['invalid format'] },
      ]);
    const body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? {});
    const sha = createHash('sha256').update(`${r.method} ${r.path}\n${body}`).digest('hex');
    const claim = { actorId: r.actorId, key: r.key, method: r.method, path: r.path, requestSha256: sha };
    if (await this.keys.claim(claim)) return { run: true };
    const stored = await this.keys.find(r.actorId, r.key);
    if (stored && stored.requestSha256 !== sha) {
      throw new ApiError(
        422,
        'IDEMPOTENCY.KEY_REUSED',
        'this Idempotency-Key was used for another request; use a new key for a new request',
      );
    }
    if (stored && stored.statusCode !== null)
      return { run: false, status: stored.statusCode, response: stored.response };
    if (!(await this.keys.takeOverStale(r.actorId, r.key, this.staleAfterSeconds)))
      throw new ApiError(
        409,
        'IDEMPOTENCY.IN_PROGRESS',
        'a request with this Idempotency-Key is still running; retry in a moment',
      );
    return { run: true };
  }

  answer(actorId: string, key: string, status: number, response: unknown): Promise<void> {
    return this.keys.answer(actorId, key, status, response);
  }

  /** A refusal (4xx) is the answer to keep; anything else releases the key for a retry. */
  async failed(actorId: string, key: string, e: unknown): Promise<void> {
    const status = e instanceof HttpException ? e.getStatus() : 500;
    if (status < 500 && e instanceof HttpException) await this.answer(actorId, key, status, { error: e.getResponse() });
    else await this.keys.release(actorId, key);
  }
}
