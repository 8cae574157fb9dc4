import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { toTheEndInSeconds } from '../support/mentorships.js';
import { quietTimings } from '../support/programs.js';
import { committed, documentText, typesOf, writeBoth } from '../client/openapi-files.js';
import { runFullCycle } from '../client/full-cycle.js';

/**
 * A client generated from the OpenAPI document (openapi-typescript types, openapi-fetch calls) runs a
 * whole program cycle, renewal included. It type-checks against the committed types (npm run
 * typecheck), those types are what the served document generates, and every answer it receives is
 * validated against that document (test/support/contract-check.ts): a DTO that lies fails here.
 */
const stack = useWorkerStack('e2e-generated-client', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let served: unknown;

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    // A re-alignment review opens a few seconds into EXECUTION and waits for the owner.
    programTimings: { ...quietTimings, reviewEveryMs: 4_000, reviewDecisionMs: 600_000 },
    mentorshipTerms: toTheEndInSeconds(),
  }));
  served = await (await fetch(`${api}/docs/openapi.json`)).json();
  if (process.env.MENTORFLOW_WRITE_OPENAPI === '1') await writeBoth(served);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('a client generated from the OpenAPI document', () => {
  it('is generated from the document the API serves (run `npm run openapi:write` after changing a route)', async () => {
    const files = await committed();
    expect(files.document).toBe(documentText(served));
    expect(files.types).toBe(await typesOf(served));
  });

  it('runs a whole cycle, renewal included, and the sponsor still reads cycle 1’s ROI evidence', async () => {
    const outcome = await runFullCycle(api, (personId, roles) => tokenFor(stack.db, personId, roles));
    expect(outcome.cycles).toEqual([1, 2]);
    expect(outcome.cycleOneReport.cycle).toBe(1);
    expect(outcome.cycleOneReport.roi.mentorships).toBe(1);
    expect(outcome.cycleOneReport.facts).toEqual([
      expect.objectContaining({ name: 'Team turnover', before: 18, after: 12 }),
    ]);
    expect(outcome.cycleTwoReport.cycle).toBe(2);
  }, 240_000);
});
