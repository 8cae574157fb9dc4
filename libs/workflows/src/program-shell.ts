import { DomainError, foldProgram, type ProgramEvent, type ProgramState } from '../../domain/src/index.js';
import { programStreamId, type ProgramActivities, type ProgramWorkflowInput } from '../../contracts/src/index.js';
import { appendActivities } from './append-activity.js';
import { createEntityShell } from './entity-shell.js';

const appends = appendActivities<ProgramActivities>();

const notReady = () =>
  new DomainError('PROGRAM.NOT_READY', 'CONFLICT', 'the program is still being created; try again');

export function createProgramShell(input: ProgramWorkflowInput) {
  return createEntityShell<ProgramState, ProgramEvent>({
    streamId: programStreamId(input.draft.programId),
    carried: input.carried ?? null,
    handledUpdates: input.handledUpdates,
    fold: foldProgram,
    append: () => appends().appendProgramEvents,
    notReady,
  });
}

export type ProgramShell = ReturnType<typeof createProgramShell>;
