// Self-lint: the rules are checked with eslint-plugin-eslint-plugin, and the plugin's own
// configs are run over the corrected examples (dogfooding). Runs on the built plugin.
import tsParser from '@typescript-eslint/parser';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import lambdaEdge from './dist/src/index.js';

export default [
  {
    name: 'repo/ignores',
    ignores: ['dist/', 'coverage/', 'tmp/', 'bench/out/', 'tests/fixtures/', 'examples/mistakes/', 'examples/not-edge/'],
  },
  {
    // This repository is not a Lambda@Edge project: nothing for discovery to find.
    name: 'repo/settings',
    settings: { 'lambda-edge': { infrastructure: false } },
  },
  {
    name: 'repo/typescript',
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  },
  {
    // Patterns run on user code: none may backtrack or move super-linearly (a 100 kB line must not hang a lint).
    name: 'repo/linear-regexps',
    files: ['src/**/*.ts', 'rules/**/*.ts', 'bin/**/*.ts'],
    plugins: { regexp },
    rules: { 'regexp/no-super-linear-backtracking': 'error', 'regexp/no-super-linear-move': 'error' },
  },
  {
    name: 'repo/rules',
    files: ['rules/*.ts'],
    ignores: ['rules/index.ts'],
    ...eslintPlugin.configs['rules-recommended'],
    rules: {
      ...eslintPlugin.configs['rules-recommended'].rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow|Prefer)' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-has-suggestions': 'error',
      'eslint-plugin/require-meta-fixable': 'error',
      'eslint-plugin/prefer-message-ids': 'error',
      'eslint-plugin/prefer-placeholders': 'error',
      'eslint-plugin/no-property-in-node': 'off',
    },
  },
  {
    name: 'repo/rule-tests',
    files: ['tests/rules/*.test.ts'],
    ...eslintPlugin.configs['tests-recommended'],
    rules: {
      ...eslintPlugin.configs['tests-recommended'].rules,
      'eslint-plugin/require-test-error-positions': 'error',
      'eslint-plugin/no-identical-tests': 'error',
      'eslint-plugin/no-only-tests': 'error',
    },
  },
  {
    ...lambdaEdge.configs.all,
    name: 'repo/dogfood-examples',
    files: ['examples/fixed/**/*.{js,mjs,cjs,ts}'],
  },
];
