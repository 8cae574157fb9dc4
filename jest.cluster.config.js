// Cluster tier: the same int and e2e code against the real Temporal server run as four service
// processes on Postgres (test/cluster/support/global-setup.mjs), plus the fault drills of
// test/cluster, each on a cluster of its own with two workers and two API replicas.
import int from './jest.int.config.js';

/**
 * The representative subset of the int and e2e suites run on the cluster: workflows end to end over
 * HTTP, Updates with Idempotency-Keys, shared rate limits, the mail outbox, and the dev-server drills
 * whose processes talk to a real cluster here.
 */
export const CLUSTER_SUBSET = [
  'libs/workflows/src/mentorship.workflow.int.spec.ts',
  'test/e2e/programs.e2e.spec.ts',
  'test/e2e/mentorships.e2e.spec.ts',
  'test/e2e/idempotency.e2e.spec.ts',
  'test/e2e/limits.e2e.spec.ts',
  'test/resilience/worker-kill.int.spec.ts',
  'test/resilience/api-kill.int.spec.ts',
];

export default {
  ...int,
  displayName: 'cluster',
  testMatch: [...CLUSTER_SUBSET.map((f) => `<rootDir>/${f}`), '<rootDir>/test/cluster/**/*.cluster.spec.ts'],
  globalSetup: '<rootDir>/test/cluster/support/global-setup.mjs',
  testTimeout: 400_000,
};
