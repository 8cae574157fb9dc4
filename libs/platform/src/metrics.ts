import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Application metrics, one registry per process (api or worker), in the Prometheus text format.
 * The Temporal SDK's own runtime metrics are exported by the SDK (worker, see apps/worker/main).
 */
export interface AppMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  domainEvents: Counter<'type'>;
  matchingSolves: Counter<'outcome'>;
  matchingSolveSeconds: Histogram;
  emails: Counter<'outcome'>;
  /** Appends that failed, by class (transient, or the deterministic code). */
  appendFailures: Counter<'failure'>;
  /** Updates whose answer took longer than the API's bound, by workflow type. */
  slowUpdates: Counter<'workflow'>;
  /** Workflows with an open fault (workflow_faults), by kind; filled at scrape time by the API. */
  workflowFaults: Gauge<'kind'>;
}

export function createMetrics(process: 'api' | 'worker'): AppMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ process });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'mentorflow_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'mentorflow_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    domainEvents: new Counter({
      name: 'mentorflow_domain_events_total',
      help: 'Domain events appended, by type (reminders and escalations among them)',
      labelNames: ['type'],
      registers: [registry],
    }),
    matchingSolves: new Counter({
      name: 'mentorflow_matching_solves_total',
      help: 'Matching solves by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    matchingSolveSeconds: new Histogram({
      name: 'mentorflow_matching_solve_seconds',
      help: 'Duration of matching solves',
      buckets: [0.01, 0.1, 0.5, 1, 5, 15, 30, 60, 120],
      registers: [registry],
    }),
    emails: new Counter({
      name: 'mentorflow_emails_total',
      help: 'Outbox emails handled, by outcome (sent, failed, undeliverable)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    appendFailures: new Counter({
      name: 'mentorflow_append_failures_total',
      help: 'Event appends that failed, by failure (transient, or the stable code of a refusal)',
      labelNames: ['failure'],
      registers: [registry],
    }),
    slowUpdates: new Counter({
      name: 'mentorflow_slow_updates_total',
      help: 'Workflow Updates whose answer took longer than the bound (UPDATE_SLOW_AFTER_MS)',
      labelNames: ['workflow'],
      registers: [registry],
    }),
    workflowFaults: new Gauge({
      name: 'mentorflow_workflow_faults',
      help: 'Workflows with an open fault (appends failing, Updates slow), by kind; see GET /operations/workflow-faults',
      labelNames: ['kind'],
      registers: [registry],
    }),
  };
}
