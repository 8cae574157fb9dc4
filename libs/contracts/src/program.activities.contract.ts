import type { ProgramEvent } from '../../domain/src/index.js';

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
export interface ProgramActivities {
  appendProgramEvents(input: AppendProgramEventsInput): Promise<void>;
}

/** Failure type of an append whose versions another writer took: retrying cannot help. */
export const EVENT_STORE_CONFLICT = 'EVENT_STORE.CONFLICT';
