import type { EntityManager } from 'typeorm';
import {
  DEFAULT_MODEL_KEY,
  foldMentorship,
  type MentorshipEvent,
  type MentorshipPair,
  type MentorshipState,
} from '../../domain/src/index.js';
import { domainEvents, readStream, type StoredEvent } from './event-store.js';
import { RowChange } from './mentorship-row-change.js';

const idOf = (streamId: string) => streamId.slice('mentorship:'.length);

/**
 * The mentor's levels (kickoff baselines, midterm and final re-assessments) become assessments of
 * the mentee against the latest version of the model that holds the competency, so progress shows
 * in the directory's gaps and in program reports like any other evidence.
 */
async function recordAssessments(
  tx: EntityManager,
  mentorshipId: string,
  levels: Record<string, number>,
  context: 'baseline' | 'midpoint' | 'final',
  assessorId: string,
  at: string,
  what: string,
) {
  const keys = Object.keys(levels);
  if (keys.length === 0) return;
  await tx.query(
    `INSERT INTO assessments (person_id, model_id, competency_key, level, source, context, evidence, assessor_id, assessed_at)
     SELECT m.mentee_id, model.id, l.key, l.level, 'mentor', $3, $4, $5, $6
       FROM mentorships m
       CROSS JOIN LATERAL jsonb_each_text($2::jsonb) AS l0(key, value)
       CROSS JOIN LATERAL (SELECT l0.key, l0.value::smallint AS level) l
       JOIN LATERAL (
         SELECT cm.id FROM competency_models cm
          WHERE cm.definition -> 'competencies' @> jsonb_build_array(jsonb_build_object('key', l.key))
          ORDER BY cm.key = $7 DESC, cm.version DESC LIMIT 1
       ) model ON true
      WHERE m.id = $1`,
    [
      mentorshipId,
      JSON.stringify(levels),
      context,
      `mentorship ${mentorshipId}, ${what}`,
      assessorId,
      at,
      DEFAULT_MODEL_KEY,
    ],
  );
}

/**
 * Keeps the mentorship read models in step with the mentorship streams (same transaction), and
 * answers the mentorship's people for the emails the events cause. The row is read once (its state
 * and people; not at all for a new mentorship, whose batch holds both) and written once.
 */
export async function projectMentorshipEvents(
  tx: EntityManager,
  streamId: string,
  stored: StoredEvent<MentorshipEvent>[],
): Promise<MentorshipPair> {
  const id = idOf(streamId);
  const row = new RowChange();
  let created: MentorshipPair | null = null;
  for (const { event: e, version } of stored) {
    switch (e.type) {
      case 'MentorshipCreated': {
        const d = e.data;
        await tx.query(
          `INSERT INTO mentorships (id, program_id, mentee_id, mentor_id, supervisor_id, owner_id, phase, workflow_id, version, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'AWAITING_SUPERVISOR_APPROVAL', $7, $8, $9, $9)`,
          [d.mentorshipId, d.programId, d.menteeId, d.mentorId, d.supervisorId, d.ownerId, streamId, version, e.at],
        );
        created = pairOfEvent(d);
        break;
      }
      case 'MentorshipPhaseChanged':
        row.set('phase', e.data.to);
        break;
      case 'KickoffAgreed':
        row.set('goals', JSON.stringify(e.data.goals));
        if (e.data.by === 'mentor')
          await recordAssessments(tx, id, e.data.baselines, 'baseline', e.actorId, e.at, 'kickoff');
        // The party's answer on case consent is the person's answer from now on (a later one replaces it).
        if (e.data.caseConsent)
          await tx.query(
            `INSERT INTO case_consents (person_id, consent, recorded_by, recorded_at) VALUES ($1, $2, $1, $3)
             ON CONFLICT (person_id) DO UPDATE
               SET consent = EXCLUDED.consent, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
            [e.actorId, e.data.caseConsent, e.at],
          );
        break;
      case 'ReviewSubmitted':
        if (e.data.by === 'mentor')
          await recordAssessments(
            tx,
            id,
            e.data.levels,
            e.data.stage === 'midterm' ? 'midpoint' : 'final',
            e.actorId,
            e.at,
            `${e.data.stage} review`,
          );
        break;
      case 'SessionLogged': {
        const s = e.data;
        await tx.query(
          `INSERT INTO mentorship_sessions (mentorship_id, session_id, held_at, minutes, topics, competencies, shared_notes, private_notes, author_id, logged_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            id,
            s.sessionId,
            s.heldAt,
            s.minutes,
            s.topics,
            s.competencies,
            s.sharedNotes,
            s.privateNotes,
            e.actorId,
            e.at,
          ],
        );
        row.session(s.minutes, s.heldAt);
        break;
      }
      case 'CheckpointOpened':
        await tx.query(
          `INSERT INTO mentorship_checkpoints (mentorship_id, checkpoint, opened_at) VALUES ($1, $2, $3)`,
          [id, e.data.checkpoint, e.at],
        );
        break;
      case 'CheckpointDecided':
        await tx.query(
          `UPDATE mentorship_checkpoints SET decision = $3, guidance = $4, decided_by = $5, decided_at = $6 WHERE mentorship_id = $1 AND checkpoint = $2`,
          [id, e.data.checkpoint, e.data.decision, e.data.guidance, e.actorId, e.at],
        );
        break;
      case 'ReminderSent':
        row.reminders++;
        break;
      case 'Escalated':
        row.escalations++;
        break;
      case 'RoiEvidenceRecorded':
        row.set('roi', JSON.stringify(e.data));
        break;
      case 'MentorshipTerminated':
        row.set('termination_reason', e.data.reason);
        break;
      default:
        break;
    }
  }
  if (stored.length === 0) return (await storedRow(tx, streamId)).pair;
  const { state, pair } = await foldedWith(tx, streamId, stored, created);
  const last = stored[stored.length - 1];
  const change = row.clauses(5);
  // Wrapped in a WITH: TypeORM answers a bare UPDATE with [rows, count], a SELECT with its rows.
  const updated: unknown[] = await tx.query(
    `WITH u AS (UPDATE mentorships SET version = $2, updated_at = $3, state = $4${change.sets.map((c) => `, ${c}`).join('')}
      WHERE id = $1 RETURNING id) SELECT id FROM u`,
    [id, last.version, last.event.at, JSON.stringify(state), ...change.params],
  );
  if (updated.length !== 1) throw new Error(`no mentorship read model for stream ${streamId}`);
  return pair;
}

/**
 * The state once the new events are folded, with the workflow's own fold, so the row holds what the
 * workflow holds once the append commits (the Update answers only after that); and the pair. A new
 * stream's state is its batch alone; otherwise the stored state is read with the pair, and a missing
 * or stale one (rows from before the column) is rebuilt from the whole stream.
 */
async function foldedWith(
  tx: EntityManager,
  streamId: string,
  stored: StoredEvent<MentorshipEvent>[],
  created: MentorshipPair | null,
): Promise<{ state: MentorshipState | null; pair: MentorshipPair }> {
  const events = stored.map((s) => s.event);
  if (stored[0].version === 1 && created) return { state: foldMentorship(events), pair: created };
  const { state: previous, pair } = await storedRow(tx, streamId);
  const state =
    previous !== null && previous.version === stored[0].version - 1
      ? foldMentorship(events, previous)
      : foldMentorship(domainEvents<MentorshipEvent>(await readStream(tx, streamId)));
  return { state, pair };
}

/** The row's stored state and people, in one read. */
async function storedRow(
  tx: EntityManager,
  streamId: string,
): Promise<{ state: MentorshipState | null; pair: MentorshipPair }> {
  const rows: Array<Record<string, string> & { state: MentorshipState | null }> = await tx.query(
    `SELECT state, id, program_id, mentee_id, mentor_id, supervisor_id, owner_id FROM mentorships WHERE id = $1`,
    [idOf(streamId)],
  );
  if (!rows[0]) throw new Error(`no mentorship read model for stream ${streamId}`);
  return { state: rows[0].state, pair: pairOfRow(rows[0]) };
}

const pairOfEvent = (d: MentorshipPair): MentorshipPair => ({
  mentorshipId: d.mentorshipId,
  programId: d.programId,
  menteeId: d.menteeId,
  mentorId: d.mentorId,
  supervisorId: d.supervisorId,
  ownerId: d.ownerId,
});

const pairOfRow = (r: Record<string, string>): MentorshipPair => ({
  mentorshipId: r.id,
  programId: r.program_id,
  menteeId: r.mentee_id,
  mentorId: r.mentor_id,
  supervisorId: r.supervisor_id,
  ownerId: r.owner_id,
});
