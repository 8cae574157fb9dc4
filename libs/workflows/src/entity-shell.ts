import { currentUpdateInfo, log, patched, sleep, workflowInfo } from '@temporalio/workflow';
import type { DomainError } from '../../domain/src/shared/domain-error.js';
import {
  APPEND_FAILURE,
  type AppendEventsInput,
  type AppendOutcome,
} from '../../contracts/src/event-append.contract.js';
import { appendFailure, businessFailure, decide, infrastructureFailure } from './business-failure.js';
import { CATCH_UP_PATCH } from './append-activity.js';
import { createSerialQueue } from './serial.js';
import { createUpdateDeduplicator } from './once-per-update.js';

/** A decision: the events the state asks for now (none is fine). `state` is null before creation. */
export type Decision<S, E> = (state: S | null, now: Date) => E[];

export interface EntityShellConfig<S extends { version: number }, E> {
  streamId: string;
  carried: S | null;
  handledUpdates?: readonly string[];
  fold: (events: E[], state: S | null) => S | null;
  /** The append activity (local or remote, as the patch decides at each call). */
  append: () => (input: AppendEventsInput<E>) => Promise<AppendOutcome<E> | undefined>;
  notReady: () => DomainError;
}

/** Catching up twice in a row means the log moves under the workflow: something else writes its stream. */
const MAX_CATCH_UPS = 3;
/** The clock's wait after a failed commit: doubling from 10 s, at most 10 minutes. */
const clockBackoffMs = (failures: number) => Math.min(10_000 * 2 ** Math.max(0, failures - 1), 600_000);

/**
 * What both workflows share: the state as the event log holds it, one commit path, Updates run one
 * at a time and once per id, validators that refuse without a trace, and a clock that never wedges.
 *
 * A commit decides, appends, and only then folds, so a query never shows an unsaved fact. When the
 * append finds the stream ahead — a workflow task that failed after its local activity committed,
 * and was retried with Updates in another order — the shell folds what it missed and decides again
 * on that state; an Update that finds its own facts there answers without deciding twice.
 */
export function createEntityShell<S extends { version: number }, E>(config: EntityShellConfig<S, E>) {
  let state: S | null = config.carried;
  const serial = createSerialQueue();
  const updates = createUpdateDeduplicator(config.handledUpdates);
  const storedCausations = new Set<string>();
  let failedAppends = 0;
  let clockFailures = 0;

  const current = (): S => {
    if (state === null) throw businessFailure(config.notReady());
    return state;
  };

  async function commit(decision: Decision<S, E>, causationId: string | null): Promise<void> {
    for (let round = 0; ; round++) {
      if (causationId !== null && storedCausations.has(causationId)) return;
      const events = decide(() => decision(state, new Date()));
      if (events.length === 0) return;
      const catchUp = patched(CATCH_UP_PATCH);
      let outcome: AppendOutcome<E> | undefined;
      try {
        outcome = await config.append()({
          streamId: config.streamId,
          expectedVersion: state?.version ?? 0,
          events,
          ...(catchUp ? { causationId, ...(failedAppends > 0 ? { recovering: true } : {}) } : {}),
        });
      } catch (e) {
        failedAppends++;
        log.warn('an append failed', { streamId: config.streamId, failedAppends, error: String(e) });
        throw appendFailure(e);
      }
      failedAppends = 0;
      if (!catchUp || outcome === undefined || outcome.status === 'stored') {
        state = config.fold(events, state);
        return;
      }
      if (outcome.missed.length === 0 || round >= MAX_CATCH_UPS)
        throw infrastructureFailure(APPEND_FAILURE.CONFLICT, 'the event log kept moving; nothing was changed');
      log.warn('the event log was ahead of the workflow: catching up', {
        streamId: config.streamId,
        missed: outcome.missed.length,
      });
      state = config.fold(
        outcome.missed.map((m) => m.event),
        state,
      );
      for (const m of outcome.missed) {
        if (m.causationId === null) continue;
        storedCausations.add(m.causationId);
        updates.markHandled(m.causationId);
      }
    }
  }

  const updateId = (): string | null => currentUpdateInfo()?.id ?? null;

  return {
    current,
    /** The state, or null before creation (for queries). */
    state: (): S | null => state,
    /** Runs one piece of work after the ones before it (handlers and the clock alike). */
    serial,
    remembered: () => updates.remembered(),

    /** Creates the entity once: a creation stored by a lost attempt is found, not stored twice. */
    create: (decision: (now: Date) => E[]): Promise<void> =>
      serial(() => commit((s, now) => (s === null ? decision(now) : []), null)),

    /**
     * An Update handler: once per Update id, after the actions before it, decided on the state it
     * runs on; answers `answer()` (the state by default).
     */
    act: <A, R = S>(
      run: (s: S, args: A, now: Date) => E[],
      answer: (events: { before: number }) => R = () => current() as unknown as R,
      repeat: () => R = () => current() as unknown as R,
    ): ((args: A) => Promise<R>) => {
      return (args: A) => {
        const id = updateId();
        return updates.once(
          () =>
            serial(async () => {
              const before = state?.version ?? 0;
              await commit((s, now) => {
                if (s === null) throw config.notReady();
                return run(s, args, now);
              }, id);
              return answer({ before });
            }),
          repeat,
        );
      };
    },

    /** A validator: refuses (403/409/400, no history entry) unless this Update id was handled before. */
    check: (assertion: (s: S) => void): void => {
      const id = updateId();
      if (updates.seen() || (id !== null && storedCausations.has(id))) return;
      decide(() => assertion(current()));
    },

    /** A signal or internal step: commits what the decision asks for, after the actions before it. */
    record: (decision: (s: S, now: Date) => E[]): Promise<void> =>
      serial(() => commit((s, now) => (s === null ? [] : decision(s, now)), null)),

    /**
     * What time alone asks for. If the facts cannot be stored (the store is down beyond the
     * activity's retries, or refuses them), the state does not move past them: the clock logs it,
     * waits (10 s doubling to 10 min) and decides again, while Updates and queries go on being served.
     */
    tick: async (decision: (s: S, now: Date) => E[]): Promise<void> => {
      try {
        await serial(() => commit((s, now) => (s === null ? [] : decision(s, now)), null));
        clockFailures = 0;
      } catch (e) {
        clockFailures++;
        log.error('the workflow clock could not store its facts; it will try again', {
          workflowId: workflowInfo().workflowId,
          failures: clockFailures,
          error: String(e),
        });
        await sleep(clockBackoffMs(clockFailures));
      }
    },
  };
}
