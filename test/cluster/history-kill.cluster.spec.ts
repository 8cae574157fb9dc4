import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expectNothingLost, startLoad, useDrill } from './support/drill.js';

/**
 * The Temporal history service process, owner of every shard, is SIGKILLed while timers fire, emails
 * go out and approvals arrive over HTTP; a new history process takes the shards back.
 */
const cluster = useDrill('history-kill', { beforeAll, afterAll });

describe('cluster drill: history service SIGKILLed under load', () => {
  it('loses and doubles no fact or email, and every workflow answers', async () => {
    const load = await startLoad(cluster.drill, { timers: 40, approvals: 40 });
    await new Promise((r) => setTimeout(r, 1_500));
    const history = cluster.drill.system.temporal.services.history;
    await history.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 2_000));
    history.start();
    await cluster.drill.system.temporal.waitUntilServing();
    await expectNothingLost(cluster.drill, load);
  }, 400_000);
});
