import { ActivityFailure, ApplicationFailure, log } from '@temporalio/workflow';
import { isDomainError, type DomainError } from '../../domain/src/shared/domain-error.js';
import { APPEND_FAILURE, DECISION_FAILED, KIND_OF_APPEND_FAILURE } from '../../contracts/src/event-append.contract.js';
import type { BusinessFailureDetails } from '../../contracts/src/failure-codes.js';

/**
 * Runs a domain decision; a DomainError becomes a non-retryable ApplicationFailure whose type is the
 * stable code, so the API can map it to an HTTP status after the trip through Temporal. Anything
 * else a decision throws is a bug: it fails the one Update that met it (`WORKFLOW.DECISION_FAILED`)
 * instead of failing the workflow task, which Temporal would retry forever with every other
 * Update of the workflow waiting behind it.
 */
export function decide<T>(decision: () => T): T {
  try {
    return decision();
  } catch (e) {
    if (isDomainError(e)) throw businessFailure(e);
    if (e instanceof ApplicationFailure) throw e;
    log.error('a decision failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    throw infrastructureFailure(DECISION_FAILED, 'the decision failed; the request changed nothing');
  }
}

export function businessFailure(e: DomainError): ApplicationFailure {
  const details: BusinessFailureDetails = { code: e.code, kind: e.kind, details: e.details };
  return ApplicationFailure.create({ type: e.code, message: e.message, nonRetryable: true, details: [details] });
}

export function infrastructureFailure(code: string, message: string): ApplicationFailure {
  const details: BusinessFailureDetails = { code, kind: KIND_OF_APPEND_FAILURE[code] ?? 'INTERNAL', details: {} };
  return ApplicationFailure.create({ type: code, message, nonRetryable: true, details: [details] });
}

/** An append that failed through all its retries, as the failure of the Update that asked for it. */
export function appendFailure(e: unknown): ApplicationFailure {
  const cause = e instanceof ActivityFailure ? e.cause : e;
  const type = cause instanceof ApplicationFailure && cause.type ? cause.type : APPEND_FAILURE.UNAVAILABLE;
  const message =
    type === APPEND_FAILURE.INVALID_VALUE
      ? 'a value of this request cannot be stored; nothing was changed'
      : type === APPEND_FAILURE.UNAVAILABLE
        ? 'the event store does not answer; nothing was changed, try again later'
        : 'the facts could not be stored; nothing was changed';
  return infrastructureFailure(type, message);
}
