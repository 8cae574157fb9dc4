// Entry point bundled by the worker: every workflow function exported here is registered.
export { programWorkflow } from './program.workflow.js';
export { mentorshipWorkflow } from './mentorship.workflow.js';
