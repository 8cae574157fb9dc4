// Unit tier: pure code (domain rules, mappers, config). No services are started.
import { base } from './jest.base.config.js';

export default {
  ...base,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '\\.cluster\\.spec\\.ts$'],
};
