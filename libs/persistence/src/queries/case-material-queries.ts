import type { DataSource } from 'typeorm';
import type { CaseMaterial, NameableFact, PilotMentorship } from '../../../domain/src/index.js';

interface MaterialRow {
  id: string;
  mentee_id: string;
  mentor_id: string;
  supervisor_id: string;
  sessions: Array<{ topics: string[] | null; sharedNotes: string | null; competencies: string[] | null }>;
  guidance: string[];
  finals: Array<{ by: 'mentor' | 'mentee'; comment: string | null; levels: Record<string, number> | null }>;
  kickoff: { goals?: Array<{ competencyKey: string }>; baselines?: Record<string, number> } | null;
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/**
 * What closed mentorships and pilots left that training cases are made of. Private session notes
 * are never selected: they stay with their author.
 */
export class CaseMaterialQueries {
  constructor(private readonly db: DataSource) {}

  /** The cycle each mentorship of a program was planned in, from the program's own event stream. */
  async cycles(programId: string): Promise<Map<string, number>> {
    const rows: Array<{ type: string; payload: { cycle?: number; mentorshipId?: string } }> = await this.db.query(
      `SELECT e.type, e.payload FROM domain_events e JOIN programs p ON e.stream_id = p.workflow_id
       WHERE p.id = $1 AND e.type IN ('CycleStarted', 'MentorshipPlanned') ORDER BY e.stream_version`,
      [programId],
    );
    const out = new Map<string, number>();
    let cycle = 1;
    for (const r of rows) {
      if (r.type === 'CycleStarted') cycle = r.payload.cycle ?? cycle + 1;
      else if (r.payload.mentorshipId) out.set(r.payload.mentorshipId, cycle);
    }
    return out;
  }

  /** Closed mentorships of a program, each with its cycle. */
  async closedMentorships(programId: string): Promise<CaseMaterial[]> {
    const events = (type: string, select: string, extra = '') =>
      `(SELECT coalesce(jsonb_agg(${select} ORDER BY e.stream_version), '[]'::jsonb) FROM domain_events e
         WHERE e.stream_id = m.workflow_id AND e.type = '${type}' ${extra})`;
    const rows: MaterialRow[] = await this.db.query(
      `SELECT m.id, m.mentee_id, m.mentor_id, m.supervisor_id,
         ${events('SessionLogged', "jsonb_build_object('topics', e.payload -> 'topics', 'sharedNotes', e.payload ->> 'sharedNotes', 'competencies', e.payload -> 'competencies')")} AS sessions,
         ${events('CheckpointDecided', "e.payload ->> 'guidance'", "AND coalesce(e.payload ->> 'guidance', '') <> ''")} AS guidance,
         ${events('ReviewSubmitted', "jsonb_build_object('by', e.payload ->> 'by', 'comment', e.payload -> 'survey' ->> 'comment', 'levels', e.payload -> 'levels')", "AND e.payload ->> 'stage' = 'final'")} AS finals,
         (SELECT e.payload FROM domain_events e WHERE e.stream_id = m.workflow_id AND e.type = 'KickoffAgreed'
            AND e.payload ->> 'by' = 'mentor' ORDER BY e.stream_version DESC LIMIT 1) AS kickoff
       FROM mentorships m WHERE m.program_id = $1 AND m.phase = 'CLOSED' ORDER BY m.created_at, m.id`,
      [programId],
    );
    const cycles = await this.cycles(programId);
    return rows.map((r) => {
      const goals = (r.kickoff?.goals ?? []).map((g) => g.competencyKey);
      const finalLevels = r.finals.find((f) => f.by === 'mentor')?.levels ?? {};
      const baselines = r.kickoff?.baselines ?? {};
      return {
        source: 'mentorship' as const,
        ref: r.id,
        cycle: cycles.get(r.id) ?? 1,
        menteeId: r.mentee_id,
        mentorId: r.mentor_id,
        supervisorId: r.supervisor_id,
        declaredCompetencies: [...new Set([...goals, ...r.sessions.flatMap((s) => s.competencies ?? [])])],
        sessions: r.sessions.map((s) => ({ topics: s.topics ?? [], sharedNotes: s.sharedNotes })),
        guidance: r.guidance,
        changes: r.finals.filter((f) => f.comment && f.comment.trim()).map((f) => ({ by: f.by, text: f.comment! })),
        anecdotes: [],
        levelsGained: mean(
          goals
            .filter((k) => baselines[k] !== undefined && finalLevels[k] !== undefined)
            .map((k) => finalLevels[k] - baselines[k]),
        ),
      };
    });
  }

  /** A pilot's mentorships as case material: anecdotes, comments at the close, levels gained. */
  async pilot(pilotId: string): Promise<CaseMaterial[]> {
    const [row]: Array<{ mentorships: PilotMentorship[] }> = await this.db.query(
      `SELECT mentorships FROM pilots WHERE id = $1`,
      [pilotId],
    );
    return (row?.mentorships ?? []).map((m) => ({
      source: 'pilot' as const,
      ref: `${pilotId}/${m.ref}`,
      cycle: null,
      menteeId: m.menteeId,
      mentorId: m.mentorId,
      supervisorId: null,
      declaredCompetencies: m.competencies,
      sessions: [],
      guidance: [],
      changes: m.surveys
        .filter((s) => s.moment === 'close' && typeof s.answers.comment === 'string' && s.answers.comment.trim())
        .map((s) => ({ by: s.respondent, text: s.answers.comment as string })),
      anecdotes: m.anecdotes,
      levelsGained: mean(
        m.competencies
          .filter((k) => m.baseline[k] !== undefined && m.final[k] !== undefined)
          .map((k) => m.final[k] - m.baseline[k]),
      ),
    }));
  }

  /** Mentorships each person saw through to the end as a mentor: closed ones and those of pilots. */
  async closedAsMentor(): Promise<Map<string, number>> {
    const rows: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT id, sum(n)::int AS n FROM (
         SELECT mentor_id AS id, count(*) AS n FROM mentorships WHERE phase = 'CLOSED' GROUP BY mentor_id
         UNION ALL
         SELECT m ->> 'mentorId', count(*) FROM pilots, jsonb_array_elements(mentorships) m GROUP BY m ->> 'mentorId'
       ) x GROUP BY id`,
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** Whatever could name someone of the directory in a text. */
  async nameable(): Promise<NameableFact[]> {
    const rows: Array<{ id: string; name: string; email: string | null }> = await this.db.query(
      `SELECT id, display_name AS name, email FROM people`,
    );
    return rows;
  }
}
