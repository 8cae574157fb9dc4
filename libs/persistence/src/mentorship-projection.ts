import type { EntityManager } from 'typeorm';
import {
  DEFAULT_MODEL_KEY,
  foldMentorship,
  type MentorshipEvent,
  type MentorshipState,
} from '../../domain/src/index.js';
import { domainEvents, readStream, type StoredEvent } from './event-store.js';

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

/** Keeps the mentorship read models in step with the mentorship streams (same transaction). */
export async function projectMentorshipEvents(
  tx: EntityManager,
  streamId: string,
  stored: StoredEvent<MentorshipEvent>[],
): Promise<void> {
  const id = idOf(streamId);
  for (const { event: e, version } of stored) {
    if (e.type === 'MentorshipCreated') {
      const d = e.data;
      await tx.query(
        `INSERT INTO mentorships (id, program_id, mentee_id, mentor_id, supervisor_id, owner_id, phase, workflow_id, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'AWAITING_SUPERVISOR_APPROVAL', $7, $8, $9, $9)`,
        [d.mentorshipId, d.programId, d.menteeId, d.mentorId, d.supervisorId, d.ownerId, streamId, version, e.at],
      );
      continue;
    }
    switch (e.type) {
      case 'MentorshipPhaseChanged':
        await tx.query(`UPDATE mentorships SET phase = $2 WHERE id = $1`, [id, e.data.to]);
        break;
      case 'KickoffAgreed':
        await tx.query(`UPDATE mentorships SET goals = $2 WHERE id = $1`, [id, JSON.stringify(e.data.goals)]);
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
        await tx.query(
          `UPDATE mentorships SET sessions = sessions + 1, session_minutes = session_minutes + $2,
             last_session_at = GREATEST(COALESCE(last_session_at, $3::timestamptz), $3::timestamptz) WHERE id = $1`,
          [id, s.minutes, s.heldAt],
        );
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
        await tx.query(`UPDATE mentorships SET reminders_sent = reminders_sent + 1 WHERE id = $1`, [id]);
        break;
      case 'Escalated':
        await tx.query(`UPDATE mentorships SET escalations = escalations + 1 WHERE id = $1`, [id]);
        break;
      case 'RoiEvidenceRecorded':
        await tx.query(`UPDATE mentorships SET roi = $2 WHERE id = $1`, [id, JSON.stringify(e.data)]);
        break;
      case 'MentorshipTerminated':
        await tx.query(`UPDATE mentorships SET termination_reason = $2 WHERE id = $1`, [id, e.data.reason]);
        break;
      default:
        break;
    }
    const updated: unknown[] = await tx.query(
      `WITH u AS (UPDATE mentorships SET version = $2, updated_at = $3 WHERE id = $1 RETURNING id) SELECT id FROM u`,
      [id, version, e.at],
    );
    if (updated.length !== 1) throw new Error(`no mentorship read model for stream ${streamId}`);
  }
  await snapshotMentorshipState(tx, streamId, stored);
}

/**
 * Folds the new events into the stored state with the workflow's own fold, so the row holds what
 * the workflow holds once the append commits (the Update answers only after that). A missing or
 * stale snapshot (rows from before the column) is rebuilt from the whole stream.
 */
export async function snapshotMentorshipState(
  tx: EntityManager,
  streamId: string,
  stored: StoredEvent<MentorshipEvent>[],
): Promise<void> {
  if (stored.length === 0) return;
  const id = idOf(streamId);
  const rows: Array<{ state: MentorshipState | null }> = await tx.query(`SELECT state FROM mentorships WHERE id = $1`, [
    id,
  ]);
  const previous = rows[0]?.state ?? null;
  const state =
    previous !== null && previous.version === stored[0].version - 1
      ? foldMentorship(
          stored.map((s) => s.event),
          previous,
        )
      : foldMentorship(domainEvents<MentorshipEvent>(await readStream(tx, streamId)));
  await tx.query(`UPDATE mentorships SET state = $2 WHERE id = $1`, [id, JSON.stringify(state)]);
}
