import { currentUpdateInfo } from '@temporalio/workflow';

/** Update ids remembered across continue-as-new: far more than any client retries within. */
const REMEMBERED = 500;

/**
 * Temporal deduplicates Updates by id within one run only. A client that retries an Update (same
 * id) after the workflow continued as new would have it applied a second time by the new run —
 * test/resilience/api-kill.int.spec.ts does exactly that. So the workflow remembers the ids it
 * applied, carries them across continue-as-new, and answers a repeat with the current state
 * without validating or doing anything again.
 *
 * Only applied ones: an Update its decision refused changed nothing, so a repeat in a later run is
 * decided again (and refused again). Carrying it too answered that repeat 200 with the state, as if
 * it had been applied — the API sends an Update the SDK dropped again with the same id, and the
 * liveness property saw refused pauses answered 200 that way (docs/RELIABILITY.md).
 */
export function createUpdateDeduplicator(carried: readonly string[] = []) {
  const earlier = new Set(carried);
  const thisRun = new Map<string, Promise<unknown>>();
  /** Ids of this run whose handler succeeded, in the order they did. */
  const applied: string[] = [];
  const idNow = () => currentUpdateInfo()?.id;
  return {
    /** Runs the handler body once per update id; a repeat gets the first result (or `current()` for an id from an earlier run). */
    once<T>(work: () => Promise<T>, current: () => T): Promise<T> {
      const id = idNow();
      if (id === undefined) return work();
      const prior = thisRun.get(id);
      if (prior) return prior as Promise<T>;
      if (earlier.has(id)) return Promise.resolve(current());
      // Noted before the handler counts as finished, so a continue-as-new after allHandlersFinished carries it.
      const run = work().then((result) => {
        applied.push(id);
        return result;
      });
      thisRun.set(id, run);
      return run;
    },
    /** True when this update id was handled before: its validator must not refuse the repeat. */
    seen(): boolean {
      const id = idNow();
      return id !== undefined && (earlier.has(id) || thisRun.has(id));
    },
    /**
     * An Update whose facts were found already stored (an attempt of this run whose record was lost):
     * it answers with the current state from now on, like an id from an earlier run.
     */
    markHandled(id: string): void {
      if (!thisRun.has(id)) earlier.add(id);
    },
    /** What to carry into the next run: the ids applied, never the ones refused. */
    remembered(): string[] {
      return [...earlier, ...applied].slice(-REMEMBERED);
    },
  };
}
