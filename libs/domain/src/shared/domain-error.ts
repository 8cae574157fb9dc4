/**
 * A business rule refused something. The code is a stable string because `instanceof` does not
 * survive the trip from the worker to the API (failures are serialised by Temporal).
 */
export type DomainErrorKind = 'WRONG_PHASE' | 'FORBIDDEN' | 'INVALID' | 'NOT_FOUND' | 'CONFLICT';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
