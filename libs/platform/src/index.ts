export * from './config.js';
export * from './security-config.js';
export * from './project-paths.js';
export * from './embedded-postgres.js';
export * from './temporal-cli.js';
export * from './temporal-server.js';
export * from './metrics.js';
