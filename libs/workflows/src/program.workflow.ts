import { allHandlersFinished, condition, continueAsNew } from '@temporalio/workflow';
import { createProgram, startNextCycle } from '../../domain/src/index.js';
import type { ProgramWorkflowInput } from '../../contracts/src/index.js';
import { registerProgramHandlers } from './program-handlers.js';
import { awaitEvaluation, awaitLaunchApproval, runCycle, solveProposals } from './program-phases.js';
import { createProgramShell } from './program-shell.js';

/**
 * One program cycle. A thin shell: decisions come from libs/domain, facts go to the event store.
 * The phases run in order; any of them may end early when continue-as-new is suggested, and the
 * next run, carrying the state, picks up in the phase it was in.
 */
export async function programWorkflow(input: ProgramWorkflowInput): Promise<void> {
  const entity = createProgramShell(input);
  registerProgramHandlers(entity);

  if (entity.state() === null) await entity.create((now) => createProgram(input.draft, input.createdBy, now));

  await awaitLaunchApproval(entity, input);
  await solveProposals(entity, input);
  await runCycle(entity, input);
  await awaitEvaluation(entity);

  if (entity.current().phase === 'CLOSED') {
    await condition(allHandlersFinished);
    return;
  }
  // A renewal opens the next cycle and continues as new: the new run plans it from the top.
  if (entity.current().phase === 'RENEWED') await entity.tick((s, now) => startNextCycle(s, now));
  await condition(allHandlersFinished);
  await continueAsNew<typeof programWorkflow>({
    ...input,
    carried: entity.current(),
    handledUpdates: entity.remembered(),
  });
}
