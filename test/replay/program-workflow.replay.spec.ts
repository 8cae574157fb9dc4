import { beforeAll, describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowsEntry } from '../../libs/platform/src/index.js';
import { ALL_HISTORY_FILES, HISTORY_FILES } from './histories.js';

Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });

const load = (file: string) => historyFromJSON(JSON.parse(readFileSync(file, 'utf8')));

/** The current workflow code must replay every recorded history: a non-deterministic change fails here. */
describe('workflow replay (programs and mentorships)', () => {
  // Bundled once: webpack takes seconds on a busy 2-core machine, the replays themselves much less.
  let workflowBundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    workflowBundle = await bundleWorkflowCode({ workflowsPath: workflowsEntry(), logger: new DefaultLogger('ERROR') });
  }, 120_000);

  it.each(Object.entries(ALL_HISTORY_FILES))(
    'replays %s with the current code',
    async (_, file) => {
      await expect(Worker.runReplayHistory({ workflowBundle }, load(file))).resolves.toBeUndefined();
    },
    60_000,
  );

  it('fails for an incompatible change (proof that this test can fail)', async () => {
    const changed = join(process.cwd(), 'test/replay/fixtures/changed-program.workflow.ts');
    await expect(
      Worker.runReplayHistory({ workflowsPath: changed }, load(HISTORY_FILES.programApprovedAfterReminder)),
    ).rejects.toThrow(/[Nn]ondetermin/);
  }, 120_000);
});
