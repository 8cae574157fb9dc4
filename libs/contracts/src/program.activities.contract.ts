import type { AppendEventsInput, AppendOutcome } from './event-append.contract.js';
import type { MatchingRequest, Participant, ProgramEvent, ProposalSummary } from '../../domain/src/index.js';

export type AppendProgramEventsInput = AppendEventsInput<ProgramEvent>;

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
  appendProgramEvents(input: AppendProgramEventsInput): Promise<AppendOutcome<ProgramEvent>>;
  /** Loads the candidates, solves, stores the full proposal (idempotent by program and version). */
  solveMatchingProposal(input: SolveProposalInput): Promise<ProposalSummary | SolveProposalFailure>;
}
