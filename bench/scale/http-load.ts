import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** HTTP to the API replicas in turn, as a load balancer would spread it; latencies kept per label. */
export class Http {
  private turn = 0;
  readonly latencies = new Map<string, number[]>();
  failures = 0;
  /** Load calls (labelled) that failed or got no answer within 30 s, per label: they are not retried. */
  readonly unanswered = new Map<string, number>();
  constructor(private readonly bases: string[]) {}
  async call<T>(method: string, path: string, token: string, body?: unknown, label?: string): Promise<T> {
    // One key for every attempt: a retry after a 5xx or a lost answer is the same request, applied once.
    const key = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const base = this.bases[this.turn++ % this.bases.length];
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(typeof body === 'string' ? { 'Content-Type': 'text/csv' } : { 'Content-Type': 'application/json' }),
          ...(method === 'POST' ? { 'Idempotency-Key': key } : {}),
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(label ? 30_000 : 60_000),
      }).catch((e: unknown) => e as Error);
      if (!(res instanceof Error) && res.ok) {
        if (label)
          (this.latencies.get(label) ?? this.latencies.set(label, []).get(label)!).push(performance.now() - t0);
        const text = await res.text();
        return (text ? JSON.parse(text) : null) as T;
      }
      const detail = res instanceof Error ? res.message : `${res.status} ${await res.text()}`;
      // The first attempt, timed out on our side, may still be running: its answer comes to a later retry.
      const stillRunning = !(res instanceof Error) && res.status === 409 && detail.includes('IDEMPOTENCY.IN_PROGRESS');
      // 400/403/404/409 are answers, not faults: the caller decides.
      if (!(res instanceof Error) && res.status < 500 && res.status !== 429 && !stillRunning)
        throw Object.assign(new Error(`${method} ${path}: ${detail}`), { status: res.status });
      this.failures++;
      if (label) this.unanswered.set(label, (this.unanswered.get(label) ?? 0) + 1);
      if (label || attempt >= 10) throw new Error(`${method} ${path}: ${detail}`);
      process.stderr.write(`[http] ${method} ${path} attempt ${attempt + 1}: ${detail.slice(0, 200)}; retrying\n`);
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}

export const quantile = (values: number[], q: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
