import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createProgram, type ProgramEvent } from '../../domain/src/index.js';
import { createTestDatabase } from '../../../test/support/services.js';
import { appendToStream, readStream } from './event-store.js';
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
  const request = (id: string, causationId: string | null = 'update-1') => ({
    streamId: `program:${id}`,
    expectedVersion: 0,
    events: creation(id),
    causationId,
  });

  it('appends a batch with consecutive versions and projects it in the same transaction', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const result = await appendToStream(db, request(id), projectProgramEvents);
    expect(result).toEqual({ status: 'stored', version: 2 });
    const events = await readStream(db, `program:${id}`);
    expect(events.map((e) => [e.streamVersion, e.type])).toEqual([
      [1, 'ProgramCreated'],
      [2, 'ProgramPhaseChanged'],
    ]);
    const row = await db.getRepository(ProgramReadModelEntity).findOneByOrFail({ id });
    expect(row).toMatchObject({ phase: 'LAUNCH_PLANNING', version: 2 });
  });

  it('writes nothing the second time the same append comes (a retried activity), and returns what is stored', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    await appendToStream(db, request(id), projectProgramEvents);
    const again = await appendToStream(db, request(id), projectProgramEvents);
    expect(again.status).toBe('behind');
    if (again.status !== 'behind') return;
    expect(again.missed.map((m) => [m.version, m.causationId, m.event.type])).toEqual([
      [1, 'update-1', 'ProgramCreated'],
      [2, 'update-1', 'ProgramPhaseChanged'],
    ]);
    expect(again.missed[0].event).toEqual(creation(id)[0]);
    expect(await readStream(db, `program:${id}`)).toHaveLength(2);
  });

  it('hands a writer that lost track of its append (other events at its versions) what it missed, and writes none of its batch', async () => {
    const id = '00000000-0000-4000-8000-000000000003';
    await appendToStream(db, request(id, 'first'), projectProgramEvents);
    const behind = await appendToStream(db, request(id, 'second'), projectProgramEvents);
    expect(behind).toMatchObject({ status: 'behind', missed: [{ causationId: 'first' }, { causationId: 'first' }] });
    expect(await readStream(db, `program:${id}`)).toHaveLength(2);
    expect(
      await appendToStream(db, { ...request(id, null), expectedVersion: 2, events: [] }, projectProgramEvents),
    ).toEqual({ status: 'stored', version: 2 });
  });

  it('rolls the events back when the projection fails', async () => {
    const id = '00000000-0000-4000-8000-000000000004';
    const failing = async () => {
      throw new Error('projection broke');
    };
    await expect(appendToStream(db, request(id), failing)).rejects.toThrow('projection broke');
    expect(await readStream(db, `program:${id}`)).toHaveLength(0);
  });

  it('is append-only: the database refuses UPDATE and DELETE of events', async () => {
    await expect(db.query(`UPDATE domain_events SET type = 'X'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM domain_events`)).rejects.toThrow(/append-only/);
  });

  it('applies each batch once when the same append is raced from two connections', async () => {
    const id = '00000000-0000-4000-8000-000000000005';
    const results = await Promise.all([
      appendToStream(db, request(id), projectProgramEvents),
      appendToStream(db, request(id), projectProgramEvents),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['behind', 'stored']);
    expect(await readStream(db, `program:${id}`)).toHaveLength(2);
  });

  it('refuses text Postgres cannot store with its SQLSTATE, and stores nothing of the batch', async () => {
    const id = '00000000-0000-4000-8000-000000000006';
    for (const bad of ['a\u0000b', 'lone \ud83d']) {
      const events = creation(id).map((e) => ({ ...e, data: { ...e.data, name: bad } }) as ProgramEvent);
      const failure = await appendToStream(db, { ...request(id), events }, projectProgramEvents).catch((e) => e);
      expect(failure?.driverError?.code ?? failure?.code).toMatch(/^22/);
    }
    expect(await readStream(db, `program:${id}`)).toHaveLength(0);
  });
});
