import type { DomainErrorKind } from '../../domain/src/index.js';

/** Stable mapping from a domain error kind (carried as ApplicationFailure details) to HTTP status. */
export const HTTP_STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  WRONG_PHASE: 409,
  CONFLICT: 409,
  FORBIDDEN: 403,
  INVALID: 400,
  NOT_FOUND: 404,
};

/** The shape of `ApplicationFailure.details[0]` for business failures thrown by workflows. */
export interface BusinessFailureDetails {
  code: string;
  kind: DomainErrorKind;
  details: Record<string, unknown>;
}
