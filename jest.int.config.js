// Integration and e2e tiers: a real Postgres and a real Temporal server are provisioned once
// for the run by test/support/global-setup.mjs (see libs/platform). Nothing is ever skipped.
import { base } from './jest.base.config.js';

export default {
  ...base,
  displayName: 'int',
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{int,e2e}.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 120_000,
  // Every answer of the APIs a file starts is checked against the OpenAPI document after it.
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-check.ts'],
  // Two cores: suites share one Temporal dev server; running them one at a time keeps timings sane.
  maxWorkers: 1,
};
