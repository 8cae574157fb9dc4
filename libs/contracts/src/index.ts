export * from './program.contract.js';
export * from './program.activities.contract.js';
export * from './failure-codes.js';
export * from './mentorship.contract.js';
export * from './event-append.contract.js';
