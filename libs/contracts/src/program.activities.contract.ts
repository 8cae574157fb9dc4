import type { MatchingRequest, Participant, ProgramEvent, ProposalSummary } from '../../domain/src/index.js';

export interface AppendProgramEventsInput {
  streamId: string;
  /** Stream version before these events; the first event is stored at `expectedVersion + 1`. */
  expectedVersion: number;
  events: ProgramEvent[];
}

/**
 * Activities a ProgramWorkflow may call. Workflows import this type only; the worker builds the
 * implementation with its dependencies (apps/worker/src/activities).
 */
export interface SolveProposalInput {
  programId: string;
  version: number;
  participants: Participant[];
  request: MatchingRequest;
}

/** A business refusal of the solve (e.g. a pin that breaks a constraint), recorded, not retried. */
export interface SolveProposalFailure {
  failed: true;
  code: string;
  message: string;
}

export interface ProgramActivities {
  appendProgramEvents(input: AppendProgramEventsInput): Promise<void>;
  /** Loads the candidates, solves, stores the full proposal (idempotent by program and version). */
  solveMatchingProposal(input: SolveProposalInput): Promise<ProposalSummary | SolveProposalFailure>;
}

/** Failure type of an append whose versions another writer took: retrying cannot help. */
export const EVENT_STORE_CONFLICT = 'EVENT_STORE.CONFLICT';
