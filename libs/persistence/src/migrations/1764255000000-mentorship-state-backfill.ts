import type { MigrationInterface, QueryRunner } from 'typeorm';
import { foldMentorship, type MentorshipEvent } from '../../../domain/src/index.js';

/**
 * Folds the stream of every mentorship whose state snapshot is still null (rows older than the
 * column that got no event since), so that the snapshot is the one source of a mentorship's facts
 * for every row: monitoring, reports and the dashboard read nothing else.
 */
export class MentorshipStateBackfill1764255000000 implements MigrationInterface {
  name = 'MentorshipStateBackfill1764255000000';

  async up(q: QueryRunner): Promise<void> {
    const rows: Array<{ id: string; workflow_id: string }> = await q.manager.query(
      `SELECT id, workflow_id FROM mentorships WHERE state IS NULL`,
    );
    for (const row of rows) {
      // Read here rather than through readStream: later changes to the event store must not change a migration.
      const stored: Array<{ type: string; payload: unknown; actor_id: string; occurred_at: Date }> =
        await q.manager.query(
          `SELECT type, payload, actor_id, occurred_at FROM domain_events WHERE stream_id = $1 ORDER BY stream_version`,
          [row.workflow_id],
        );
      const events = stored.map(
        (r) =>
          ({ type: r.type, at: r.occurred_at.toISOString(), actorId: r.actor_id, data: r.payload }) as MentorshipEvent,
      );
      const state = foldMentorship(events);
      if (state) await q.query(`UPDATE mentorships SET state = $2 WHERE id = $1`, [row.id, JSON.stringify(state)]);
    }
  }

  async down(): Promise<void> {
    // The snapshots stay: they are what the projector would have written on the next event.
  }
}
