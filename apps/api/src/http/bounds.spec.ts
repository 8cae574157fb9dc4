import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SaneInstant, SaneNumber, SaneNumberRecord } from './bounds.js';

class Sample {
  @SaneInstant() heldAt!: string;
  @SaneInstant({ maxFutureDays: 366 }) occurredAt!: string;
  @SaneNumber() baseline!: number;
  @SaneNumberRecord() factsAfter!: Record<string, number>;
}

const ok = { heldAt: '2026-01-01T09:00:00Z', occurredAt: '2026-01-01T09:00:00Z', baseline: 18, factsAfter: { t: 12 } };
const fieldsAtFault = (patch: Partial<Record<keyof Sample, unknown>>) =>
  validateSync(plainToInstance(Sample, { ...ok, ...patch })).map((e) => e.property);

describe('input bounds', () => {
  it('takes sane values', () => {
    expect(fieldsAtFault({})).toEqual([]);
    expect(fieldsAtFault({ occurredAt: new Date(Date.now() + 200 * 86_400_000).toISOString() })).toEqual([]);
  });

  it('names the field of a far-future or ancient instant, a huge number, a non-finite fact', () => {
    expect(fieldsAtFault({ heldAt: '9999-12-31T00:00:00.000Z' })).toEqual(['heldAt']);
    expect(fieldsAtFault({ heldAt: new Date(Date.now() + 3 * 86_400_000).toISOString() })).toEqual(['heldAt']);
    expect(fieldsAtFault({ heldAt: '1999-12-31T23:59:59Z' })).toEqual(['heldAt']);
    expect(fieldsAtFault({ heldAt: '2026-01-01' })).toEqual(['heldAt']);
    expect(fieldsAtFault({ occurredAt: '2030-01-01T00:00:00Z' })).toEqual(['occurredAt']);
    expect(fieldsAtFault({ baseline: 1e308 })).toEqual(['baseline']);
    expect(fieldsAtFault({ factsAfter: { t: 1e13 } })).toEqual(['factsAfter']);
    expect(fieldsAtFault({ factsAfter: [1] })).toEqual(['factsAfter']);
    const [error] = validateSync(plainToInstance(Sample, { ...ok, heldAt: '9999-12-31T00:00:00.000Z' }));
    expect(Object.values(error.constraints ?? {})).toEqual([
      'heldAt must be an ISO 8601 date-time from 2000-01-01 to now (a day of clock difference allowed)',
    ]);
  });
});
