import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';
import type { AppMetrics } from '../../../../libs/platform/src/index.js';
import { METRICS } from '../tokens.js';

/** Counts and times every request by its route pattern (not the raw URL, to keep labels few). */
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  constructor(@Inject(METRICS) private readonly metrics: AppMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<{ method: string; route?: { path?: string } }>();
    const res = http.getResponse<{ statusCode: number; once(event: string, fn: () => void): void }>();
    const route = req.route?.path ?? 'unknown';
    const stop = this.metrics.httpDuration.startTimer({ method: req.method, route });
    // The status is final only when the response is sent (errors are mapped by the filter later).
    res.once('finish', () =>
      this.metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) }),
    );
    return next.handle().pipe(finalize(() => stop()));
  }
}
