import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each stored event names what caused it (the Update id, or none for the workflow's own clock), so
 * a workflow that finds the log ahead of it — a task lost after its append committed — can tell its
 * own request already applied. Workflow faults: what operators look at to find a stuck workflow.
 */
export class CausationWorkflowFaults1764270000000 implements MigrationInterface {
  name = 'CausationWorkflowFaults1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE domain_events ADD COLUMN causation_id text`);
    await q.query(`
      CREATE TABLE workflow_faults (
        workflow_id text NOT NULL,
        kind text NOT NULL,
        code text NOT NULL,
        detail text NOT NULL,
        occurrences integer NOT NULL DEFAULT 1,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workflow_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE workflow_faults`);
    await q.query(`ALTER TABLE domain_events DROP COLUMN causation_id`);
  }
}
