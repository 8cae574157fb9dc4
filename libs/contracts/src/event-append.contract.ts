import type { DomainErrorKind } from '../../domain/src/index.js';

/** What a workflow asks the event store to append (one local activity per commit). */
export interface AppendEventsInput<E> {
  streamId: string;
  /** Stream version before these events; the first event is stored at `expectedVersion + 1`. */
  expectedVersion: number;
  events: E[];
  /** The Update that caused them, or null for the workflow's own clock (absent in old histories). */
  causationId?: string | null;
  /** An earlier append of this workflow failed: a success now clears its fault record. */
  recovering?: boolean;
}

/** An event the workflow did not know: stored by an attempt whose record was lost. */
export interface MissedFact<E> {
  version: number;
  causationId: string | null;
  event: E;
}

/**
 * `stored`: appended. `behind`: the stream was already past `expectedVersion` (a workflow task that
 * failed after its append committed); nothing was written and `missed` is what to fold first.
 * Histories recorded before this contract have no result (undefined).
 */
export type AppendOutcome<E> = { status: 'stored' } | { status: 'behind'; missed: MissedFact<E>[] };

/** Failure types of an append, as the workflow and the API see them. */
export const APPEND_FAILURE = {
  /** Postgres stayed unreachable through every retry of the activity: try again later. */
  UNAVAILABLE: 'EVENT_STORE.UNAVAILABLE',
  /** A value the database cannot store (NUL, a lone surrogate, a number out of range). */
  INVALID_VALUE: 'EVENT_STORE.INVALID_VALUE',
  /** A read-model constraint refused the facts: a bug between the domain and the projection. */
  CONSTRAINT: 'EVENT_STORE.CONSTRAINT',
  /** Any other deterministic failure (a projector's bug). */
  BUG: 'EVENT_STORE.BUG',
  /** The log moved under the workflow again and again: it could not catch up. */
  CONFLICT: 'EVENT_STORE.CONFLICT',
} as const;

/** A decision that threw something other than a DomainError: a bug, reported, never retried. */
export const DECISION_FAILED = 'WORKFLOW.DECISION_FAILED';

/** Kinds of failures that are not business refusals, with their HTTP status. */
export type InfrastructureKind = 'UNAVAILABLE' | 'INTERNAL';
export type FailureKind = DomainErrorKind | InfrastructureKind;

export const KIND_OF_APPEND_FAILURE: Record<string, FailureKind> = {
  [APPEND_FAILURE.UNAVAILABLE]: 'UNAVAILABLE',
  [APPEND_FAILURE.INVALID_VALUE]: 'INVALID',
  [APPEND_FAILURE.CONSTRAINT]: 'INTERNAL',
  [APPEND_FAILURE.BUG]: 'INTERNAL',
  [APPEND_FAILURE.CONFLICT]: 'INTERNAL',
  [DECISION_FAILED]: 'INTERNAL',
};
