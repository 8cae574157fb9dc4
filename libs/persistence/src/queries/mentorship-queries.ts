import { In, type DataSource } from 'typeorm';
import { mentorshipStreamId } from '../../../contracts/src/index.js';
import {
  foldMentorship,
  INTERACTION_ITEMS,
  type MentorshipEvent,
  type ActiveRelations,
  type MentorshipPhase,
  type MentorshipState,
  type ProgramPolicy,
} from '../../../domain/src/index.js';
import { MentorshipEntity } from '../entities/mentorship.entity.js';
import { domainEvents, readStream, readStreams, type EventRow } from '../event-store.js';

/** Who a mentorship is between, in which program, and its phase (what lists filter on). */
export interface MentorshipParties {
  id: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  supervisorId: string;
  ownerId: string;
  phase: MentorshipPhase;
}

/** A mentorship's parties and its whole state as of its last stored event. */
export interface MentorshipRecord extends MentorshipParties {
  workflowId: string;
  /** Null only before the state backfill ran on rows older than the column. */
  state: MentorshipState | null;
}

/** One line of a person's list of mentorships. */
export interface MentorshipListItem extends MentorshipParties {
  sessions: number;
  lastSessionAt: string | null;
  remindersSent: number;
  escalations: number;
}

const RECORD_COLUMNS = {
  id: true,
  programId: true,
  menteeId: true,
  mentorId: true,
  supervisorId: true,
  ownerId: true,
  workflowId: true,
  phase: true,
  state: true,
} as const;

/** The columns that say who a mentorship is between, as every listing selects them. */
interface PartiesRow {
  id: string;
  program_id: string;
  mentee_id: string;
  mentor_id: string;
  supervisor_id: string;
  owner_id: string;
  phase: MentorshipPhase;
}
const partiesOf = (r: PartiesRow): MentorshipParties => ({
  id: r.id,
  programId: r.program_id,
  menteeId: r.mentee_id,
  mentorId: r.mentor_id,
  supervisorId: r.supervisor_id,
  ownerId: r.owner_id,
  phase: r.phase,
});

/**
 * The one reader of `mentorships` and of the mentorship streams. The row's columns identify the
 * mentorship (parties, program, phase: what lists filter on); every other fact comes from `state`,
 * the workflow's own fold stored with the events.
 */
export class MentorshipQueries {
  constructor(private readonly db: DataSource) {}

  find(id: string): Promise<MentorshipRecord | null> {
    return this.db.getRepository(MentorshipEntity).findOne({ where: { id }, select: RECORD_COLUMNS });
  }

  /** The person's mentorships in any role, newest first. */
  async listOf(personId: string, limit = 500): Promise<MentorshipListItem[]> {
    const rows: Array<
      PartiesRow & {
        sessions: number | null;
        last_session_at: string | null;
        reminders_sent: number | null;
        escalations: number | null;
      }
    > = await this.db.query(
      `SELECT id, program_id, mentee_id, mentor_id, supervisor_id, owner_id, phase,
              (state ->> 'sessions')::int AS sessions, state ->> 'lastSessionAt' AS last_session_at,
              (state ->> 'remindersSent')::int AS reminders_sent, (state ->> 'escalations')::int AS escalations
         FROM mentorships WHERE $1 IN (mentee_id, mentor_id, supervisor_id, owner_id)
        ORDER BY created_at DESC, id LIMIT $2`,
      [personId, limit],
    );
    return rows.map((r) => ({
      ...partiesOf(r),
      sessions: r.sessions ?? 0,
      lastSessionAt: r.last_session_at,
      remindersSent: r.reminders_sent ?? 0,
      escalations: r.escalations ?? 0,
    }));
  }

  /** The person's mentorships with their state and their program's policy, newest first (the dashboard). */
  async withStateOf(
    personId: string,
    limit = 200,
  ): Promise<Array<MentorshipRecord & { programPolicy: ProgramPolicy | null }>> {
    const rows: Array<
      PartiesRow & { workflow_id: string; state: MentorshipState | null; policy: ProgramPolicy | null }
    > = await this.db.query(
      `SELECT m.id, m.program_id, m.mentee_id, m.mentor_id, m.supervisor_id, m.owner_id, m.workflow_id, m.phase,
              m.state, p.policy
         FROM mentorships m LEFT JOIN programs p ON p.id = m.program_id
        WHERE $1 IN (m.mentee_id, m.mentor_id, m.supervisor_id, m.owner_id) ORDER BY m.created_at DESC LIMIT $2`,
      [personId, limit],
    );
    return rows.map((r) => ({
      ...partiesOf(r),
      workflowId: r.workflow_id,
      state: r.state,
      programPolicy: r.policy,
    }));
  }

  /** The phase of each of these mentorships that has started (absent: not started yet). */
  async phasesOf(ids: string[]): Promise<Map<string, MentorshipPhase>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; phase: MentorshipPhase }> = await this.db.query(
      `SELECT id, phase FROM mentorships WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.phase]));
  }

  /** The state of each mentorship of a program, in the order they were created. */
  async statesOfProgram(programId: string): Promise<MentorshipState[]> {
    const rows = await this.db
      .getRepository(MentorshipEntity)
      .find({ where: { programId }, select: { id: true, state: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => {
      if (!r.state) throw new Error(`mentorship ${r.id} has no state snapshot: run the migrations`);
      return r.state;
    });
  }

  /** The state snapshots of these mentorships (those that exist), oldest first. */
  async statesOf(ids: string[]): Promise<MentorshipState[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.getRepository(MentorshipEntity).find({
      where: { id: In(ids) },
      select: { id: true, state: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => {
      if (!r.state) throw new Error(`mentorship ${r.id} has no state snapshot: run the migrations`);
      return r.state;
    });
  }

  /**
   * These mentorships as they stood at `at`, folded from their streams: what a cycle's report shows
   * once the cycle has ended, however its mentorships went on.
   */
  async statesAsOf(ids: string[], at: string): Promise<MentorshipState[]> {
    const streams = await readStreams(this.db, ids.map(mentorshipStreamId), at);
    return ids
      .map((id) => foldMentorship(domainEvents<MentorshipEvent>(streams.get(mentorshipStreamId(id)) ?? [])))
      .filter((s): s is MentorshipState => s !== null);
  }

  /** Closed mentorships (all programs) per mentor: who is experienced enough to train others. */
  async closedCountByMentor(): Promise<Map<string, number>> {
    const rows: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT mentor_id AS id, count(*)::int AS n FROM mentorships WHERE phase = 'CLOSED' GROUP BY mentor_id`,
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** Everyone who was ever a mentee or a mentor of the program (never a comparison for it). */
  async peopleOfProgram(programId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT mentee_id AS id FROM mentorships WHERE program_id = $1 UNION SELECT mentor_id FROM mentorships WHERE program_id = $1`,
      [programId],
    );
    return rows.map((r) => r.id);
  }

  /** Checkpoints of the program's mentorships waiting for their supervisor. */
  async openCheckpointCount(programId: string): Promise<number> {
    const [{ open }]: Array<{ open: number }> = await this.db.query(
      `SELECT count(*)::int AS open FROM mentorships WHERE program_id = $1 AND state -> 'checkpoints' @> '[{"decision": null}]'`,
      [programId],
    );
    return open;
  }

  /** Whom this person mentors or supervises in a mentorship that has not ended. */
  async activeRelations(personId: string): Promise<ActiveRelations> {
    const rows: Array<{ mentee_id: string; mentor_id: string; supervisor_id: string }> = await this.db.query(
      `SELECT mentee_id, mentor_id, supervisor_id FROM mentorships
        WHERE (mentor_id = $1 OR supervisor_id = $1) AND phase NOT IN ('CLOSED', 'TERMINATED')`,
      [personId],
    );
    return {
      menteesOf: new Set(rows.filter((r) => r.mentor_id === personId).map((r) => r.mentee_id)),
      superviseesOf: new Set(
        rows.filter((r) => r.supervisor_id === personId).flatMap((r) => [r.mentee_id, r.mentor_id]),
      ),
    };
  }

  /**
   * Every survey answer (pulse, midterm, final) of the program's mentorships: the mean per
   * interaction-quality question. Every answer, not the latest, so the event log is the source.
   */
  /** Interaction-quality answers (pulses and reviews) of these mentorships, until `until` if given. */
  async feedbackOf(ids: string[], until?: string | null): Promise<{ answers: number; means: Record<string, number> }> {
    const scores: Array<{ item: string; mean: string; n: string }> =
      ids.length === 0
        ? []
        : await this.db.query(
            `SELECT s.key AS item, avg(s.value::numeric) AS mean, count(*) AS n
               FROM domain_events e
               CROSS JOIN LATERAL jsonb_each_text(e.payload -> 'survey' -> 'scores') AS s(key, value)
              WHERE e.stream_id = ANY($1) AND e.type IN ('PulseSubmitted', 'ReviewSubmitted')
                AND ($2::timestamptz IS NULL OR e.occurred_at <= $2)
              GROUP BY s.key`,
            [ids.map((id) => mentorshipStreamId(id)), until ?? null],
          );
    const means = Object.fromEntries(
      scores
        .filter((r) => (INTERACTION_ITEMS as readonly string[]).includes(r.item))
        .map((r) => [r.item, Math.round(Number(r.mean) * 100) / 100]),
    );
    return { answers: Number(scores[0]?.n ?? 0), means };
  }

  /** The mentorship's stream, oldest first. */
  timeline(id: string): Promise<EventRow[]> {
    return readStream(this.db, mentorshipStreamId(id));
  }
}
