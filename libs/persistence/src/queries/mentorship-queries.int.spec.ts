import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { mentorshipStreamId } from '../../../contracts/src/index.js';
import { foldMentorship, INTERACTION_ITEMS, snapshotOfMentorship } from '../../../domain/src/index.js';
import { at, mentorshipMidterm, pair } from '../../../../test/support/mentorship-events.js';
import { createTestDatabase } from '../../../../test/support/services.js';
import { appendToStream } from '../event-store.js';
import { projectMentorshipEvents } from '../mentorship-projection.js';
import { MentorshipStateBackfill1764255000000 } from '../migrations/1764255000000-mentorship-state-backfill.js';
import { createQueries, type Queries } from './index.js';

let db: DataSource;
let q: Queries;
const folded = foldMentorship(mentorshipMidterm)!;

beforeAll(async () => {
  ({ db } = await createTestDatabase('mentorship_queries'));
  q = createQueries(db);
  for (const id of ['zoe', 'eloise', 'paul', 'claire'])
    await db.query(`INSERT INTO people (id, display_name) VALUES ($1, $1)`, [id]);
  await appendToStream(
    db,
    {
      streamId: mentorshipStreamId(pair.mentorshipId),
      expectedVersion: 0,
      events: mentorshipMidterm,
      causationId: null,
    },
    projectMentorshipEvents,
  );
});
afterAll(async () => {
  await db?.destroy();
});

/** What monitoring computed before it read the snapshot: the read model plus the event log, in SQL. */
async function fromTheEventLog() {
  const [r]: Array<Record<string, unknown> & { pulse: Record<string, number> | null }> = await db.query(
    `SELECT
       (SELECT max(e.occurred_at) FROM domain_events e WHERE e.stream_id = m.workflow_id AND e.type = 'MentorshipPhaseChanged') AS phase_since,
       (SELECT min(e.occurred_at) FROM domain_events e WHERE e.stream_id = m.workflow_id AND e.type = 'MentorshipPhaseChanged' AND e.payload ->> 'to' = 'ACTIVE') AS active_since,
       (SELECT e.payload FROM domain_events e WHERE e.stream_id = m.workflow_id AND e.type = 'PulseSubmitted' ORDER BY e.stream_version DESC LIMIT 1) -> 'survey' -> 'scores' AS pulse,
       (SELECT array_agg(c.decision ORDER BY c.checkpoint) FROM mentorship_checkpoints c WHERE c.mentorship_id = m.id AND c.decision IS NOT NULL) AS decisions,
       m.sessions, m.session_minutes
     FROM mentorships m WHERE m.id = $1`,
    [pair.mentorshipId],
  );
  return {
    phaseSince: (r.phase_since as Date).toISOString(),
    activeSince: (r.active_since as Date).toISOString(),
    latestPulseMean: INTERACTION_ITEMS.reduce((sum, k) => sum + Number(r.pulse![k] ?? 0), 0) / INTERACTION_ITEMS.length,
    checkpointDecisions: r.decisions,
    sessions: r.sessions,
    sessionMinutes: r.session_minutes,
  };
}

describe('mentorship queries on real Postgres', () => {
  it('read a mentorship as the workflow folds it, from the snapshot stored with its events', async () => {
    const record = await q.mentorships.find(pair.mentorshipId);
    expect(record).toMatchObject({ id: pair.mentorshipId, programId: pair.programId, phase: 'MIDTERM_REVIEW' });
    expect(record!.state).toEqual(folded);
    expect(await q.mentorships.statesOfProgram(pair.programId)).toEqual([folded]);
  });

  it('give monitoring the same figures the event log gave', async () => {
    expect(snapshotOfMentorship(folded)).toMatchObject(await fromTheEventLog());
  });

  it('list, count open checkpoints and tell who mentors whom', async () => {
    expect(await q.mentorships.listOf('paul')).toEqual([
      expect.objectContaining({ id: pair.mentorshipId, sessions: 1, lastSessionAt: at(5), remindersSent: 0 }),
    ]);
    expect(await q.mentorships.openCheckpointCount(pair.programId)).toBe(1);
    const relations = await q.mentorships.activeRelations('eloise');
    expect([...relations.menteesOf]).toEqual(['zoe']);
    expect((await q.sessions.ofMentorship(pair.mentorshipId)).map((s) => s.minutes)).toEqual([45]);
  });

  it('backfill the snapshot of rows older than the column from their streams', async () => {
    await db.query(`UPDATE mentorships SET state = NULL WHERE id = $1`, [pair.mentorshipId]);
    await expect(q.mentorships.statesOfProgram(pair.programId)).rejects.toThrow(/no state snapshot/);
    const runner = db.createQueryRunner();
    try {
      await new MentorshipStateBackfill1764255000000().up(runner);
    } finally {
      await runner.release();
    }
    expect((await q.mentorships.find(pair.mentorshipId))!.state).toEqual(folded);
  });
});
