import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectNothingLost, startLoad, useDrill } from './support/drill.js';

/**
 * One worker process of two (workflows, activities and its outbox dispatcher) is SIGKILLed under
 * load and not restarted: the other one carries on alone.
 */
const cluster = useDrill('worker-kill', { beforeAll, afterAll });

describe('cluster drill: one worker of two SIGKILLed under load', () => {
  it('loses and doubles no fact or email, and every workflow answers', async () => {
    const load = await startLoad(cluster.drill, { timers: 40, approvals: 40 });
    await new Promise((r) => setTimeout(r, 1_500));
    const [killed, survivor] = cluster.drill.system.workers;
    await killed.kill('SIGKILL');
    await expectNothingLost(cluster.drill, load);
    expect(survivor.running()).toBe(true);
  }, 400_000);
});
