import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expectNothingLost, startLoad, useDrill } from './support/drill.js';

/**
 * Postgres — mentorflow's database and both of Temporal's — stops for 3 s under the whole cluster
 * and comes back: Temporal services, workers and API replicas reconnect by themselves.
 */
const cluster = useDrill('pg-restart', { beforeAll, afterAll });

describe('cluster drill: Postgres restarted under the cluster and load', () => {
  it('loses and doubles no fact or email, and every workflow answers', async () => {
    const load = await startLoad(cluster.drill, { timers: 40, approvals: 40 });
    await new Promise((r) => setTimeout(r, 1_500));
    await cluster.drill.restartPostgres(3_000);
    await cluster.drill.system.temporal.waitUntilServing();
    await expectNothingLost(cluster.drill, load);
  }, 400_000);
});
