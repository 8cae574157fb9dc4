import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createProgram, type ProgramEvent } from '../../domain/src/index.js';
import { createTestDatabase } from '../../../test/support/services.js';
import { appendToStream, readStream, StreamConflictError } from './event-store.js';
import { projectProgramEvents } from './program-projection.js';
import { ProgramReadModelEntity } from './entities/program-read-model.entity.js';

const now = new Date('2027-01-04T09:00:00.000Z');
let db: DataSource;

beforeAll(async () => {
  ({ db } = await createTestDatabase('event_store'));
});
afterAll(async () => {
  await db?.destroy();
});

const creation = (programId: string): ProgramEvent[] =>
  createProgram(
    {
      programId,
      name: 'P',
      ownerId: 'o',
      sponsorId: 's',
      objectives: [{ title: 't', kpis: [{ name: 'k', unit: '%', baseline: 1, target: 2 }] }],
    },
    'o',
    now,
  );

describe('event store on real Postgres', () => {
  it('appends a batch with consecutive versions and projects it in the same transaction', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const result = await appendToStream(
      db,
      { streamId: `program:${id}`, expectedVersion: 0, events: creation(id), idempotencyKey: 'k1' },
      projectProgramEvents,
    );
    expect(result).toEqual({ appended: true, version: 2 });
    const events = await readStream(db, `program:${id}`);
    expect(events.map((e) => [e.streamVersion, e.type])).toEqual([
      [1, 'ProgramCreated'],
      [2, 'ProgramPhaseChanged'],
    ]);
    const row = await db.getRepository(ProgramReadModelEntity).findOneByOrFail({ id });
    expect(row).toMatchObject({ phase: 'LAUNCH_PLANNING', version: 2 });
  });

  it('writes nothing the second time the same idempotency key comes (a retried activity)', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    const request = { streamId: `program:${id}`, expectedVersion: 0, events: creation(id), idempotencyKey: 'retry-me' };
    await appendToStream(db, request, projectProgramEvents);
    const again = await appendToStream(db, request, projectProgramEvents);
    expect(again.appended).toBe(false);
    expect(await readStream(db, `program:${id}`)).toHaveLength(2);
  });

  it('refuses another writer at a taken version with a conflict, and writes none of its batch', async () => {
    const id = '00000000-0000-4000-8000-000000000003';
    await appendToStream(
      db,
      { streamId: `program:${id}`, expectedVersion: 0, events: creation(id), idempotencyKey: 'first' },
      projectProgramEvents,
    );
    await expect(
      appendToStream(
        db,
        { streamId: `program:${id}`, expectedVersion: 0, events: creation(id), idempotencyKey: 'second' },
        projectProgramEvents,
      ),
    ).rejects.toBeInstanceOf(StreamConflictError);
    expect(await readStream(db, `program:${id}`)).toHaveLength(2);
  });

  it('rolls the events back when the projection fails', async () => {
    const id = '00000000-0000-4000-8000-000000000004';
    const failing = async () => {
      throw new Error('projection broke');
    };
    await expect(
      appendToStream(
        db,
        { streamId: `program:${id}`, expectedVersion: 0, events: creation(id), idempotencyKey: 'k4' },
        failing,
      ),
    ).rejects.toThrow('projection broke');
    expect(await readStream(db, `program:${id}`)).toHaveLength(0);
  });

  it('is append-only: the database refuses UPDATE and DELETE of events', async () => {
    await expect(db.query(`UPDATE domain_events SET type = 'X'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM domain_events`)).rejects.toThrow(/append-only/);
  });

  it('applies each batch once when the same key is raced from two connections', async () => {
    const id = '00000000-0000-4000-8000-000000000005';
    const request = { streamId: `program:${id}`, expectedVersion: 0, events: creation(id), idempotencyKey: 'race' };
    const results = await Promise.allSettled([
      appendToStream(db, request, projectProgramEvents),
      appendToStream(db, request, projectProgramEvents),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.appended)).toHaveLength(1);
    expect(await readStream(db, `program:${id}`)).toHaveLength(2);
  });
});
