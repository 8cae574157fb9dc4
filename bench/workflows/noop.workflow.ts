import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** Answers at once with how many steps it has taken: the floor an Update costs on this server. */
export const noopStepUpdate = defineUpdate<number, []>('noopStep');

/**
 * The baseline of the throughput bench: the same interaction shape as a mentorship reaching
 * ACTIVE (`steps` Updates), with no domain logic, no activity and no database.
 */
export async function noopWorkflow(steps: number): Promise<void> {
  let taken = 0;
  setHandler(noopStepUpdate, () => ++taken);
  await condition(() => taken >= steps);
}
