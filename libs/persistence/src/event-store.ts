import type { DataSource, EntityManager } from 'typeorm';

export interface NewEvent {
  type: string;
  at: string;
  actorId: string;
  data: unknown;
}

export interface AppendRequest<E extends NewEvent> {
  streamId: string;
  /** The stream's version as the writer knows it; the first event is stored at `expectedVersion + 1`. */
  expectedVersion: number;
  events: E[];
  /** What caused these events (a workflow Update id), or null for the workflow's own clock. */
  causationId: string | null;
}

/** An event of the stream, as stored, with what caused it. */
export interface StoredFact<E extends NewEvent> {
  version: number;
  causationId: string | null;
  event: E;
}

/**
 * `stored`: the events are in the log at the versions asked for. `behind`: the stream is already past
 * `expectedVersion` — the writer (a workflow) lost the record of an append that did commit, e.g. a
 * workflow task that failed after its local activity wrote — and `missed` holds what it did not know,
 * in order, so it can fold them and decide again. Nothing of this batch was written.
 */
export type AppendResult<E extends NewEvent> =
  { status: 'stored'; version: number } | { status: 'behind'; missed: StoredFact<E>[] };

/** Updates read models from the events just appended, inside the append's transaction (what it answers is its caller's). */
export type Projector<E extends NewEvent> = (
  tx: EntityManager,
  streamId: string,
  stored: StoredEvent<E>[],
) => Promise<unknown>;

export interface StoredEvent<E extends NewEvent> {
  event: E;
  version: number;
}

/**
 * Appends events and projects them in one transaction, or reports the stream ahead. A stream has one
 * writer (its workflow), so the version is the idempotency key: `(stream, version)` is unique, the
 * insert of each event uses ON CONFLICT DO NOTHING (never "check then insert"), and when the first
 * one finds its version taken, whatever holds it was committed by an earlier attempt of the same
 * writer — returned as `missed` instead of being written again. Two attempts racing wait on the
 * row's unique index: one writes, the other finds it.
 */
export async function appendToStream<E extends NewEvent>(
  db: DataSource,
  request: AppendRequest<E>,
  project: Projector<E>,
): Promise<AppendResult<E>> {
  const { streamId, expectedVersion, events, causationId } = request;
  if (events.length === 0) return { status: 'stored', version: expectedVersion };
  return db.transaction(async (tx) => {
    const stored: StoredEvent<E>[] = [];
    for (const [i, event] of events.entries()) {
      const version = expectedVersion + i + 1;
      const rows: unknown[] = await tx.query(
        `INSERT INTO domain_events (stream_id, stream_version, type, payload, actor_id, idempotency_key, causation_id, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT DO NOTHING
         RETURNING position`,
        [
          streamId,
          version,
          event.type,
          JSON.stringify(event.data),
          event.actorId,
          `${streamId}@${version}`,
          causationId,
          event.at,
        ],
      );
      if (rows.length === 0) {
        if (i === 0) return { status: 'behind' as const, missed: await factsAfter<E>(tx, streamId, expectedVersion) };
        throw new Error(`stream ${streamId}: version ${version} was taken in the middle of a batch`);
      }
      stored.push({ event, version });
    }
    await project(tx, streamId, stored);
    return { status: 'stored' as const, version: expectedVersion + events.length };
  });
}

async function factsAfter<E extends NewEvent>(
  tx: EntityManager,
  streamId: string,
  version: number,
): Promise<StoredFact<E>[]> {
  const rows: Array<Record<string, unknown>> = await tx.query(
    `SELECT stream_version, causation_id, type, payload, actor_id, occurred_at
       FROM domain_events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
    [streamId, version],
  );
  return rows.map((r) => ({
    version: r.stream_version as number,
    causationId: (r.causation_id as string | null) ?? null,
    event: {
      type: r.type as string,
      at: (r.occurred_at as Date).toISOString(),
      actorId: r.actor_id as string,
      data: r.payload,
    } as E,
  }));
}

export interface EventRow {
  position: string;
  streamId: string;
  streamVersion: number;
  type: string;
  payload: unknown;
  actorId: string;
  occurredAt: Date;
  recordedAt: Date;
}

export async function readStream(db: DataSource | EntityManager, streamId: string): Promise<EventRow[]> {
  return (await readStreams(db, [streamId])).get(streamId) ?? [];
}

/** Stored rows as the domain's events (what a fold reads). */
export const domainEvents = <E>(rows: EventRow[]): E[] =>
  rows.map((r) => ({ type: r.type, at: r.occurredAt.toISOString(), actorId: r.actorId, data: r.payload }) as E);

/** Several streams at once, each in order, with only the events that occurred by `until` when given. */
export async function readStreams(
  db: DataSource | EntityManager,
  streamIds: string[],
  until?: string,
): Promise<Map<string, EventRow[]>> {
  const byStream = new Map<string, EventRow[]>();
  if (streamIds.length === 0) return byStream;
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT position, stream_id, stream_version, type, payload, actor_id, occurred_at, recorded_at
       FROM domain_events WHERE stream_id = ANY($1) AND ($2::timestamptz IS NULL OR occurred_at <= $2)
      ORDER BY stream_id, stream_version`,
    [streamIds, until ?? null],
  );
  for (const row of rows.map(eventRowOf)) {
    const list = byStream.get(row.streamId) ?? [];
    list.push(row);
    byStream.set(row.streamId, list);
  }
  return byStream;
}

function eventRowOf(r: Record<string, unknown>): EventRow {
  return {
    position: String(r.position),
    streamId: r.stream_id as string,
    streamVersion: r.stream_version as number,
    type: r.type as string,
    payload: r.payload,
    actorId: r.actor_id as string,
    occurredAt: r.occurred_at as Date,
    recordedAt: r.recorded_at as Date,
  };
}
