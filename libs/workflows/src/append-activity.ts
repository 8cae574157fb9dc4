import {
  patched,
  proxyActivities,
  proxyLocalActivities,
  type ActivityInterfaceFor,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import { EVENT_STORE_CONFLICT } from '../../contracts/src/index.js';

/** `patched()` id: event appends run as local activities instead of remote ones. */
export const LOCAL_APPEND_PATCH = 'append-as-local-activity';

const APPEND_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [EVENT_STORE_CONFLICT],
  },
};

/**
 * The event-store append of a workflow. It runs as a local activity: in the worker that holds the
 * workflow, with no round trip through the server and one marker in the history instead of three
 * activity events (measured: docs/BENCHMARKS.md, workflow throughput). Its idempotency key is still
 * the activity's id in its run, so a worker that dies mid-append and a replay elsewhere store
 * nothing twice. Runs recorded before the change replay on the remote path.
 */
export function appendActivities<A extends object>(): () => ActivityInterfaceFor<A> {
  const remote = proxyActivities<A>(APPEND_OPTIONS);
  const local = proxyLocalActivities<A>(APPEND_OPTIONS);
  return () => (patched(LOCAL_APPEND_PATCH) ? local : remote);
}
