// CI path: the GitHub Actions workflow in docs/ci.md run locally, SARIF for code scanning,
// exit codes and --max-warnings, --concurrency and --cache, on a fixture project that uses the
// built plugin through node_modules.
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Finding,
  type TempProject,
  codeBlockUnder,
  eslintCli,
  findings,
  listFixtures,
  only,
  installPlugin,
  releasePlugin,
  ruleDocsUrl,
  run,
  tempProject,
} from './helpers.js';

const recommendedConfig = [
  "import lambdaEdge from 'eslint-plugin-lambda-edge';",
  '',
  'export default [lambdaEdge.configs.recommended];',
  '',
].join('\n');

const handlerFiles = listFixtures('handlers').map((f) => `edge/${f}`);

function ciProject(name: string, config = recommendedConfig): TempProject {
  const project = tempProject(
    name,
    { 'package.json': JSON.stringify({ name: 'edge-app', private: true, type: 'module' }), 'eslint.config.js': config },
    { links: ['@microsoft/eslint-formatter-sarif'] },
  );
  for (const file of handlerFiles) {
    project.write(file, readFileSync(path.join(import.meta.dirname, '../fixtures/integration/handlers', path.basename(file)), 'utf8'));
  }
  return project;
}

async function lintJson(project: TempProject, args: string[] = []): Promise<{ code: number | null; findings: Finding[]; stderr: string }> {
  const result = await eslintCli(project.dir, ['--format', 'json', ...args, '.']);
  let parsed: Parameters<typeof findings>[0];
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw new Error(`eslint printed no JSON (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
  }
  return { code: result.code, findings: findings(parsed, project.dir), stderr: result.stderr };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
  }[];
}

const projects: TempProject[] = [];
const track = (project: TempProject) => (projects.push(project), project);

beforeAll(installPlugin, 60_000);
afterAll(() => {
  for (const project of projects) project.cleanup();
  releasePlugin();
});

describe('the GitHub Actions workflow in docs/ci.md', () => {
  interface Step {
    name?: string;
    run?: string;
    uses?: string;
    if?: string;
    with?: Record<string, string>;
  }
  const workflow = parseYaml(codeBlockUnder('docs/ci.md', 'GitHub Actions', 'yaml')) as {
    permissions: Record<string, string>;
    jobs: { eslint: { steps: Step[] } };
  };
  const steps = workflow.jobs.eslint.steps;

  /**
   * Runs the workflow's `run:` steps (after `npm ci`) the way Actions does: `bash -e`, a failed
   * step skips later steps unless their `if:` is `!cancelled()`. Returns each step's exit code.
   */
  async function runWorkflow(project: TempProject): Promise<Map<string, number | null>> {
    const codes = new Map<string, number | null>();
    let failed = false;
    for (const step of steps) {
      if (!step.run || step.run === 'npm ci') continue;
      if (failed && step.if !== '${{ !cancelled() }}') continue;
      const result = await run('bash', ['-e', '-c', step.run], { cwd: project.dir, timeoutMs: 45_000 });
      codes.set(step.name ?? step.run, result.code);
      if (result.code !== 0) failed = true;
    }
    return codes;
  }

  it('is a gate, then a SARIF report uploaded even when the gate failed', () => {
    expect(workflow.permissions['security-events']).toBe('write');
    const names = steps.map((s) => s.name ?? s.uses ?? s.run);
    expect(names).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
      'ESLint',
      'ESLint report for code scanning',
      'github/codeql-action/upload-sarif@v3',
    ]);
    const upload = steps.at(-1)!;
    expect(upload.if).toBe('${{ !cancelled() }}');
    expect(upload.with?.sarif_file).toBe('eslint-results.sarif');
  });

  it('fails on findings, and still writes the SARIF with them', async () => {
    const project = track(ciProject('workflow-dirty'));
    const codes = await runWorkflow(project);
    expect([...codes.values()]).toEqual([1, 0]);
    const sarif = JSON.parse(readFileSync(path.join(project.dir, 'eslint-results.sarif'), 'utf8')) as SarifLog;
    // generate.mjs 3, origin-response.js 1, redirect.js 1; the report step reused the gate's cache.
    const results = sarif.runs[0]!.results.filter((r) => r.ruleId === 'lambda-edge/no-numeric-status');
    expect(results).toHaveLength(5);
    expect(readFileSync(path.join(project.dir, '.eslintcache'), 'utf8')).toContain('edge/redirect.js');
  }, 60_000);

  it('passes on a clean project, with an empty SARIF', async () => {
    const project = track(ciProject('workflow-clean'));
    for (const file of handlerFiles) rmSync(path.join(project.dir, file));
    project.write('edge/redirect.js', readFileSync(path.join(import.meta.dirname, '../fixtures/integration/handlers/redirect-fixed.js'), 'utf8'));
    const codes = await runWorkflow(project);
    expect([...codes.values()]).toEqual([0, 0]);
    const sarif = JSON.parse(readFileSync(path.join(project.dir, 'eslint-results.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs[0]!.results).toEqual([]);
  }, 60_000);

  it('fails the report step too when ESLint cannot run (exit 2)', async () => {
    const project = track(ciProject('workflow-broken', "import missing from 'eslint-plugin-missing';\nexport default [missing];\n"));
    const codes = await runWorkflow(project);
    // The gate exits 2; the report step's `|| test $? -eq 1` turns 2 into a failed step too.
    expect([...codes.values()]).toEqual([2, 1]);
  }, 60_000);
});

describe('SARIF for code scanning', () => {
  it('names our rules with their docs URLs, files and regions', async () => {
    const project = track(ciProject('sarif'));
    const result = await eslintCli(project.dir, ['-f', '@microsoft/eslint-formatter-sarif', '-o', 'out.sarif', 'edge/redirect.js', 'edge/generate.mjs']);
    // These files have only warnings (no-numeric-status warns in the recommended config).
    expect(result.code, result.stderr).toBe(0);
    const sarif = JSON.parse(readFileSync(path.join(project.dir, 'out.sarif'), 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    expect(sarifRun!.tool.driver.name).toBe('ESLint');
    const rule = sarifRun!.tool.driver.rules.find((r) => r.id === 'lambda-edge/no-numeric-status');
    expect(rule).toEqual({
      id: 'lambda-edge/no-numeric-status',
      helpUri: await ruleDocsUrl('no-numeric-status'),
      shortDescription: { text: 'Require the `status` of a Lambda@Edge response to be a string' },
      properties: expect.any(Object),
    });
    const ours = sarifRun!.results
      .filter((r) => r.ruleId === 'lambda-edge/no-numeric-status')
      .map((r) => ({
        level: r.level,
        text: r.message.text,
        uri: r.locations[0]!.physicalLocation.artifactLocation.uri,
        region: r.locations[0]!.physicalLocation.region,
      }))
      .sort((a, b) => a.uri.localeCompare(b.uri) || a.region.startLine - b.region.startLine || a.region.startColumn - b.region.startColumn);
    const uri = (file: string) => pathToFileURL(path.join(project.dir, file)).href;
    const message = (n: number) => `Lambda@Edge documents a response's \`status\` as a string; write '${n}' instead of the number ${n}.`;
    expect(ours).toEqual([
      { level: 'warning', text: message(200), uri: uri('edge/generate.mjs'), region: { startLine: 5, startColumn: 22, endLine: 5, endColumn: 25 } },
      { level: 'warning', text: message(410), uri: uri('edge/generate.mjs'), region: { startLine: 8, startColumn: 49, endLine: 8, endColumn: 52 } },
      { level: 'warning', text: message(405), uri: uri('edge/generate.mjs'), region: { startLine: 8, startColumn: 55, endLine: 8, endColumn: 58 } },
      { level: 'warning', text: message(302), uri: uri('edge/redirect.js'), region: { startLine: 6, startColumn: 15, endLine: 6, endColumn: 18 } },
    ]);
  }, 30_000);
});

// Exit codes 0, 1 and 2 are covered by the workflow tests above.
describe('--max-warnings', () => {
  it('warnings pass by default and fail with --max-warnings 0', async () => {
    const project = track(
      ciProject(
        'max-warnings',
        [
          "import lambdaEdge from 'eslint-plugin-lambda-edge';",
          'export default [',
          '  lambdaEdge.configs.recommended,',
          "  { rules: { 'lambda-edge/no-numeric-status': 'warn' } },",
          '];',
          '',
        ].join('\n'),
      ),
    );
    const lenient = await eslintCli(project.dir, ['edge/redirect.js']);
    expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0);
    expect(lenient.stdout).toMatch(/6:15\s+warning\s+.*lambda-edge\/no-numeric-status/);
    const strict = await eslintCli(project.dir, ['--max-warnings', '0', 'edge/redirect.js']);
    expect(strict.code).toBe(1);
    expect(strict.stdout + strict.stderr).toContain('ESLint found too many warnings (maximum: 0)');
  }, 30_000);
});

describe('--concurrency', () => {
  it('gives exactly the findings of a single-threaded run', async () => {
    const project = track(ciProject('concurrency'));
    // Enough files that two workers really split them.
    for (const copy of ['a', 'b']) {
      for (const file of handlerFiles) project.write(`${copy}/${path.basename(file)}`, readFileSync(path.join(project.dir, file), 'utf8'));
    }
    const single = await lintJson(project, ['--concurrency', 'off']);
    const auto = await lintJson(project, ['--concurrency=auto']);
    const two = await lintJson(project, ['--concurrency', '2']);
    expect(single.code).toBe(1);
    // Three copies of the handler set; per set: generate.mjs 3, origin-response.js 1, redirect.js 1.
    expect(only(single.findings, 'no-numeric-status')).toHaveLength(3 * 5);
    expect(only(single.findings, 'no-origin-body-in-response-trigger')).toHaveLength(3 * 2);
    expect(auto.findings).toEqual(single.findings);
    expect(two.findings).toEqual(single.findings);
    expect([auto.code, two.code]).toEqual([1, 1]);
  }, 60_000);
});

describe('--cache', () => {
  const withSettings = (settings: string) =>
    [
      "import lambdaEdge from 'eslint-plugin-lambda-edge';",
      'export default [',
      '  lambdaEdge.configs.recommended,',
      `  { files: ['edge/origin-response.js'], settings: { 'lambda-edge': ${settings} } },`,
      '];',
      '',
    ].join('\n');
  const originBody = (list: Finding[]) => only(list, 'no-origin-body-in-response-trigger').map((f) => `${f.file}:${f.line}:${f.column}`);

  it('sees a change of settings[lambda-edge].eventType on the next cached run', async () => {
    const project = track(ciProject('cache-event-type', withSettings("{ eventType: 'origin-response' }")));
    const args = ['--cache', '--cache-location', '.cache/eslint'];
    const first = await lintJson(project, args);
    expect(originBody(first.findings)).toEqual(['edge/origin-response.js:4:7', 'edge/origin-response.js:4:24']);
    expect(readFileSync(path.join(project.dir, '.cache/eslint'), 'utf8')).toContain('edge/origin-response.js');
    // Same files, same config: served from the cache, same findings.
    const again = await lintJson(project, args);
    expect(again.findings).toEqual(first.findings);

    project.write('eslint.config.js', withSettings("{ eventType: 'origin-request' }"));
    const changed = await lintJson(project, args);
    expect(originBody(changed.findings)).toEqual([]);
    // Only the setting's effect changed; the other findings are the same.
    expect(only(changed.findings, 'no-numeric-status')).toEqual(only(first.findings, 'no-numeric-status'));
  }, 60_000);

  it('does not see infrastructure files, as docs/ci.md warns: a changed serverless.yml leaves cached results stale', async () => {
    const serverless = (event: string) =>
      [
        'service: edge',
        'provider:',
        '  name: aws',
        '  runtime: nodejs22.x',
        'functions:',
        '  guard:',
        '    handler: edge/origin-response.handler',
        '    events:',
        '      - cloudFront:',
        `          eventType: ${event}`,
        '          origin: https://example.com',
        '',
      ].join('\n');
    const project = track(ciProject('cache-infra'));
    project.write('serverless.yml', serverless('origin-response'));
    const args = ['--cache', '--cache-location', '.cache/eslint', '--cache-strategy', 'content'];
    const first = await lintJson(project, args);
    expect(originBody(first.findings)).toEqual(['edge/origin-response.js:4:7', 'edge/origin-response.js:4:24']);
    expect(only(first.findings, 'no-origin-body-in-response-trigger')[0]!.message).toContain('in origin-response:');

    project.write('serverless.yml', serverless('origin-request'));
    const stale = await lintJson(project, args);
    expect(originBody(stale.findings)).toEqual(originBody(first.findings));
    const fresh = await lintJson(project, []);
    expect(originBody(fresh.findings)).toEqual([]);
  }, 60_000);

  it('sees a change of the handler map in settings[lambda-edge].handlers (the documented fix for infrastructure changes)', async () => {
    const handlers = (event: string) => `{ handlers: { 'edge/origin-response.js': { handler: ['${event}'] } } }`;
    const project = track(ciProject('cache-handlers', withSettings(handlers('origin-response'))));
    const args = ['--cache', '--cache-location', '.cache/eslint', '--cache-strategy', 'content'];
    const first = await lintJson(project, args);
    expect(originBody(first.findings)).toEqual(['edge/origin-response.js:4:7', 'edge/origin-response.js:4:24']);
    project.write('eslint.config.js', withSettings(handlers('origin-request')));
    const changed = await lintJson(project, args);
    expect(originBody(changed.findings)).toEqual([]);
  }, 60_000);
});
