import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';

/** The request being served, for log lines written anywhere below it. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Express middleware: takes X-Request-Id when it is sane, else makes one, and echoes it. */
export function requestIdMiddleware(
  req: { headers: Record<string, string | string[] | undefined> },
  res: { setHeader(name: string, value: string): void },
  next: () => void,
): void {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  requestContext.run({ requestId }, next);
}

/** One JSON object per line, with the request id when there is one. */
export class JsonLogger implements LoggerService {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n')) {}

  private line(level: string, message: unknown, context?: unknown, extra: Record<string, unknown> = {}): void {
    this.write(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        msg: typeof message === 'string' ? message : JSON.stringify(message),
        ...(typeof context === 'string' ? { context } : {}),
        ...(requestContext.getStore() ?? {}),
        ...extra,
      }),
    );
  }

  log(message: unknown, context?: unknown): void {
    this.line('info', message, context);
  }
  error(message: unknown, trace?: unknown, context?: unknown): void {
    this.line('error', message, context, typeof trace === 'string' ? { trace } : {});
  }
  warn(message: unknown, context?: unknown): void {
    this.line('warn', message, context);
  }
  debug(message: unknown, context?: unknown): void {
    this.line('debug', message, context);
  }
  verbose(message: unknown, context?: unknown): void {
    this.line('verbose', message, context);
  }
}
