import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expectNothingLost, startDrill, startLoad, type Drill } from './support/drill.js';

/**
 * The Temporal history service process, owner of every shard, is SIGKILLed while timers fire, emails
 * go out and approvals arrive over HTTP; a new history process takes the shards back.
 */
let drill: Drill;
beforeAll(async () => {
  drill = await startDrill('history-kill');
});
afterAll(async () => {
  await drill?.stop();
});

describe('cluster drill: history service SIGKILLed under load', () => {
  it('loses and doubles no fact or email, and every workflow answers', async () => {
    const load = await startLoad(drill, { timers: 40, approvals: 40 });
    await new Promise((r) => setTimeout(r, 1_500));
    const history = drill.system.temporal.services.history;
    await history.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 2_000));
    history.start();
    await drill.system.temporal.waitUntilServing();
    await expectNothingLost(drill, load);
  }, 400_000);
});
