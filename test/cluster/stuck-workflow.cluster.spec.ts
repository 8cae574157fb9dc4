import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mentorshipWorkflowId } from '../../libs/contracts/src/index.js';
import { readStream } from '../../libs/persistence/src/index.js';
import { tokenFor } from '../support/api.js';
import { fastPolicy, seedCast, startMentorship } from '../support/mentorships.js';
import { eventually } from '../support/services.js';
import { useDrill } from './support/drill.js';

/**
 * The stuck-workflow detector with two API replicas as processes: a workflow that does not answer
 * through one replica is listed by the other (/operations/workflow-faults, /health/ready), and the
 * fault is cleared for both once it answers through the other — the faults live in Postgres.
 */
const cluster = useDrill('stuck', { beforeAll, afterAll }, { UPDATE_TIMEOUT_MS: '2000', UPDATE_SLOW_AFTER_MS: '1000' });

describe('cluster: a stuck workflow seen and cleared across two API replicas', () => {
  it('is recorded by the replica that waited, listed by the other, and cleared by either', async () => {
    const { db, client, system } = cluster.drill;
    const [one, two] = system.apis.map((a) => a.url!);
    const operator = await tokenFor(db, 'ops-1', ['operator']);
    const cast = await seedCast(db, ['en']);
    await startMentorship(client, 'drill', cast.pair, fastPolicy());
    const workflowId = mentorshipWorkflowId(cast.pair.mentorshipId);
    const supervisor = await tokenFor(db, cast.pair.supervisorId, ['supervisor']);
    const approve = (base: string) =>
      fetch(`${base}/mentorships/${cast.pair.mentorshipId}/approval`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${supervisor}`, 'Idempotency-Key': 'approve-while-down' },
      });
    const faultsOn = async (base: string) =>
      (await (
        await fetch(`${base}/operations/workflow-faults`, { headers: { Authorization: `Bearer ${operator}` } })
      ).json()) as Array<{
        workflowId: string;
        kind: string;
        code: string;
      }>;
    const readyOn = async (base: string) =>
      ((await (await fetch(`${base}/health/ready`)).json()) as { workflows: string }).workflows;

    // No worker: the request through replica one waits 2 s and gives up; replica two lists the fault.
    for (const worker of system.workers) await worker.kill('SIGTERM');
    const res = await approve(one);
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([503, 'WORKFLOW.NOT_ANSWERING']);
    expect(await faultsOn(two)).toEqual([
      expect.objectContaining({ workflowId, kind: 'SLOW_UPDATE', code: 'WORKFLOW.NOT_ANSWERING' }),
    ]);
    expect(await readyOn(two)).toBe('degraded');

    // The workers come back; the client retries on replica two with its key: answered, applied once, cleared for both.
    await Promise.all(system.workers.map((w) => w.start()));
    const retried = await eventually(async () => {
      const r = await approve(two);
      return r.status === 200 ? r : null;
    }, 60_000);
    expect(retried.status).toBe(200);
    await eventually(async () => (await faultsOn(one)).length === 0, 30_000);
    expect(await readyOn(one)).toBe('ok');
    const phases = (await readStream(db, workflowId)).filter((e) => e.type === 'MentorshipPhaseChanged');
    expect(phases).toHaveLength(2); // created → awaiting approval, approved → kickoff: once
  }, 300_000);
});
