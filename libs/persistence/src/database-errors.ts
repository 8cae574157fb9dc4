/**
 * What a failed database call means for whoever would retry it. A transient fault (the connection
 * dropped, Postgres restarts, a serialization failure or deadlock) goes away by itself: retry it,
 * nothing accepted may be lost. A deterministic one (the data cannot be stored, a constraint, a
 * bug) fails the same way every time: retrying it forever is how a workflow wedges.
 */
export type DatabaseFailure =
  | { kind: 'transient'; sqlState: string | null; message: string }
  | { kind: 'deterministic'; code: DeterministicCode; sqlState: string | null; message: string };

/** Stable codes of the deterministic failures, as the API and the operators see them. */
export type DeterministicCode = 'EVENT_STORE.INVALID_VALUE' | 'EVENT_STORE.CONSTRAINT' | 'EVENT_STORE.BUG';

/**
 * SQLSTATE classes and codes that pass: connection exceptions (08), transaction rollbacks
 * (40: serialization failure, deadlock), insufficient resources (53), operator intervention (57:
 * shutdown, cannot connect now), system errors (58), lock not available (55P03).
 */
const TRANSIENT_CLASSES = new Set(['08', '40', '53', '57', '58']);
const TRANSIENT_STATES = new Set(['55P03', '55006']);

/** Errors of the driver or the socket, without SQLSTATE: the server went away or never answered. */
const TRANSIENT_SYSCALLS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /timeout exceeded when trying to connect/i,
  /connection (?:is )?(?:closed|ended)/i,
  /Client has encountered a connection error/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  /Driver not Connected/i,
  /Query runner already released/i,
];

interface DriverErrorShape {
  code?: unknown;
  message?: unknown;
  driverError?: { code?: unknown; message?: unknown };
}

function sqlStateOf(e: unknown): string | null {
  const err = (e ?? {}) as DriverErrorShape;
  for (const candidate of [err.driverError?.code, err.code]) {
    if (typeof candidate === 'string' && /^[0-9A-Z]{5}$/.test(candidate) && !TRANSIENT_SYSCALLS.has(candidate))
      return candidate;
  }
  return null;
}

function syscallCodeOf(e: unknown): string | null {
  const err = (e ?? {}) as DriverErrorShape;
  for (const candidate of [err.driverError?.code, err.code]) {
    if (typeof candidate === 'string' && TRANSIENT_SYSCALLS.has(candidate)) return candidate;
  }
  return null;
}

export function classifyDatabaseError(e: unknown): DatabaseFailure {
  const message = e instanceof Error ? e.message : String(e);
  const sqlState = sqlStateOf(e);
  if (sqlState !== null) {
    const cls = sqlState.slice(0, 2);
    if (TRANSIENT_CLASSES.has(cls) || TRANSIENT_STATES.has(sqlState)) return { kind: 'transient', sqlState, message };
    // 22: data exception (NUL in text, a lone surrogate in jsonb, a number out of range).
    if (cls === '22') return { kind: 'deterministic', code: 'EVENT_STORE.INVALID_VALUE', sqlState, message };
    // 23: integrity constraint; the stream's own version conflict never reaches here (ON CONFLICT).
    if (cls === '23') return { kind: 'deterministic', code: 'EVENT_STORE.CONSTRAINT', sqlState, message };
    // 42 (syntax, undefined column), P0 (a trigger's exception), XX (internal error) and the rest.
    return { kind: 'deterministic', code: 'EVENT_STORE.BUG', sqlState, message };
  }
  if (syscallCodeOf(e) !== null || TRANSIENT_MESSAGES.some((m) => m.test(message)))
    return { kind: 'transient', sqlState: null, message };
  // A TypeError or RangeError in a projector is a bug: the same input breaks it again.
  if (e instanceof TypeError || e instanceof RangeError || e instanceof SyntaxError || e instanceof ReferenceError)
    return { kind: 'deterministic', code: 'EVENT_STORE.BUG', sqlState: null, message };
  // Unknown: retried, but within the activity's bounded retry policy — never forever.
  return { kind: 'transient', sqlState: null, message };
}
