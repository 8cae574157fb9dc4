import type { DataSource, EntityManager } from 'typeorm';

export interface NewEvent {
  type: string;
  at: string;
  actorId: string;
  data: unknown;
}

export interface AppendRequest<E extends NewEvent> {
  streamId: string;
  expectedVersion: number;
  events: E[];
  /** Unique per logical write (e.g. per activity execution); a repeat with the same key is a no-op. */
  idempotencyKey: string;
}

export type AppendResult = { appended: true; version: number } | { appended: false; version: number };

/** Another writer stored events at the versions this append expected to take. */
export class StreamConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
  ) {
    super(`stream ${streamId} is past version ${expectedVersion}: another writer appended first`);
    this.name = 'StreamConflictError';
  }
}

/** Updates read models from the events just appended, inside the append's transaction. */
export type Projector<E extends NewEvent> = (
  tx: EntityManager,
  streamId: string,
  stored: StoredEvent<E>[],
) => Promise<void>;

export interface StoredEvent<E extends NewEvent> {
  event: E;
  version: number;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Appends events and projects them in one transaction. Idempotent by key: the insert of the first
 * event uses ON CONFLICT on the idempotency key (never "check then insert"); when it inserts
 * nothing, the whole batch was committed by an earlier attempt and nothing is written again.
 */
export async function appendToStream<E extends NewEvent>(
  db: DataSource,
  request: AppendRequest<E>,
  project: Projector<E>,
): Promise<AppendResult> {
  const { streamId, expectedVersion, events, idempotencyKey } = request;
  if (events.length === 0) return { appended: false, version: expectedVersion };
  try {
    return await db.transaction(async (tx) => {
      const stored: StoredEvent<E>[] = [];
      for (const [i, event] of events.entries()) {
        const version = expectedVersion + i + 1;
        const rows: unknown[] = await tx.query(
          `INSERT INTO domain_events (stream_id, stream_version, type, payload, actor_id, idempotency_key, occurred_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (idempotency_key) DO NOTHING
           RETURNING position`,
          [
            streamId,
            version,
            event.type,
            JSON.stringify(event.data),
            event.actorId,
            `${idempotencyKey}#${i}`,
            event.at,
          ],
        );
        if (rows.length === 0) {
          if (i === 0) return { appended: false as const, version: expectedVersion + events.length };
          throw new Error(`idempotency key ${idempotencyKey} was partly used: the event log is inconsistent`);
        }
        stored.push({ event, version });
      }
      await project(tx, streamId, stored);
      return { appended: true as const, version: expectedVersion + events.length };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'uq_domain_events_stream_version'))
      throw new StreamConflictError(streamId, expectedVersion);
    throw e;
  }
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const name = err.driverError?.constraint ?? err.constraint;
  return code === UNIQUE_VIOLATION && name === constraint;
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
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT position, stream_id, stream_version, type, payload, actor_id, occurred_at, recorded_at
       FROM domain_events WHERE stream_id = $1 ORDER BY stream_version`,
    [streamId],
  );
  return rows.map((r) => ({
    position: String(r.position),
    streamId: r.stream_id as string,
    streamVersion: r.stream_version as number,
    type: r.type as string,
    payload: r.payload,
    actorId: r.actor_id as string,
    occurredAt: r.occurred_at as Date,
    recordedAt: r.recorded_at as Date,
  }));
}
