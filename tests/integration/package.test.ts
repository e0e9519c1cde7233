// Package path: what `npm install eslint-plugin-lambda-edge` gives a user. The published types
// work with defineConfig; the plugin loads from eslint.config.js, .cjs and .ts; publint and
// arethetypeswrong find nothing; the tarball holds what users need and nothing else.
import { copyFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TempProject,
  eslintCli,
  findings,
  fixturesDir,
  installPlugin,
  only,
  releasePlugin,
  repoRoot,
  run,
  tempProject,
} from './helpers.js';

const bin = (pkg: string, file: string) => path.join(repoRoot, 'node_modules', pkg, file);
const projects: TempProject[] = [];

beforeAll(installPlugin, 60_000);
afterAll(() => {
  for (const project of projects) project.cleanup();
  releasePlugin();
});

/** A consumer project with one of the configs of tests/fixtures/integration/consumer. */
function consumer(name: string, configFile: string, type: 'module' | 'commonjs'): TempProject {
  const project = tempProject(name, { 'package.json': JSON.stringify({ name: 'edge-app', private: true, type }) }, { links: ['jiti', '@types/node'] });
  copyFileSync(path.join(fixturesDir, 'consumer', configFile), path.join(project.dir, configFile));
  for (const file of ['redirect.js', 'origin-response.js', 'redirect-fixed.js']) {
    project.write(`edge/${file}`, readFileSync(path.join(fixturesDir, 'handlers', file), 'utf8'));
  }
  projects.push(project);
  return project;
}

describe('types', () => {
  it('a consumer eslint.config.ts using defineConfig type-checks against the built package', async () => {
    const project = tempProject('types', { 'package.json': JSON.stringify({ type: 'module' }) });
    projects.push(project);
    for (const file of ['eslint.config.ts', 'tsconfig.json']) copyFileSync(path.join(fixturesDir, 'consumer', file), path.join(project.dir, file));
    const tsc = await run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json'], { cwd: project.dir, timeoutMs: 60_000 });
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);

    // The fixture's @ts-expect-error (a misspelt event type) makes this fail if the settings
    // type goes loose; `Linter.Config` annotations and defineConfig fail if the configs do.
  }, 60_000);

  it('the emitted index.d.ts types configs as Linter.Config and rules as ESLint rule modules', async () => {
    const dts = readFileSync((await installPlugin()).entry.replace(/\.js$/, '.d.ts'), 'utf8');
    expect(dts).toMatch(/configs: Record<ConfigName, Linter\.Config>/);
    expect(dts).toMatch(/rules: Record<string, LambdaEdgeRule & Rule\.RuleModule>/);
  });
});

describe('config file formats', () => {
  const expected = ['edge/redirect.js:6:15'];
  const ours = (stdout: string, dir: string) =>
    only(findings(JSON.parse(stdout), dir), 'no-numeric-status').map((f) => `${f.file}:${f.line}:${f.column}`);

  // The finding is a warning in the recommended config, so those runs exit 0; the TypeScript
  // config raises the rule to 'error', so that run exits 1.
  it.each([
    ['eslint.config.js', 'module', 0],
    ['eslint.config.cjs', 'commonjs', 0],
    ['eslint.config.ts', 'module', 1],
  ] as const)('%s (package type %s) loads the plugin and reports', async (configFile, type, exitCode) => {
    const project = consumer(`config-${configFile.split('.').pop()}`, configFile, type);
    const result = await eslintCli(project.dir, ['--format', 'json', 'edge/redirect.js', 'edge/redirect-fixed.js']);
    expect(result.code, result.stderr).toBe(exitCode);
    expect(ours(result.stdout, project.dir)).toEqual(expected);
    // Node prints no warning for require(esm) or the TS config loader.
    expect(result.stderr).not.toMatch(/ExperimentalWarning|DeprecationWarning/);
  }, 30_000);
});

describe('publishing', () => {
  it('publint and arethetypeswrong find nothing for ESM and CommonJS consumers', async () => {
    const { dir } = await installPlugin();
    const [publint, attw] = await Promise.all([
      run(process.execPath, [bin('publint', 'src/cli.js'), '--strict', dir], { cwd: dir, timeoutMs: 60_000 }),
      run(process.execPath, [bin('@arethetypeswrong/cli', 'dist/index.js'), '--pack', dir, '--format', 'json'], { cwd: dir, timeoutMs: 60_000 }),
    ]);
    expect(publint.code, publint.stdout + publint.stderr).toBe(0);
    expect(publint.stdout).toContain('All good!');
    expect(attw.code, attw.stdout + attw.stderr).toBe(0);
    const report = JSON.parse(attw.stdout) as { analysis: { problems: { kind: string; resolutionKind: string }[] } };
    // node10 (no exports support) cannot see the conditional entries; every modern resolution,
    // ESM and CommonJS (cjs/index.cjs through require(esm)), must be clean.
    const problems = report.analysis.problems.filter((p) => p.resolutionKind !== 'node10');
    expect(problems).toEqual([]);
  }, 90_000);

  it('npm pack holds dist/src, dist/rules, dist/bin, docs, README, LICENSE and package.json only', async () => {
    let files: string[] = [];
    // Another build of this tree may be emptying dist/ right now: wait for a complete one.
    for (let attempt = 0; attempt < 30; attempt++) {
      const pack = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, timeoutMs: 60_000 });
      expect(pack.code, pack.stderr).toBe(0);
      files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
      if (['dist/src/index.js', 'dist/src/index.d.ts', 'dist/rules/index.js', 'dist/bin/cli.js'].every((f) => files.includes(f))) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/rules/index.js',
      'dist/rules/no-numeric-status.js',
      'dist/rules/no-numeric-status.d.ts',
      'dist/bin/cli.js',
      'cjs/index.cjs',
      'cjs/index.d.cts',
      'docs/rules/no-numeric-status.md',
      'docs/ci.md',
      'docs/getting-started.md',
    ]) {
      expect(files, required).toContain(required);
    }
    const allowed = /^(package\.json|README\.md|LICENSE|cjs\/index\.(cjs|d\.cts)|dist\/(src|rules|bin)\/.+\.(js|d\.ts)|docs\/.+\.md)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(tests?|examples|node_modules|fixtures)\//.test(f))).toEqual([]);
  }, 120_000);
});
