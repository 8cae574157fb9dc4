import { ApplicationFailure } from '@temporalio/workflow';
import { isDomainError, type DomainError } from '../../domain/src/index.js';
import type { BusinessFailureDetails } from '../../contracts/src/index.js';

/**
 * Runs a domain decision; a DomainError becomes a non-retryable ApplicationFailure whose type is the
 * stable code, so the API can map it to an HTTP status after the trip through Temporal.
 */
export function decide<T>(decision: () => T): T {
  try {
    return decision();
  } catch (e) {
    if (isDomainError(e)) throw businessFailure(e);
    throw e;
  }
}

export function businessFailure(e: DomainError): ApplicationFailure {
  const details: BusinessFailureDetails = { code: e.code, kind: e.kind, details: e.details };
  return ApplicationFailure.create({ type: e.code, message: e.message, nonRetryable: true, details: [details] });
}
