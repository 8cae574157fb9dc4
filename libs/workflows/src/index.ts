import type { ProgramWorkflowInput } from '../../contracts/src/program.contract.js';

// Entry point bundled by the worker: every workflow function exported here is registered.
export { mentorshipWorkflow } from './mentorship.workflow.js';

/**
 * The program workflow, loaded when a program run starts. Each run instantiates every module it
 * loads (the SDK gives each run its own module cache in the shared V8 context), and the entry's
 * imports load for every run: a static import here made each of the thousands of mentorship runs
 * evaluate and keep the program's whole graph — matching, proof, pilots, cases — about 0.5 MiB per
 * cached run (bench/scale/cache-memory.ts). `eager` keeps the module in the one bundle.
 */
export async function programWorkflow(input: ProgramWorkflowInput): Promise<void> {
  const program = await import(/* webpackMode: "eager" */ './program.workflow.js');
  return program.programWorkflow(input);
}
