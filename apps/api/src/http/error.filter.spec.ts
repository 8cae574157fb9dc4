import { describe, expect, it } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { ServiceError } from '@temporalio/client';
import { ErrorFilter } from './error.filter.js';

/** gRPC status codes (the SDK's transport, @grpc/grpc-js, is not ours to import). */
const status = { INTERNAL: 13, DEADLINE_EXCEEDED: 4 } as const;

/** A gRPC error as the transport makes it: a code, details and metadata. */
const grpcError = (code: number) =>
  Object.assign(new Error(`${code}: Deadline exceeded after 0.001s`), {
    code,
    details: 'Deadline exceeded after 0.001s',
    metadata: {},
  });

function answer(exception: unknown): {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
} {
  const out = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  const reply = {
    status(code: number) {
      out.status = code;
      return reply;
    },
    json(body: Record<string, unknown>) {
      out.body = body;
    },
    setHeader(name: string, value: string) {
      out.headers[name] = value;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return out;
}

describe('ErrorFilter: a workflow that does not answer in time', () => {
  it('answers 503 WORKFLOW.NOT_ANSWERING for a bare gRPC deadline', () => {
    const a = answer(grpcError(status.DEADLINE_EXCEEDED));
    expect(a.status).toBe(503);
    expect(a.body.code).toBe('WORKFLOW.NOT_ANSWERING');
    expect(a.headers['Retry-After']).toBe('5');
  });

  it('answers 503, not 500, for a query whose deadline passed (the SDK wraps it in a ServiceError)', () => {
    const a = answer(new ServiceError('Failed to query Workflow', { cause: grpcError(status.DEADLINE_EXCEEDED) }));
    expect(a.status).toBe(503);
    expect(a.body.code).toBe('WORKFLOW.NOT_ANSWERING');
  });

  it('keeps other service failures as 500 INTERNAL', () => {
    const a = answer(new ServiceError('Failed to query Workflow', { cause: grpcError(status.INTERNAL) }));
    expect(a.status).toBe(500);
    expect(a.body.code).toBe('INTERNAL');
  });
});
