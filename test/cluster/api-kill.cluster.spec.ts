import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectNothingLost, startLoad, useDrill } from './support/drill.js';

/**
 * One API replica of two is SIGKILLed with approvals in flight; each client retries on the other
 * replica with the same Idempotency-Key (as behind a load balancer): every approval lands once.
 */
const cluster = useDrill('api-kill', { beforeAll, afterAll });

describe('cluster drill: one API replica of two SIGKILLed under load', () => {
  it('loses and doubles no fact or email, and every workflow answers', async () => {
    const load = await startLoad(cluster.drill, { timers: 40, approvals: 40 });
    await new Promise((r) => setTimeout(r, 1_500));
    const [killed, survivor] = cluster.drill.system.apis;
    await killed.kill('SIGKILL');
    await expectNothingLost(cluster.drill, load);
    expect((await fetch(`${survivor.url}/health`)).ok).toBe(true);
  }, 400_000);
});
