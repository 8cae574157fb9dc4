import { describe, expect, it } from '@jest/globals';
import { JsonLogger, requestContext, requestIdMiddleware } from './request-context.js';

describe('structured logs', () => {
  it('writes one JSON object per line, with the request id of the request being served', () => {
    const lines: string[] = [];
    const logger = new JsonLogger((l) => lines.push(l));
    const headers: Record<string, string> = {};
    requestIdMiddleware({ headers: { 'x-request-id': 'req-42' } }, { setHeader: (k, v) => (headers[k] = v) }, () =>
      logger.warn('slow query', 'db'),
    );
    logger.log('outside');
    expect(headers['X-Request-Id']).toBe('req-42');
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'warn',
      msg: 'slow query',
      context: 'db',
      requestId: 'req-42',
    });
    expect(JSON.parse(lines[1]).requestId).toBeUndefined();
    expect(requestContext.getStore()).toBeUndefined();
  });

  it('replaces an unsafe request id with a fresh one', () => {
    const headers: Record<string, string> = {};
    requestIdMiddleware(
      { headers: { 'x-request-id': 'bad id\n' } },
      { setHeader: (k, v) => (headers[k] = v) },
      () => undefined,
    );
    expect(headers['X-Request-Id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
