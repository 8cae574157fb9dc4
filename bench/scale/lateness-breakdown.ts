import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time.js';
import proto from '@temporalio/proto';
import type { ClockFact } from './clock-facts.js';
import { quantile } from './http-load.js';

type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;
const NORMAL_QUEUE = proto.temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL;

/** Where a clock fact's lateness went, from the workflow's own history (all in ms). */
export interface LatenessParts {
  /** The timer was set to fire this long after the due time: the workflow's clock lagged when it set it. */
  setLate: number;
  /** Timer fired after its planned time (history's timer queue). */
  fireLate: number;
  /** Timer fired → workflow task started by a worker (matching, pollers, sticky time-outs). */
  toStart: number;
  /** Workflow task started → the append's transaction began (replay, decision, local activity). */
  inWorker: number;
  /** The workflow task went through the normal queue (no sticky worker took it). */
  normalQueue: boolean;
  /** Workflow task attempts that timed out or failed between the fire and the one that ran. */
  retried: number;
}

const at = (e: HistoryEvent) => tsToMs(e.eventTime);

/** Decomposes one fact's lateness, or null when it was not woken by a timer (an Update came first). */
export function partsOf(fact: ClockFact, events: HistoryEvent[]): LatenessParts | null {
  // The workflow's time in a task is the task's start: the last start at or before the decision.
  const started = events.filter((e) => e.workflowTaskStartedEventAttributes && at(e) <= fact.decided + 1).at(-1);
  if (!started) return null;
  const scheduledId = Number(started.workflowTaskStartedEventAttributes!.scheduledEventId);
  const scheduled = events.find((e) => Number(e.eventId) === scheduledId)!;
  const before = events.filter((e) => Number(e.eventId) < scheduledId);
  const lastCompleted = Number(before.filter((e) => e.workflowTaskCompletedEventAttributes).at(-1)?.eventId ?? 0);
  const fired = before.filter((e) => e.timerFiredEventAttributes && Number(e.eventId) > lastCompleted).at(-1);
  if (!fired) return null;
  const timerStarted = events.find(
    (e) => Number(e.eventId) === Number(fired.timerFiredEventAttributes!.startedEventId),
  )!;
  const planned = at(timerStarted) + tsToMs(timerStarted.timerStartedEventAttributes!.startToFireTimeout);
  const retried = before.filter(
    (e) =>
      Number(e.eventId) > Number(fired.eventId) &&
      (e.workflowTaskTimedOutEventAttributes || e.workflowTaskFailedEventAttributes),
  ).length;
  return {
    setLate: planned - fact.due,
    fireLate: at(fired) - planned,
    toStart: at(started) - at(fired),
    inWorker: fact.stored - at(started),
    normalQueue: scheduled.workflowTaskScheduledEventAttributes!.taskQueue?.kind === NORMAL_QUEUE,
    retried,
  };
}

/** p50/p99 of each part over a sample of facts, read from their workflows' histories. */
export async function latenessBreakdown(client: Client, sample: ClockFact[]): Promise<string> {
  const parts: LatenessParts[] = [];
  const byStream = new Map<string, ClockFact[]>();
  for (const f of sample) (byStream.get(f.streamId) ?? byStream.set(f.streamId, []).get(f.streamId)!).push(f);
  for (const [streamId, facts] of byStream) {
    const history = await client.workflow
      .getHandle(streamId)
      .fetchHistory()
      .catch(() => null);
    if (!history?.events) continue;
    for (const f of facts) {
      const p = partsOf(f, history.events);
      if (p) parts.push(p);
    }
  }
  if (parts.length === 0) return 'no timer-woken fact in the sample';
  const s = (k: keyof Omit<LatenessParts, 'normalQueue' | 'retried'>) =>
    `${k} p50 ${(
      quantile(
        parts.map((p) => p[k]),
        0.5,
      ) / 1000
    ).toFixed(2)} s / p99 ${(
      quantile(
        parts.map((p) => p[k]),
        0.99,
      ) / 1000
    ).toFixed(2)} s`;
  const normal = parts.filter((p) => p.normalQueue).length;
  const retried = parts.filter((p) => p.retried > 0).length;
  return (
    `${parts.length} timer-woken facts: ${s('setLate')}; ${s('fireLate')}; ${s('toStart')}; ${s('inWorker')}; ` +
    `${normal} through the normal queue, ${retried} after a workflow task timed out or failed`
  );
}
