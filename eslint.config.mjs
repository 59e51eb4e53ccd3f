// A small rule set: promises must be awaited or handled, no unused code, and the core stays free of platform SDKs,
// database drivers and query builders (it sees only ports). Type-aware, so it reads tsconfig.json.
import tseslint from 'typescript-eslint';

const PLATFORM_AND_DRIVERS = ['@slack/*', 'botbuilder', 'botbuilder-*', 'botframework-*', 'pg', 'better-sqlite3', 'kysely', 'express'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'build/**', 'docs/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: PLATFORM_AND_DRIVERS, message: 'src/core sees only ports: put platform and database code in src/adapters or src/storage.' }] }],
    },
  },
);
