import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/infra/cli.js';
import { clearInfrastructureCache, lookupFile } from '../../src/infra/index.js';
import { PACKAGE } from '../../src/package-info.js';
import { FIXTURES, options, project } from './helpers.js';

beforeEach(() => clearInfrastructureCache());

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('eslint-plugin-lambda-edge map', () => {
  it('prints a table of handler, export, event types, where they came from and where each was declared', async () => {
    const { code, stdout, stderr } = await run(['map', '--cwd', 'terraform'], FIXTURES);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'handler file       export   event types                    from            declared in',
        '-----------------  -------  -----------------------------  --------------  --------------------------------',
        'edge/auth/main.js  handler  origin-request (include body)  infrastructure  terraform/main.tf:40 (terraform)',
        'edge/redirect.js   handler  viewer-request                 infrastructure  terraform/main.tf:26 (terraform)',
        '',
      ].join('\n'),
    );
  });

  it('lists what could not be resolved, and why (exit 0: unresolved is not a failure)', async () => {
    const root = project({
      'serverless.yml': 'functions:\n  a:\n    handler: edge/a.handler\n    events:\n      - cloudFront: { eventType: origin-request }\n  b:\n    handler: edge/b.handler\n    events:\n      - cloudFront: { eventType: "${opt:event}" }\n',
      'edge/a.js': 'exports.handler = async () => {};\n',
      'edge/b.js': 'exports.handler = async () => {};\n',
    });
    const { code, stdout } = await run(['map'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('edge/a.js     handler  origin-request  infrastructure  serverless.yml:5 (serverless)');
    expect(stdout).toContain(
      "Not resolved (1):\n  serverless.yml:9: functions.b cloudFront eventType '${opt:event}' uses a variable, which is not resolved.\n",
    );
  });

  it('--write writes the handlers map that settings accept, relative to --cwd', async () => {
    const out = join(project({}), 'handlers.json');
    const cwd = join(FIXTURES, 'serverless');
    const { code, stdout } = await run(['map', '--cwd', cwd, '--write', out], '/');
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote ');
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written).toEqual({
      'plugin-service/handlers/multi.ts': {
        onRequest: ['viewer-request', 'origin-request'],
        onResponse: ['viewer-response'],
      },
      'plugin-service/handlers/rewrite.js': { handler: ['origin-request'] },
      'src/edge/form.ts': { handler: ['origin-request'] },
      'src/edge/headers.mjs': { addHeaders: ['origin-response', 'viewer-response'] },
      'src/edge/redirect.js': { handler: ['viewer-request'] },
    });
    // The written map, used as the handlers setting, gives the same answers as discovery.
    const fromMap = lookupFile(options(cwd, { handlers: written }), join(cwd, 'src/edge/headers.mjs'));
    expect([...fromMap!.byExport.get('addHeaders')!]).toEqual(['origin-response', 'viewer-response']);
  });

  it('--json prints handlers (with where their event types came from) and problems, paths relative to the project', async () => {
    const { code, stdout } = await run(['map', '--json', '--cwd=cloudformation'], FIXTURES);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.cwd).toBe(join(FIXTURES, 'cloudformation'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.handlers).toEqual([
      {
        file: 'src/lambda/auth.js',
        exportName: 'check',
        eventTypes: ['viewer-request'],
        from: 'infrastructure',
        declaredIn: 'cloudformation/edge.template.json:57',
        source: 'cloudformation',
      },
      {
        file: 'src/lambda/headers.js',
        exportName: 'handler',
        eventTypes: ['viewer-response'],
        from: 'infrastructure',
        declaredIn: 'cloudformation/edge.template.json:45',
        source: 'cloudformation',
      },
    ]);
  });

  it('answers --help and --version, and rejects unknown commands and options with exit code 2', async () => {
    expect(await run(['--help'], FIXTURES)).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: eslint-plugin-lambda-edge map') });
    expect((await run(['map', '--help'], FIXTURES)).stdout).toContain('--write <file.json>');
    expect((await run(['map', '--help'], FIXTURES)).stdout).toMatch(/Exit codes: 0 done .* 1 the folder does not\nexist, an infrastructure file does not parse/);
    expect(await run(['--version'], FIXTURES)).toEqual({ code: 0, stdout: `${PACKAGE.version}\n`, stderr: '' });
    expect(await run(['map', '--version'], FIXTURES)).toEqual({ code: 0, stdout: `${PACKAGE.version}\n`, stderr: '' });
    expect(PACKAGE.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await run(['lint'], FIXTURES)).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown command 'lint'") });
    expect(await run(['map', '--frobnicate'], FIXTURES)).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--frobnicate'") });
    expect(await run(['map', '--write'], FIXTURES)).toMatchObject({ code: 2, stderr: expect.stringContaining('--write needs a value') });
  });

  it('exits 1 with a clear message when --cwd does not exist or is not a folder', async () => {
    expect(await run(['map', '--cwd', '/nonexistent/lambda-edge-project'], FIXTURES)).toEqual({
      code: 1,
      stdout: '',
      stderr: "eslint-plugin-lambda-edge map: /nonexistent/lambda-edge-project does not exist; --cwd must name the project's root folder.\n",
    });
    const root = project({ 'file.txt': 'x' });
    const notFolder = await run(['map', '--cwd', 'file.txt', '--json'], root);
    expect(notFolder).toMatchObject({ code: 1, stdout: '' });
    expect(notFolder.stderr).toBe(`eslint-plugin-lambda-edge map: ${join(root, 'file.txt')} is not a folder; --cwd must name the project's root folder.\n`);
  });

  it('exits 1 when infrastructure files do not parse, listing each with file:line, and still prints what it found', async () => {
    const root = project({
      // b's missing file is a problem too, but not a parse failure: it is not listed as one.
      'serverless.yml':
        'functions:\n  a:\n    handler: edge/a.handler\n    events:\n      - cloudFront: { eventType: origin-request }\n' +
        '  b:\n    handler: edge/missing.handler\n    events:\n      - cloudFront: { eventType: viewer-request }\n',
      'edge/a.js': 'exports.handler = async () => {};\n',
      'template.yaml': 'Resources:\n  Dist:\n    Type: AWS::CloudFront::Distribution\n    Properties: [unclosed\n',
      'terraform/main.tf': 'resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n    lambda_function_association {\n      event_type = "origin-request"\n',
      'cdk.json': '{ "app": "npx ts-node bin/app.ts" }',
      'bin/app.ts': "import * as cdk from 'aws-cdk-lib';\nconst app = new cdk.App(;\n",
    });
    const { code, stdout, stderr } = await run(['map'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('edge/a.js     handler  origin-request  infrastructure  serverless.yml:5 (serverless)');
    const listed = stderr.split('\n');
    expect(listed[0]).toBe('eslint-plugin-lambda-edge map: 3 infrastructure files could not be parsed, so the bindings in them are missing:');
    // The line each parser stops at: the bad token in app.ts, the end of the unclosed YAML
    // flow sequence (line 5 is the end of the file), and the opening brace of the innermost
    // unclosed HCL block (line 3), where HashiCorp's parser reports it too.
    expect(listed.slice(1).filter(Boolean).map((line) => line.replace(/: .*/, '')).sort()).toEqual(['  bin/app.ts:2', '  template.yaml:5', '  terraform/main.tf:3']);
    expect(stderr).toMatch(/ {2}bin\/app\.ts:2: does not parse as TypeScript/);
    expect(stderr).toMatch(/ {2}template\.yaml:5: is not valid YAML/);
    expect(stderr).toContain(
      '  terraform/main.tf:3: does not parse as HCL (column 33: Unclosed configuration block: there is no closing brace for this block before the end of the file.); its resources are not read.\n',
    );
    expect(stderr.split('\n').filter((line) => line.includes('missing.handler'))).toEqual([]);
    // --json too: the output is complete JSON, the exit code still says it is incomplete.
    clearInfrastructureCache();
    const json = await run(['map', '--json'], root);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems.map((p: { file: string; line: number }) => `${p.file}:${p.line}`).sort()).toEqual(
      expect.arrayContaining(['bin/app.ts:2', 'template.yaml:5', 'terraform/main.tf:3']),
    );
    // Each reader marks the files it could not parse; the CLI goes by that mark, not by the text.
    const problems = JSON.parse(json.stdout).problems as { file: string; message: string; kind?: string }[];
    expect(problems.filter((p) => p.kind === 'parse').map((p) => p.file).sort()).toEqual(['bin/app.ts', 'template.yaml', 'terraform/main.tf']);
    expect(problems.filter((p) => p.kind === 'unresolved').map((p) => p.message)).toEqual([expect.stringMatching(/^serverless\.yml:\d+: .*'edge\/missing\.handler' has no source file/)]);
  });

  it('shows handlers whose event types come from a comment, with the comment line, in JavaScript and TypeScript', async () => {
    const root = project({
      'edge/headers.js': '// Adds security headers.\n// @lambda-edge-event origin-response\nexports.handler = async (event) => event.Records[0].cf.response;\n',
      'edge/multi.ts': [
        "import type { CloudFrontRequestEvent } from 'aws-lambda';",
        '',
        '/** @lambda-edge-event viewer-request */',
        'export const onView = async (event: CloudFrontRequestEvent) => event.Records[0].cf.request;',
        '',
        '// @lambda-edge-event origin-request, origin-response',
        'export const onOrigin = async (event: CloudFrontRequestEvent) => event.Records[0].cf.request;',
        '',
      ].join('\n'),
      'edge/not-edge.js': 'exports.handler = async () => 1;\n',
    });
    const { code, stdout, stderr } = await run(['map'], root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'handler file     export    event types                      from     declared in',
        '---------------  --------  -------------------------------  -------  -----------------',
        'edge/headers.js  handler   origin-response                  comment  edge/headers.js:2',
        'edge/multi.ts    onOrigin  origin-request, origin-response  comment  edge/multi.ts:6',
        'edge/multi.ts    onView    viewer-request                   comment  edge/multi.ts:3',
        '',
      ].join('\n'),
    );
  });

  it('without --eslint-config, does not run eslint.config and says eventType settings were not read', async () => {
    const marker = join(project({}), 'ran');
    const root = project({
      'package.json': JSON.stringify({ type: 'module' }),
      'eslint.config.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'x');\nexport default [{ settings: { 'lambda-edge': { eventType: 'viewer-request' } } }];\n`,
      'edge/a.js': 'exports.handler = async (event) => event.Records[0].cf.request;\n',
    });
    const { code, stdout } = await run(['map'], root);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'No Lambda@Edge handlers found: no infrastructure code binds one, and no @lambda-edge-event comment names one. eventType settings in eslint.config are read only with --eslint-config.\n',
    );
    expect(() => readFileSync(marker)).toThrow();
  });

  it('--eslint-config reads eventType settings through the project\'s eslint.config, next to comments and infrastructure', async () => {
    const root = project({
      'package.json': JSON.stringify({ type: 'module' }),
      // Settings alone: map adds the plugin's analysis itself.
      'eslint.config.mjs': "export default [{ files: ['edge/rewrite/**'], settings: { 'lambda-edge': { eventType: 'origin-request' } } }];\n",
      'edge/rewrite/index.js': 'export const handler = async (event) => event.Records[0].cf.request;\n',
      'edge/headers.js': '// @lambda-edge-event viewer-response\nexports.handler = async (event) => event.Records[0].cf.response;\n',
      'serverless.yml': 'functions:\n  r:\n    handler: edge/redirect.handler\n    events:\n      - cloudFront: { eventType: viewer-request }\n',
      'edge/redirect.js': 'exports.handler = async (event) => event.Records[0].cf.request;\n',
    });
    const { code, stdout, stderr } = await run(['map', '--eslint-config'], root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'handler file           export   event types      from            declared in',
        '---------------------  -------  ---------------  --------------  -----------------------------',
        'edge/headers.js        handler  viewer-response  comment         edge/headers.js:1',
        'edge/redirect.js       handler  viewer-request   infrastructure  serverless.yml:5 (serverless)',
        'edge/rewrite/index.js  handler  origin-request   settings        eslint.config.mjs',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
