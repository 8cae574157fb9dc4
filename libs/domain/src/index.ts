export * from './shared/domain-error.js';
export * from './shared/actor.js';
export * from './program/program-phase.js';
export * from './program/program-events.js';
export * from './program/program.js';
