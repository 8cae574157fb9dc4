export * from './data-source.js';
export * from './event-store.js';
export * from './program-projection.js';
export * from './entities/api-token.entity.js';
export * from './entities/domain-event.entity.js';
export * from './entities/person.entity.js';
export * from './entities/program-read-model.entity.js';
