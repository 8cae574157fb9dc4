import type { FailureKind } from './event-append.contract.js';

/**
 * Stable mapping from a failure kind (carried as ApplicationFailure details) to HTTP status: the
 * domain's refusals, and the infrastructure's (an append that could not be stored).
 */
export const HTTP_STATUS_BY_KIND: Record<FailureKind, number> = {
  WRONG_PHASE: 409,
  CONFLICT: 409,
  FORBIDDEN: 403,
  INVALID: 400,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The shape of `ApplicationFailure.details[0]` for failures thrown by workflows to their callers. */
export interface BusinessFailureDetails {
  code: string;
  kind: FailureKind;
  details: Record<string, unknown>;
}
