import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectNothingLost, startDrill, startLoad, type Drill } from './support/drill.js';

/**
 * One worker process of two (workflows, activities and its outbox dispatcher) is SIGKILLed under
 * load and not restarted: the other one carries on alone.
 */
let drill: Drill;
beforeAll(async () => {
  drill = await startDrill('worker-kill');
});
afterAll(async () => {
  await drill?.stop();
});

describe('cluster drill: one worker of two SIGKILLed under load', () => {
  it('loses and doubles no fact or email, and every workflow answers', async () => {
    const load = await startLoad(drill, { timers: 40, approvals: 40 });
    await new Promise((r) => setTimeout(r, 1_500));
    const [killed, survivor] = drill.system.workers;
    await killed.kill('SIGKILL');
    await expectNothingLost(drill, load);
    expect(survivor.running()).toBe(true);
  }, 400_000);
});
