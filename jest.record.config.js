// `npm run record-histories`: records reference workflow histories on the real services.
import int from './jest.int.config.js';

export default { ...int, displayName: 'record', testMatch: ['<rootDir>/test/replay/*.record.ts'] };
