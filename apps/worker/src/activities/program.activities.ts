import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { ProgramEvent } from '../../../../libs/domain/src/index.js';
import { EVENT_STORE_CONFLICT, type AppendProgramEventsInput, type ProgramActivities } from '../../../../libs/contracts/src/index.js';
import { solveProposal } from './matching.activities.js';
import { appendToStream, projectProgramEvents, StreamConflictError } from '../../../../libs/persistence/src/index.js';

export interface ProgramActivityDeps {
  db: DataSource;
}

/**
 * The key names this activity execution, not its attempt: a retry after a crash or a lost
 * completion finds its own rows and writes nothing again.
 */
export function activityIdempotencyKey(): string {
  const { workflowExecution, activityId } = Context.current().info;
  if (!workflowExecution) throw new Error('program activities run only inside a workflow');
  return `${workflowExecution.workflowId}/${workflowExecution.runId}/activity-${activityId}`;
}

export function createProgramActivities(deps: ProgramActivityDeps): ProgramActivities {
  return {
    async appendProgramEvents(input: AppendProgramEventsInput): Promise<void> {
      try {
        await appendToStream<ProgramEvent>(deps.db, { ...input, idempotencyKey: activityIdempotencyKey() }, projectProgramEvents);
      } catch (e) {
        if (e instanceof StreamConflictError) throw ApplicationFailure.nonRetryable(e.message, EVENT_STORE_CONFLICT);
        throw e;
      }
    },
    solveMatchingProposal: (input) => solveProposal(deps.db, input, new Date()),
  };
}
