import { ApplicationFailure, Context, log } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import {
  APPEND_FAILURE,
  KIND_OF_APPEND_FAILURE,
  type AppendEventsInput,
  type AppendOutcome,
  type BusinessFailureDetails,
} from '../../../../libs/contracts/src/index.js';
import type { AppMetrics } from '../../../../libs/platform/src/index.js';
import {
  appendToStream,
  classifyDatabaseError,
  clearWorkflowFault,
  recordWorkflowFault,
  type NewEvent,
  type Projector,
} from '../../../../libs/persistence/src/index.js';

export interface AppendDeps {
  db: DataSource;
  metrics?: AppMetrics;
}

/** From this attempt on, a transient failure is reported as a fault: one blip is not news, three are. */
const REPORT_FROM_ATTEMPT = 3;

/**
 * A workflow's append: the events and their projection in one transaction, or the facts it missed
 * (see appendToStream). Failures are classified: a transient one is thrown as retryable (the
 * activity's bounded retry policy takes it again), a deterministic one as non-retryable with its
 * stable code — retrying the same NUL byte forever is how a workflow wedges. Repeated or refused
 * failures are recorded in workflow_faults for operators; the next success clears them.
 */
export async function appendEvents<E extends NewEvent>(
  deps: AppendDeps,
  input: AppendEventsInput<E>,
  project: Projector<E>,
): Promise<AppendOutcome<E>> {
  const { workflowExecution, attempt } = Context.current().info;
  const workflowId = workflowExecution?.workflowId ?? input.streamId;
  try {
    const result = await appendToStream<E>(
      deps.db,
      {
        streamId: input.streamId,
        expectedVersion: input.expectedVersion,
        events: input.events,
        causationId: input.causationId ?? null,
      },
      project,
    );
    if (result.status === 'stored') for (const e of input.events) deps.metrics?.domainEvents.inc({ type: e.type });
    if (input.recovering || attempt >= REPORT_FROM_ATTEMPT)
      await clearWorkflowFault(deps.db, workflowId, 'APPEND_FAILING');
    return result.status === 'stored' ? { status: 'stored' } : { status: 'behind', missed: result.missed };
  } catch (e) {
    const failure = classifyDatabaseError(e);
    const code = failure.kind === 'transient' ? APPEND_FAILURE.UNAVAILABLE : failure.code;
    deps.metrics?.appendFailures.inc({ failure: failure.kind === 'transient' ? 'transient' : failure.code });
    const detail = `${failure.sqlState ? `SQLSTATE ${failure.sqlState}: ` : ''}${failure.message}`;
    if (failure.kind === 'deterministic' || attempt >= REPORT_FROM_ATTEMPT) {
      log.warn('append failed', { workflowId, streamId: input.streamId, attempt, code, detail });
      await recordWorkflowFault(deps.db, { workflowId, kind: 'APPEND_FAILING', code, detail }).catch(
        (reportError: unknown) => {
          log.warn('could not record the fault', { workflowId, error: String(reportError) });
        },
      );
    }
    const details: BusinessFailureDetails = {
      code,
      kind: KIND_OF_APPEND_FAILURE[code] ?? 'INTERNAL',
      details: { sqlState: failure.sqlState },
    };
    if (failure.kind === 'transient') throw ApplicationFailure.retryable(detail, code, details);
    throw ApplicationFailure.create({ type: code, message: detail, nonRetryable: true, details: [details] });
  }
}
