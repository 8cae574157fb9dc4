import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mentorship read models (list, sessions, checkpoints) and the email outbox. */
export class Mentorships1764230000000 implements MigrationInterface {
  name = 'Mentorships1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mentorships (
        id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        mentee_id text NOT NULL,
        mentor_id text NOT NULL,
        supervisor_id text NOT NULL,
        owner_id text NOT NULL,
        phase text NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        version integer NOT NULL,
        sessions integer NOT NULL DEFAULT 0,
        session_minutes integer NOT NULL DEFAULT 0,
        last_session_at timestamptz,
        reminders_sent integer NOT NULL DEFAULT 0,
        escalations integer NOT NULL DEFAULT 0,
        goals jsonb NOT NULL DEFAULT '[]',
        roi jsonb,
        termination_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    for (const col of ['program_id', 'mentee_id', 'mentor_id', 'supervisor_id', 'owner_id']) {
      await q.query(`CREATE INDEX ix_mentorships_${col} ON mentorships (${col})`);
    }
    await q.query(`
      CREATE TABLE mentorship_sessions (
        mentorship_id uuid NOT NULL REFERENCES mentorships(id),
        session_id text NOT NULL,
        held_at timestamptz NOT NULL,
        minutes integer NOT NULL,
        topics text[] NOT NULL,
        competencies text[] NOT NULL,
        shared_notes text,
        private_notes text,
        author_id text NOT NULL,
        logged_at timestamptz NOT NULL,
        PRIMARY KEY (mentorship_id, session_id)
      )`);
    await q.query(`
      CREATE TABLE mentorship_checkpoints (
        mentorship_id uuid NOT NULL REFERENCES mentorships(id),
        checkpoint integer NOT NULL,
        opened_at timestamptz NOT NULL,
        decision text,
        guidance text,
        decided_by text,
        decided_at timestamptz,
        PRIMARY KEY (mentorship_id, checkpoint)
      )`);
    // One row per message ever due; the unique key makes a retried enqueue a no-op.
    await q.query(`
      CREATE TABLE outbox_emails (
        id bigserial PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        recipient_id text NOT NULL,
        to_address text,
        language text NOT NULL,
        template text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        ical text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'undeliverable')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_outbox_pending ON outbox_emails (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_emails`);
    await q.query(`DROP TABLE mentorship_checkpoints`);
    await q.query(`DROP TABLE mentorship_sessions`);
    await q.query(`DROP TABLE mentorships`);
  }
}
