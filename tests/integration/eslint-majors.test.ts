// ESLint 9 and 10: the plugin's configs run through both majors' Linter and ESLint APIs on the
// same fixtures, with identical findings. ESLint 9 is installed as the npm alias `eslint-v9`.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import * as eslint10 from 'eslint';
import * as eslint9 from 'eslint-v9';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finding, type TempProject, findings, fixturesDir, installPlugin, only, releasePlugin, tempProject } from './helpers.js';

type Plugin = { configs: Record<'recommended' | 'strict' | 'all', eslint10.Linter.Config> };
const majors = { 9: eslint9, 10: eslint10 } as unknown as Record<9 | 10, typeof eslint10>;

const fixtures = [
  ...readdirSync(path.join(fixturesDir, 'handlers')).map((f) => `handlers/${f}`),
  ...readdirSync(path.join(fixturesDir, 'handlers-ts')).map((f) => `handlers-ts/${f}`),
].sort();

let plugin: Plugin;
let project: TempProject;

beforeAll(async () => {
  const installed = await installPlugin();
  plugin = (await import(pathToFileURL(installed.entry).href)).default as Plugin;
  project = tempProject('majors', {
    'package.json': JSON.stringify({ name: 'edge-app', private: true, type: 'module' }),
  });
  for (const file of fixtures) project.write(file, readFileSync(path.join(fixturesDir, file), 'utf8'));
}, 60_000);

afterAll(() => {
  project?.cleanup();
  releasePlugin();
});

function configFor(name: keyof Plugin['configs']): eslint10.Linter.Config[] {
  return [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as eslint10.Linter.Parser } },
    plugin.configs[name],
    { files: ['handlers/origin-response.js'], settings: { 'lambda-edge': { eventType: 'origin-response' } } },
    // Only the fixtures decide: no infrastructure discovery in a temp folder.
    { settings: { 'lambda-edge': { infrastructure: false } } },
  ];
}

describe('ESLint 9 and 10 give identical findings', () => {
  it('runs the versions it says it runs', () => {
    expect(eslint9.ESLint.version).toMatch(/^9\./);
    expect(eslint10.ESLint.version).toMatch(/^10\./);
  });

  it.each(['recommended', 'strict', 'all'] as const)('Linter, %s config', (name) => {
    const byMajor = ([9, 10] as const).map((major) => {
      const linter = new majors[major].Linter({ cwd: project.dir, configType: 'flat' });
      const results = fixtures.map((file) => ({
        filePath: path.join(project.dir, file),
        messages: linter.verify(readFileSync(path.join(project.dir, file), 'utf8'), configFor(name), path.join(project.dir, file)),
      }));
      return findings(results as Parameters<typeof findings>[0], project.dir);
    });
    expect(byMajor[0]).toEqual(byMajor[1]);
    expectKnownFindings(byMajor[1]!);
  });

  it.each(['recommended', 'all'] as const)('ESLint class with lintFiles and fixes, %s config', async (name) => {
    const byMajor = await Promise.all(
      ([9, 10] as const).map(async (major) => {
        const api = new majors[major].ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: configFor(name), fix: true });
        const results = await api.lintFiles(['.']);
        return {
          findings: findings(results as Parameters<typeof findings>[0], project.dir),
          fixed: Object.fromEntries(results.filter((r) => r.output).map((r) => [path.relative(project.dir, r.filePath), r.output])),
        };
      }),
    );
    expect(byMajor[0]!.findings).toEqual(byMajor[1]!.findings);
    expect(byMajor[0]!.fixed).toEqual(byMajor[1]!.fixed);
    // `fix: true` applied the no-numeric-status fixes, so those findings are gone and the output has strings.
    expect(only(byMajor[1]!.findings, 'no-numeric-status')).toEqual([]);
    expect(byMajor[1]!.fixed['handlers/redirect.js']).toContain("status: '302',");
    expect(byMajor[1]!.fixed['handlers/generate.mjs']).toContain("request.method === 'GET' ? '410' : '405'");
    expect(byMajor[1]!.fixed['handlers-ts/maintenance.ts']).toContain("status: '503' as unknown as string,");
    expect(only(byMajor[1]!.findings, 'no-origin-body-in-response-trigger').map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
      'handlers/origin-response.js:4:7',
      'handlers/origin-response.js:4:24',
    ]);
  }, 30_000);
});

/** The findings this suite controls, whatever other rules report. */
function expectKnownFindings(list: Finding[]): void {
  expect(only(list, 'no-numeric-status').map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
    'handlers-ts/maintenance.ts:10:15',
    'handlers/generate.mjs:5:22',
    'handlers/generate.mjs:8:49',
    'handlers/generate.mjs:8:55',
    'handlers/origin-response.js:5:23',
    'handlers/redirect.js:6:15',
  ]);
  expect(only(list, 'no-origin-body-in-response-trigger').map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
    'handlers/origin-response.js:4:7',
    'handlers/origin-response.js:4:24',
  ]);
  // The TypeScript fixture parses under both majors (a parse error would be a finding with no rule).
  expect(list.filter((f) => f.ruleId === null)).toEqual([]);
}
