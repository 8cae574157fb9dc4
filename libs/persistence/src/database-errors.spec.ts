import { describe, expect, it } from '@jest/globals';
import { classifyDatabaseError } from './database-errors.js';

/** The shape TypeORM gives a failed query: the pg error is its driverError. */
const queryFailed = (code: string, message = 'failed') =>
  Object.assign(new Error(message), { code, driverError: Object.assign(new Error(message), { code }) });

describe('classifyDatabaseError', () => {
  it.each([
    ['08006', 'connection failure'],
    ['08003', 'connection does not exist'],
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock detected'],
    ['53300', 'too many connections'],
    ['57P01', 'admin shutdown (Postgres restarting)'],
    ['57P03', 'cannot connect now'],
    ['58030', 'I/O error'],
    ['55P03', 'lock not available'],
  ])('retries SQLSTATE %s (%s)', (code) => {
    expect(classifyDatabaseError(queryFailed(code))).toMatchObject({ kind: 'transient', sqlState: code });
  });

  it.each([
    ['22P05', 'EVENT_STORE.INVALID_VALUE', 'NUL in text or jsonb'],
    ['22P02', 'EVENT_STORE.INVALID_VALUE', 'a lone surrogate in jsonb'],
    ['22003', 'EVENT_STORE.INVALID_VALUE', 'numeric value out of range'],
    ['22021', 'EVENT_STORE.INVALID_VALUE', 'invalid byte sequence'],
    ['23505', 'EVENT_STORE.CONSTRAINT', 'unique violation in a read model'],
    ['23503', 'EVENT_STORE.CONSTRAINT', 'foreign key violation'],
    ['23502', 'EVENT_STORE.CONSTRAINT', 'not null violation'],
    ['42703', 'EVENT_STORE.BUG', 'undefined column'],
    ['42601', 'EVENT_STORE.BUG', 'syntax error'],
    ['P0001', 'EVENT_STORE.BUG', 'raised by a trigger (append-only)'],
  ])('does not retry SQLSTATE %s: %s (%s)', (state, code) => {
    expect(classifyDatabaseError(queryFailed(state))).toMatchObject({ kind: 'deterministic', code, sqlState: state });
  });

  it('retries the driver losing its socket or its server', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])
      expect(classifyDatabaseError(Object.assign(new Error('socket'), { code })).kind).toBe('transient');
    for (const message of ['Connection terminated unexpectedly', 'timeout exceeded when trying to connect'])
      expect(classifyDatabaseError(new Error(message)).kind).toBe('transient');
  });

  it('does not retry a bug in a projector', () => {
    expect(classifyDatabaseError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toMatchObject({
      kind: 'deterministic',
      code: 'EVENT_STORE.BUG',
    });
  });

  it('retries what it cannot name, within the bounded retry policy of the activity', () => {
    expect(classifyDatabaseError(new Error('something odd')).kind).toBe('transient');
  });
});
