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

  it('makes a floating promise an error', async () => {
    const code = 'export async function f(): Promise<number> { return 1; }\nexport function g(): void { f(); }\n';
    expect(await lint('libs/workflows/src/program.workflow.ts', code)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
  });
});
