import type { DataSource } from 'typeorm';
import {
  evolveMentorship,
  mentorshipDue,
  SYSTEM_ACTOR,
  type MentorshipEvent,
  type MentorshipPolicy,
  type MentorshipState,
} from '../../libs/domain/src/index.js';

/** A fact the mentorship's clock recorded on its own: a reminder, an escalation, a checkpoint, a phase. */
export interface ClockFact {
  streamId: string;
  version: number;
  /** `type:subject@occurrence`, `CheckpointOpened:n` or `MentorshipPhaseChanged:to`: each is due once. */
  key: string;
  /** The earliest instant libs/domain asked for it (see dueOf). */
  due: number;
  /** The workflow's time when it decided it (the workflow task's start). */
  decided: number;
  /** When the append's transaction stored it. */
  stored: number;
}

export interface StreamsRead {
  facts: ClockFact[];
  /** Each stream's last state, to ask the domain what is still due. */
  states: Map<string, MentorshipState>;
  /** Streams whose versions are not 1, 2, … n; clock facts stored more than once. */
  versionGaps: number;
  doubled: Array<{ streamId: string; key: string }>;
}

const keyOf = (e: MentorshipEvent): string => {
  switch (e.type) {
    case 'ReminderSent':
    case 'Escalated':
      return `${e.type}:${e.data.subject}@${e.data.occurrence}`;
    case 'CheckpointOpened':
      return `${e.type}:${e.data.checkpoint}`;
    case 'MentorshipPhaseChanged':
      return `${e.type}:${e.data.to}`;
    default:
      return e.type;
  }
};

/**
 * When a clock fact became due, as the domain defines it: the earliest instant at which
 * `mentorshipDue`, on the state the workflow decided it on, asks for this very fact — found by
 * bisection between the last person's action (nothing a person did can be due before it) and the
 * workflow's decision time (when it certainly asked for it). The benchmark keeps no formula of its own.
 */
export function dueOf(before: MentorshipState, fact: MentorshipEvent, policy: MentorshipPolicy, floor: number): number {
  const key = keyOf(fact);
  const asks = (t: number) => {
    const due = mentorshipDue(before, policy, t);
    return due.events.length > 0 && keyOf(due.events[0]) === key;
  };
  let hi = Date.parse(fact.at);
  if (!asks(hi)) return NaN;
  let lo = floor;
  if (asks(lo)) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (asks(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Reads the streams of the given mentorships and folds them, keeping every clock fact with its due time. */
export async function readClockFacts(
  db: DataSource,
  streamIds: string[],
  policy: MentorshipPolicy,
): Promise<StreamsRead> {
  const rows: Array<{
    stream_id: string;
    stream_version: number;
    type: string;
    payload: unknown;
    actor_id: string;
    occurred_at: Date;
    recorded_at: Date;
  }> = await db.query(
    `SELECT stream_id, stream_version, type, payload, actor_id, occurred_at, recorded_at
       FROM domain_events WHERE stream_id = ANY($1) ORDER BY stream_id, stream_version`,
    [streamIds],
  );
  const facts: ClockFact[] = [];
  const states = new Map<string, MentorshipState>();
  const doubled: Array<{ streamId: string; key: string }> = [];
  const gaps = new Set<string>();
  let stream = '';
  let state: MentorshipState | null = null;
  let lastHuman = 0;
  let seen = new Set<string>();
  for (const r of rows) {
    if (r.stream_id !== stream) {
      stream = r.stream_id;
      state = null;
      lastHuman = 0;
      seen = new Set();
    }
    const event = {
      type: r.type,
      at: r.occurred_at.toISOString(),
      actorId: r.actor_id,
      data: r.payload,
    } as MentorshipEvent;
    if (r.stream_version !== (state?.version ?? 0) + 1) gaps.add(stream);
    if (state && event.actorId === SYSTEM_ACTOR) {
      const key = keyOf(event);
      if (seen.has(key)) doubled.push({ streamId: stream, key });
      seen.add(key);
      facts.push({
        streamId: stream,
        version: r.stream_version,
        key,
        due: dueOf(state, event, policy, lastHuman),
        decided: r.occurred_at.getTime(),
        stored: r.recorded_at.getTime(),
      });
    } else lastHuman = r.occurred_at.getTime();
    state = evolveMentorship(state, event);
    states.set(stream, state);
  }
  return { facts, states, versionGaps: gaps.size, doubled };
}

/** Mentorships with a clock fact due before `cutoff` that is not stored: lost, or still on its way. */
export function overdue(states: Map<string, MentorshipState>, policy: MentorshipPolicy, cutoff: number): string[] {
  return [...states].filter(([, s]) => mentorshipDue(s, policy, cutoff).events.length > 0).map(([id]) => id);
}
