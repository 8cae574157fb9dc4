import type { DataSource, EntityManager } from 'typeorm';
import { storableText } from '../../domain/src/index.js';

/**
 * What operators look at to find a workflow that cannot move on: one row per workflow and kind,
 * counted while it lasts, removed when the workflow proves healthy again. The one reader and writer
 * of `workflow_faults`.
 */
export type WorkflowFaultKind =
  /** An append keeps failing (transient faults through several attempts, or refused outright). */
  | 'APPEND_FAILING'
  /** An Update waited longer than the API's bound for its answer. */
  | 'SLOW_UPDATE';

export interface WorkflowFault {
  workflowId: string;
  kind: WorkflowFaultKind;
  code: string;
  detail: string;
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** Detail texts are an operator's clue, not a dump: bounded, and cleaned of what Postgres refuses. */
const clean = (text: string) => storableText(text).slice(0, 2000);

export async function recordWorkflowFault(
  db: DataSource | EntityManager,
  fault: { workflowId: string; kind: WorkflowFaultKind; code: string; detail: string },
): Promise<void> {
  await db.query(
    `INSERT INTO workflow_faults (workflow_id, kind, code, detail) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workflow_id, kind) DO UPDATE
       SET code = EXCLUDED.code, detail = EXCLUDED.detail, occurrences = workflow_faults.occurrences + 1,
           last_seen_at = now()`,
    [clean(fault.workflowId), fault.kind, clean(fault.code), clean(fault.detail)],
  );
}

export async function clearWorkflowFault(
  db: DataSource | EntityManager,
  workflowId: string,
  kind: WorkflowFaultKind,
): Promise<void> {
  await db.query(`DELETE FROM workflow_faults WHERE workflow_id = $1 AND kind = $2`, [workflowId, kind]);
}

export async function listWorkflowFaults(db: DataSource, limit = 200): Promise<WorkflowFault[]> {
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT workflow_id, kind, code, detail, occurrences, first_seen_at, last_seen_at
       FROM workflow_faults ORDER BY first_seen_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    workflowId: r.workflow_id as string,
    kind: r.kind as WorkflowFaultKind,
    code: r.code as string,
    detail: r.detail as string,
    occurrences: r.occurrences as number,
    firstSeenAt: (r.first_seen_at as Date).toISOString(),
    lastSeenAt: (r.last_seen_at as Date).toISOString(),
  }));
}

export async function countWorkflowFaults(db: DataSource): Promise<Record<WorkflowFaultKind, number>> {
  const rows: Array<{ kind: WorkflowFaultKind; n: string }> = await db.query(
    `SELECT kind, count(DISTINCT workflow_id) AS n FROM workflow_faults GROUP BY kind`,
  );
  const counts: Record<WorkflowFaultKind, number> = { APPEND_FAILING: 0, SLOW_UPDATE: 0 };
  for (const r of rows) counts[r.kind] = Number(r.n);
  return counts;
}
