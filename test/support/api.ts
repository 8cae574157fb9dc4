import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-app.js';
import { issueToken } from '../../libs/persistence/src/index.js';
import type { Role } from '../../libs/domain/src/index.js';
import type { ProgramTimings } from '../../libs/contracts/src/index.js';
import { quietTimings } from './programs.js';
import { recordAnswers, recorded, type OpenApiDoc } from './openapi-contract.js';
import type { RateLimits } from '../../apps/api/src/http/rate-limit.js';
import type { UpdateBounds } from '../../apps/api/src/workflows/workflow-watch.js';
import type { MentorshipTerms } from '../../libs/contracts/src/index.js';
import type { SecuritySettings } from '../../libs/platform/src/index.js';

/** The real HTTP application, listening on a free port, wired to real Postgres and Temporal. */
export async function startApi(deps: {
  db: DataSource;
  temporal: Client;
  taskQueue: string;
  programTimings?: ProgramTimings;
  rateLimits?: RateLimits;
  mentorshipTerms?: MentorshipTerms;
  updateBounds?: UpdateBounds;
  security?: SecuritySettings;
  /** Listen on this port (a test that must know its origin before it starts: OIDC, the emails' links). */
  port?: number;
}) {
  const app: NestExpressApplication = await createApiApp(
    { ...deps, programTimings: deps.programTimings ?? quietTimings },
    // MENTORFLOW_TEST_API_LOG=1 shows the API's JSON log lines (500s with their stack) while debugging a test.
    { logger: process.env.MENTORFLOW_TEST_API_LOG ? undefined : false },
  );
  app.use(recordAnswers);
  await app.listen(deps.port ?? 0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  // The document the answers are checked against after the file (test/support/contract-check.ts).
  recorded.doc ??= (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as OpenApiDoc;
  return { app, baseUrl };
}

/** A port free right now, for a server that must know its address before it starts listening. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function tokenFor(db: DataSource, personId: string, roles: Role[]): Promise<string> {
  return (await issueToken(db, { personId, displayName: personId, email: null, roles, label: 'test' })).token;
}
