import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/infra/cli.js';
import { clearInfrastructureCache, lookupFile } from '../../src/infra/index.js';
import { FIXTURES, options, project } from './helpers.js';

beforeEach(() => clearInfrastructureCache());

function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('eslint-plugin-lambda-edge map', () => {
  it('prints a table of handler, export, event types and where each was declared', () => {
    const { code, stdout, stderr } = run(['map', '--cwd', 'terraform'], FIXTURES);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'handler file       export   event types                    declared in',
        '-----------------  -------  -----------------------------  --------------------------------',
        'edge/auth/main.js  handler  origin-request (include body)  terraform/main.tf:40 (terraform)',
        'edge/redirect.js   handler  viewer-request                 terraform/main.tf:26 (terraform)',
        '',
      ].join('\n'),
    );
  });

  it('lists what could not be resolved, and why', () => {
    const root = project({
      'serverless.yml': 'functions:\n  a:\n    handler: edge/a.handler\n    events:\n      - cloudFront: { eventType: origin-request }\n  b:\n    handler: edge/b.handler\n    events:\n      - cloudFront: { eventType: "${opt:event}" }\n',
      'edge/a.js': 'exports.handler = async () => {};\n',
      'edge/b.js': 'exports.handler = async () => {};\n',
    });
    const { code, stdout } = run(['map'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('edge/a.js     handler  origin-request  serverless.yml:5 (serverless)');
    expect(stdout).toContain(
      "Not resolved (1):\n  serverless.yml:9: functions.b cloudFront eventType '${opt:event}' uses a variable, which is not resolved.\n",
    );
  });

  it('--write writes the handlers map that settings accept, relative to --cwd', () => {
    const out = join(project({}), 'handlers.json');
    const cwd = join(FIXTURES, 'serverless');
    const { code, stdout } = run(['map', '--cwd', cwd, '--write', out], '/');
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

  it('--json prints bindings and problems with paths relative to the project', () => {
    const { code, stdout } = run(['map', '--json', '--cwd=cloudformation'], FIXTURES);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.cwd).toBe(join(FIXTURES, 'cloudformation'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.bindings).toEqual([
      {
        file: 'src/lambda/auth.js',
        exportName: 'check',
        eventTypes: ['viewer-request'],
        declaredIn: 'cloudformation/edge.template.json:57',
        source: 'cloudformation',
      },
      {
        file: 'src/lambda/headers.js',
        exportName: 'handler',
        eventTypes: ['viewer-response'],
        declaredIn: 'cloudformation/edge.template.json:45',
        source: 'cloudformation',
      },
    ]);
  });

  it('answers --help, and rejects unknown commands and options with exit code 2', () => {
    expect(run(['--help'], FIXTURES)).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: eslint-plugin-lambda-edge map') });
    expect(run(['map', '--help'], FIXTURES).stdout).toContain('--write <file.json>');
    expect(run(['lint'], FIXTURES)).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown command 'lint'") });
    expect(run(['map', '--frobnicate'], FIXTURES)).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--frobnicate'") });
    expect(run(['map', '--write'], FIXTURES)).toMatchObject({ code: 2, stderr: expect.stringContaining('--write needs a value') });
  });
});
