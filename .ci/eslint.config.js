// Lint: typescript-eslint recommended, plus the architecture rule of DESIGN.md:
// only src/io, src/cli and src/tui may touch the file system, the process or the console.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'process', 'node:process', 'readline', 'node:readline'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/io/**', 'src/cli/**', 'src/tui/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: ioModules.map((name) => ({ name, message: 'The core is pure: do I/O in src/io, src/cli or src/tui.' })) }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core is pure: no process access outside src/io, src/cli, src/tui.' }],
    },
  },
  {
    files: ['bench/**/*.mjs', '.ci/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly', global: 'readonly', URL: 'readonly' } },
  },
);
