import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../libs/platform/src/index.js';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';

/** The CLI as a user runs it (`npx mentorflow …` runs bin/mentorflow.js), against a real API. */
const stack = useWorkerStack('e2e-cli', { beforeAll, afterAll });
let app: NestExpressApplication;
let env: NodeJS.ProcessEnv;
const dir = mkdtempSync(join(tmpdir(), 'mentorflow-cli-'));

// Asynchronous: the API under test runs in this process, so a blocking spawn would starve it.
const cli = (...args: string[]): Promise<{ code: number | null; out: string; err: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot(), 'bin/mentorflow.js'), ...args], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });

beforeAll(async () => {
  const started = await startApi({ db: stack.db, temporal: stack.client, taskQueue: stack.taskQueue });
  app = started.app;
  env = {
    ...process.env,
    MENTORFLOW_URL: started.baseUrl,
    MENTORFLOW_TOKEN: await tokenFor(stack.db, 'admin', ['hr-admin', 'owner']),
  };
});
afterAll(async () => {
  await app?.close();
});

describe('npx mentorflow', () => {
  it('issues a token, creates a program and shows it with its events', async () => {
    const token = await cli('token', 'issue', '--person', 'emp-7', '--name', 'Claire Martin', '--roles', 'sponsor');
    expect(token.code).toBe(0);
    expect(token.out.trim()).toMatch(/^mf_/);
    // Listed with its id, then revoked by that id: the token no longer opens anything.
    const listed = await cli('token', 'list', '--person', 'emp-7');
    expect(listed.code).toBe(0);
    const [tokenId] = listed.out.trim().split(/\s+/);
    expect(listed.out).toMatch(/valid\n$/);
    const revoked = await cli('token', 'revoke', tokenId);
    expect([revoked.code, revoked.out]).toEqual([0, expect.stringMatching(/^Token .* of emp-7 revoked at /)]);
    expect((await cli('token', 'list', '--person', 'emp-7')).out).toMatch(/revoked \S+\n$/);
    const claire = await fetch(`${env.MENTORFLOW_URL}/programs`, {
      headers: { Authorization: `Bearer ${token.out.trim()}` },
    });
    expect(claire.status).toBe(401);
    const created = await cli(
      'program',
      'create',
      '--name',
      'CLI cycle',
      '--sponsor',
      'emp-7',
      '--kpi',
      'Retain managers|Turnover|%|18|12',
    );
    expect(created.code).toBe(0);
    const id = created.out.trim();
    expect(created.err).toMatch(/LAUNCH_PLANNING/);
    const shown = await cli('program', 'show', id);
    expect(shown.out).toMatch(/phase: LAUNCH_PLANNING/);
    expect(shown.out).toMatch(/1 .*ProgramCreated/);
    expect((await cli('program', 'list')).out).toContain(id);
  });

  it('imports an HR file, and lists the errors of a bad one with a non-zero exit', async () => {
    const good = join(dir, 'people.csv');
    writeFileSync(
      good,
      'employee_id,name,email,department,job_level,hire_date\ne-1,Zoé,zoe@example.com,Ops,M1,2020-01-01\n',
    );
    const ok = await cli('import', good);
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/created 1/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'employee_id,name,email,department,job_level,hire_date\ne-2,X,not-an-email,Ops,M1,2020-01-01\n');
    const refused = await cli('import', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/line 2, email/);
  });

  it('seeds the demo company and a program in EXECUTION with living mentorships, once', async () => {
    const seeded = await cli('demo', 'seed');
    expect([seeded.code, seeded.err]).toEqual([0, expect.stringMatching(/in EXECUTION with \d+ mentorships/)]);
    const [programId, ownerLine] = seeded.out.trim().split('\n');
    const ownerToken = ownerLine.replace(/^.*: /, '');
    const as = { Authorization: `Bearer ${ownerToken}` };
    const program = (await request(app.getHttpServer()).get(`/programs/${programId}`).set(as).expect(200)).body;
    expect(program.phase).toBe('EXECUTION');
    const mentorships = (
      await request(app.getHttpServer()).get(`/programs/${programId}/mentorships`).set(as).expect(200)
    ).body as Array<{ status: string; phase: string | null }>;
    expect(mentorships.filter((m) => m.phase === 'ACTIVE').length).toBeGreaterThan(5);
    // The untrained mentor's pairs wait; a few pairs wait for their supervisor: things to show.
    expect(mentorships.some((m) => m.status === 'WAITING_FOR_TRAINING')).toBe(true);
    expect(mentorships.some((m) => m.phase === 'AWAITING_SUPERVISOR_APPROVAL')).toBe(true);
    expect((await stack.db.query(`SELECT count(*)::int AS n FROM people WHERE id LIKE 'D%'`))[0].n).toBe(320);
    const again = await cli('demo', 'seed');
    expect([again.code, again.out.split('\n')[0]]).toEqual([0, programId]);
    expect(again.err).toMatch(/already there/);
  }, 120_000);

  it('explains itself and fails clearly on a bad command', async () => {
    expect((await cli('help')).out).toMatch(/npx mentorflow import/);
    const wrong = await cli('program', 'explode');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/unknown command/);
  });
});
