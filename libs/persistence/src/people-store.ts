import type { DataSource, EntityManager } from 'typeorm';
import type { Person } from '../../domain/src/index.js';
import { PersonEntity } from './entities/person.entity.js';
import { PEOPLE_COLUMNS, personRow, toPerson } from './person-mapper.js';
import { revokeCredentialsOf } from './queries/token-queries.js';

const CHUNK = 1000;

/**
 * Inserts or updates people in chunks of multi-row statements (one round trip per thousand).
 * The manager foreign key is deferred, so rows may come in any order within the transaction.
 * Every token and dashboard session of a person who has left is revoked with it.
 */
export async function upsertPeople(tx: EntityManager, people: Person[]): Promise<void> {
  const updates = PEOPLE_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`);
  for (let start = 0; start < people.length; start += CHUNK) {
    const chunk = people.slice(start, start + CHUNK);
    const params: unknown[] = [];
    const tuples = chunk.map((p) => {
      const row = personRow(p);
      const placeholders = row.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await tx.query(
      `INSERT INTO people (${PEOPLE_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}, updated_at = now(),
         left_at = CASE WHEN EXCLUDED.status = 'left' THEN coalesce(people.left_at, now()) ELSE NULL END`,
      params,
    );
  }
  // Whoever leaves loses access in the same transaction, whichever path said so (import, edit, HR event).
  await revokeCredentialsOf(
    tx,
    people.filter((p) => p.status === 'left').map((p) => p.id),
    'person-left',
  );
}

export async function loadDirectory(db: DataSource | EntityManager): Promise<Map<string, Person>> {
  const rows = await db.getRepository(PersonEntity).find();
  return new Map(rows.map((r) => [r.id, toPerson(r)]));
}
