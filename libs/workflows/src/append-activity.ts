import {
  patched,
  proxyActivities,
  proxyLocalActivities,
  type ActivityInterfaceFor,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';

/** `patched()` id: event appends run as local activities instead of remote ones. */
export const LOCAL_APPEND_PATCH = 'append-as-local-activity';

/**
 * `patched()` id: an append that finds the stream ahead returns the facts the workflow missed, and
 * the workflow folds them and decides again (before: an append was keyed by its activity's place in
 * the run, which a retried workflow task can give to another Update). Histories recorded before it
 * replay on the old path, where the append returned nothing.
 */
export const CATCH_UP_PATCH = 'append-catches-up';

/**
 * Transient failures (Postgres restarting, a connection lost) are retried for about two minutes;
 * deterministic ones are thrown non-retryable by the activity itself. Nothing retries forever: an
 * Update whose facts cannot be stored fails with a code and the workflow goes on serving.
 */
const RETRY: LocalActivityOptions['retry'] = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '20 seconds',
  maximumAttempts: 10,
};
const LOCAL_OPTIONS: LocalActivityOptions = { startToCloseTimeout: '30 seconds', retry: RETRY };
const REMOTE_OPTIONS: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: RETRY };

/**
 * The event-store append of a workflow. It runs as a local activity: in the worker that holds the
 * workflow, with no round trip through the server and one marker in the history instead of three
 * activity events (measured: docs/BENCHMARKS.md, workflow throughput). Runs recorded before the
 * change replay on the remote path.
 */
export function appendActivities<A extends object>(): () => ActivityInterfaceFor<A> {
  const remote = proxyActivities<A>(REMOTE_OPTIONS);
  const local = proxyLocalActivities<A>(LOCAL_OPTIONS);
  return () => (patched(LOCAL_APPEND_PATCH) ? local : remote);
}
