import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * The bundled examples through the ESLint API, as `npm run demo` shows them: every planted
 * mistake is found at its place, the corrected handlers and the non-edge code get nothing.
 */
const root = path.join(import.meta.dirname, '..', '..');

function createESLint(fix = false): ESLint {
  return new ESLint({
    cwd: root,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      { ...plugin.configs.all, files: ['examples/**/*.{js,mjs,cjs,ts}'] },
      { settings: { 'lambda-edge': { infrastructure: false } } },
    ],
  });
}

let findings: Map<string, string[]>;

beforeAll(async () => {
  const results = await createESLint().lintFiles(['examples']);
  findings = new Map(
    results.map((r) => [
      path.relative(root, r.filePath),
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId?.replace('lambda-edge/', '')}`),
    ]),
  );
});

describe('examples/mistakes', () => {
  it.each([
    [
      'basic-auth.js',
      ['4:14 no-env-vars', '5:14 no-env-vars', '11:32 lowercase-header-keys', '21:3 valid-handler-completion'],
    ],
    [
      'maintenance.ts',
      [
        '14:17 valid-body-encoding',
        '15:3 max-generated-response-size',
        '20:7 no-env-vars',
        '24:89 no-body-with-204',
      ],
    ],
    ['docs-folder.js', ['12:43 valid-uri-and-querystring', '13:17 valid-uri-and-querystring']],
    ['pixel.js', ['12:27 no-querystring-object', '18:7 no-disallowed-headers', '20:11 valid-body-encoding']],
    [
      'redirects.mjs',
      ['11:13 no-numeric-status', '14:7 lowercase-header-keys', '27:35 no-cloudfront-headers-in-viewer-request'],
    ],
    [
      'security-headers.js',
      ['9:11 lowercase-header-keys', '12:32 valid-header-shape', '17:21 no-origin-body-in-response-trigger'],
    ],
    ['spa-rewrite.js', ['5:52 valid-handler-completion', '8:31 no-foreign-request-fields', '9:7 no-foreign-request-fields']],
  ])('%s', (file, expected) => {
    expect(findings.get(`examples/mistakes/${file}`)).toEqual(expected);
  });
});

describe('silent code', () => {
  it('reports nothing in the corrected handlers', () => {
    const fixed = [...findings].filter(([file]) => file.startsWith('examples/fixed/'));
    expect(fixed.map(([file]) => path.basename(file)).sort()).toEqual([
      'basic-auth.js',
      'docs-folder.js',
      'maintenance.ts',
      'pixel.js',
      'redirects.mjs',
      'security-headers.js',
      'spa-rewrite.js',
    ]);
    expect(fixed.filter(([, messages]) => messages.length > 0)).toEqual([]);
  });

  it('reports nothing in API Gateway, CloudFront Functions and Express code', () => {
    const notEdge = [...findings].filter(([file]) => file.startsWith('examples/not-edge/'));
    expect(notEdge).toHaveLength(3);
    expect(notEdge.filter(([, messages]) => messages.length > 0)).toEqual([]);
  });
});

describe('autofix', () => {
  it('fixes the status and the header key of redirects.mjs and nothing it should not', async () => {
    const [result] = await createESLint(true).lintFiles(['examples/mistakes/redirects.mjs']);
    expect(result!.output).toContain("status: '301',");
    expect(result!.output).toContain("location: [{ key: 'Location', value: location }],");
    // The viewer-country logic needs a person's decision: reported, not rewritten.
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['lambda-edge/no-cloudfront-headers-in-viewer-request']);
  });
});
