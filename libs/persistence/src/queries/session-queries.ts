import type { DataSource } from 'typeorm';
import type { LoggedSession, SharedSession } from '../../../domain/src/index.js';
import { MentorshipSessionEntity } from '../entities/mentorship-session.entity.js';

/** A logged session as stored, with who logged it and when. */
export interface SessionRecord extends LoggedSession {
  authorId: string;
  loggedAt: string;
}

/** The one reader of `mentorship_sessions`. */
export class SessionQueries {
  constructor(private readonly db: DataSource) {}

  /** Sessions of a mentorship in the order they were held. */
  async ofMentorship(mentorshipId: string): Promise<SessionRecord[]> {
    const rows = await this.db
      .getRepository(MentorshipSessionEntity)
      .find({ where: { mentorshipId }, order: { heldAt: 'ASC', sessionId: 'ASC' } });
    return rows.map((r) => ({
      sessionId: r.sessionId,
      heldAt: r.heldAt.toISOString(),
      minutes: r.minutes,
      topics: r.topics,
      competencies: r.competencies,
      sharedNotes: r.sharedNotes,
      privateNotes: r.privateNotes,
      authorId: r.authorId,
      loggedAt: r.loggedAt.toISOString(),
    }));
  }

  /** The shared part of each mentorship's sessions, in the order held: private notes are never selected. */
  async sharedOf(mentorshipIds: string[]): Promise<Map<string, SharedSession[]>> {
    if (mentorshipIds.length === 0) return new Map();
    const rows: Array<{
      mentorship_id: string;
      topics: string[];
      competencies: string[];
      shared_notes: string | null;
    }> = await this.db.query(
      `SELECT mentorship_id, topics, competencies, shared_notes FROM mentorship_sessions
          WHERE mentorship_id = ANY($1::uuid[]) ORDER BY held_at, session_id`,
      [mentorshipIds],
    );
    const out = new Map<string, SharedSession[]>();
    for (const r of rows)
      out.set(r.mentorship_id, [
        ...(out.get(r.mentorship_id) ?? []),
        { topics: r.topics, competencies: r.competencies, sharedNotes: r.shared_notes },
      ]);
    return out;
  }

  /** When the sessions of these mentorships were held, oldest first (a program's activity over time). */
  async heldAtOf(mentorshipIds: string[]): Promise<string[]> {
    if (mentorshipIds.length === 0) return [];
    const rows: Array<{ held_at: Date }> = await this.db.query(
      `SELECT held_at FROM mentorship_sessions WHERE mentorship_id = ANY($1::uuid[]) ORDER BY held_at`,
      [mentorshipIds],
    );
    return rows.map((r) => r.held_at.toISOString());
  }
}
