import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

/** The lint rules are the architecture; this proves they bite (a rule that never fails guards nothing). */
describe('architecture lint rules', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return result.messages.map((m) => m.ruleId);
  };

  it('keeps frameworks and Node builtins out of libs/domain', async () => {
    expect(
      await lint(
        'libs/domain/src/index.ts',
        "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await lint(
        'libs/domain/src/index.ts',
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('keeps Node builtins and I/O out of libs/workflows', async () => {
    expect(
      await lint('libs/workflows/src/index.ts', "import { randomUUID } from 'crypto';\nexport const x = randomUUID;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await lint(
        'libs/workflows/src/index.ts',
        "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('keeps the database out of apps/api: no client, no entity, no SQL (libs/persistence owns every query)', async () => {
    const service = 'apps/api/src/programs/programs.service.ts';
    expect(await lint(service, "import type { DataSource } from 'typeorm';\nexport type X = DataSource;\n")).toContain(
      'no-restricted-imports',
    );
    expect(
      await lint(
        service,
        "import { PersonEntity } from '../../../../libs/persistence/src/index.js';\nexport const x = PersonEntity;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await lint(service, "export const f = (db: { query(q: string): void }) => db.query('SELECT id FROM people');\n"),
    ).toContain('no-restricted-syntax');
    expect(
      await lint(
        service,
        'export const f = (db: { query(q: string): void }, t: string) => db.query(`UPDATE ${t} SET x = 1`);\n',
      ),
    ).toContain('no-restricted-syntax');
    expect(
      await lint(service, 'export const f = (db: { getRepository(x: unknown): void }) => db.getRepository(1);\n'),
    ).toContain('no-restricted-syntax');
    // A query module of libs/persistence is the place for it.
    expect(
      await lint('libs/persistence/src/queries/program-queries.ts', "export const q = 'SELECT id FROM people';\n"),
    ).not.toContain('no-restricted-syntax');
  });

  it('keeps the Temporal client in the workflow gateways of apps/api', async () => {
    const code = "import { Client } from '@temporalio/client';\nexport const x = Client;\n";
    expect(await lint('apps/api/src/cycle/cycle.controller.ts', code)).toContain('no-restricted-imports');
    expect(await lint('apps/api/src/workflows/program-gateway.ts', code)).not.toContain('no-restricted-imports');
  });

  it('makes a floating promise an error', async () => {
    const code = 'export async function f(): Promise<number> { return 1; }\nexport function g(): void { f(); }\n';
    expect(await lint('libs/workflows/src/program.workflow.ts', code)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
  });
});
