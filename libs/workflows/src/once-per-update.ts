import { currentUpdateInfo } from '@temporalio/workflow';

/** Update ids remembered across continue-as-new: far more than any client retries within. */
const REMEMBERED = 500;

/**
 * Temporal deduplicates Updates by id within one run only. A client that retries an Update (same
 * id) after the workflow continued as new would have it applied a second time by the new run —
 * test/resilience/api-kill.int.spec.ts does exactly that. So the workflow remembers the ids it
 * handled, carries them across continue-as-new, and answers a repeat with the current state
 * without validating or doing anything again.
 */
export function createUpdateDeduplicator(carried: readonly string[] = []) {
  const earlier = new Set(carried);
  const thisRun = new Map<string, Promise<unknown>>();
  const idNow = () => currentUpdateInfo()?.id;
  return {
    /** Runs the handler body once per update id; a repeat gets the first result (or `current()` for an id from an earlier run). */
    once<T>(work: () => Promise<T>, current: () => T): Promise<T> {
      const id = idNow();
      if (id === undefined) return work();
      const prior = thisRun.get(id);
      if (prior) return prior as Promise<T>;
      if (earlier.has(id)) return Promise.resolve(current());
      const run = work();
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
    /** What to carry into the next run. */
    remembered(): string[] {
      return [...earlier, ...thisRun.keys()].slice(-REMEMBERED);
    },
  };
}
