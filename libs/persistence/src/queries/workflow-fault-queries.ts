import type { DataSource } from 'typeorm';
import { readStream, type EventRow } from '../event-store.js';
import {
  clearWorkflowFault,
  countWorkflowFaults,
  listWorkflowFaults,
  recordWorkflowFault,
  type WorkflowFault,
  type WorkflowFaultKind,
} from '../workflow-faults.js';

/** What the API's operators and its watch over Updates read and write of `workflow_faults` (see workflow-faults.ts). */
export class WorkflowFaultQueries {
  constructor(private readonly db: DataSource) {}

  record(fault: { workflowId: string; kind: WorkflowFaultKind; code: string; detail: string }): Promise<void> {
    return recordWorkflowFault(this.db, fault);
  }

  clear(workflowId: string, kind: WorkflowFaultKind): Promise<void> {
    return clearWorkflowFault(this.db, workflowId, kind);
  }

  list(limit?: number): Promise<WorkflowFault[]> {
    return listWorkflowFaults(this.db, limit);
  }

  count(): Promise<Record<WorkflowFaultKind, number>> {
    return countWorkflowFaults(this.db);
  }

  /** Every stored fact of a workflow's stream (its id is the stream id), oldest first: what a restart carries. */
  stream(workflowId: string): Promise<EventRow[]> {
    return readStream(this.db, workflowId);
  }
}
