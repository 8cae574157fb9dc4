import { describe, expect, it } from '@jest/globals';
import { jsonWorkerLogger } from './json-log.js';

describe('worker JSON logs', () => {
  it('writes one JSON object per line with the workflow id from the entry metadata', () => {
    const lines: string[] = [];
    const logger = jsonWorkerLogger('INFO', (l) => lines.push(l));
    logger.info('Activity failed, will retry', {
      workflowId: 'program:42',
      activityType: 'appendProgramEvents',
      attempt: 2n,
    });
    logger.debug('not shown at INFO');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'info',
      msg: 'Activity failed, will retry',
      workflowId: 'program:42',
      activityType: 'appendProgramEvents',
      attempt: '2',
    });
  });
});
