import { Connection, type TLSConfig } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';

/**
 * Polls until the frontend serves, the namespace exists (registering it once), history answers a
 * read (NOT_FOUND for a workflow that does not exist means history looked) and matching describes a
 * task queue. A cold cluster on two cores needs tens of seconds for its services to join.
 */
export async function waitForCluster(
  address: string,
  namespace: string,
  register: boolean,
  alive: () => void,
  timeoutMs: number,
  tls?: TLSConfig,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  let registered = !register;
  while (Date.now() < deadline) {
    alive();
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000, tls });
      try {
        const service = connection.workflowService;
        if (!registered) {
          await service
            .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('7 days') })
            .catch((e: { code?: number }) => {
              if (e.code !== 6) throw e; // ALREADY_EXISTS
            });
          registered = true;
        }
        await service.describeNamespace({ namespace });
        await service
          .getWorkflowExecutionHistory({ namespace, execution: { workflowId: 'mentorflow-cluster-probe' } })
          .catch((e: { code?: number }) => {
            if (e.code !== 5) throw e; // NOT_FOUND: history answered
          });
        await service.describeTaskQueue({
          namespace,
          taskQueue: { name: 'mentorflow-cluster-probe' },
          taskQueueType: 1,
        });
        return;
      } finally {
        await connection.close();
      }
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`the Temporal cluster at ${address} did not serve within ${timeoutMs} ms: ${String(lastError)}`);
}
