import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearBuildDefines, projectDefines } from '../../src/build-defines.js';
import { RECHECK_INTERVAL_MS, setRecheckClockForTests } from '../../src/infra/context.js';
import { clearInfrastructureCache, getInfrastructureMap, lookupFile } from '../../src/infra/index.js';
import plugin from '../../src/index.js';
import { FIXTURES, HANDLER_JS, options, project, rows, tempFolder } from './helpers.js';

// An editor's ESLint server is one long process: discovery's result must follow edits of the
// infrastructure files. The clock is a fake one, so nothing here depends on real time.

let now = 0;
beforeEach(() => {
  now = 0;
  setRecheckClockForTests({ now: () => now });
  clearInfrastructureCache();
});
afterEach(() => {
  setRecheckClockForTests();
  clearInfrastructureCache();
  clearBuildDefines();
});

/**
 * Dates every file and folder of a project an hour back, as a project that existed before the
 * editor opened it: an edit then surely changes an mtime, however coarse the file system's clock.
 */
function age(dir: string): void {
  const past = new Date(Date.now() - 3600_000);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) age(full);
    utimesSync(full, past, past);
  }
  utimesSync(dir, past, past);
}

function serverless(handler: string, eventType: string): string {
  return `service: site
provider:
  name: aws
functions:
  edge:
    handler: ${handler}
    events:
      - cloudFront:
          eventType: ${eventType}
          origin: https://origin.example.com
`;
}

function eventTypes(root: string, file: string, extra = {}): string[] {
  return [...(lookupFile(options(root, extra), join(root, file))?.byExport.get('handler') ?? [])];
}

describe('discovery follows infrastructure edits in a long-running process', () => {
  it('an edited event type is seen after the recheck interval, not before', () => {
    const root = project({ 'serverless.yml': serverless('handler.handler', 'origin-request'), 'handler.js': HANDLER_JS });
    age(root);
    expect(eventTypes(root, 'handler.js')).toEqual(['origin-request']);
    writeFileSync(join(root, 'serverless.yml'), serverless('handler.handler', 'viewer-request'));
    now = RECHECK_INTERVAL_MS - 1;
    expect(eventTypes(root, 'handler.js')).toEqual(['origin-request']);
    now = RECHECK_INTERVAL_MS;
    expect(eventTypes(root, 'handler.js')).toEqual(['viewer-request']);
  });

  it('a bundler script added to package.json binds the handler of the folder it builds', () => {
    const root = project({
      'package.json': JSON.stringify({ scripts: { build: 'tsc' } }),
      'serverless.yml': serverless('dist/edge.handler', 'origin-request'),
      'src/edge.ts': HANDLER_JS,
    });
    age(root);
    expect(eventTypes(root, 'src/edge.ts')).toEqual([]);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts: { build: 'esbuild src/edge.ts --bundle --outdir=dist' } }));
    now = RECHECK_INTERVAL_MS;
    expect(eventTypes(root, 'src/edge.ts')).toEqual(['origin-request']);
  });

  it('a new infrastructure file in a scanned subfolder is seen', () => {
    const root = project({
      'services/a/serverless.yml': serverless('handler.handler', 'viewer-request'),
      'services/a/handler.js': HANDLER_JS,
      'services/b/handler.js': HANDLER_JS,
    });
    age(root);
    expect(rows(getInfrastructureMap(options(root)), root)).toEqual([
      'services/a/handler.js#handler viewer-request @services/a/serverless.yml:9 [serverless]',
    ]);
    writeFileSync(join(root, 'services/b/serverless.yml'), serverless('handler.handler', 'origin-response'));
    now = RECHECK_INTERVAL_MS;
    expect(rows(getInfrastructureMap(options(root)), root)).toEqual([
      'services/a/handler.js#handler viewer-request @services/a/serverless.yml:9 [serverless]',
      'services/b/handler.js#handler origin-response @services/b/serverless.yml:9 [serverless]',
    ]);
  });

  it('an unchanged project is not discovered again, however often it is rechecked', () => {
    const root = project({ 'serverless.yml': serverless('handler.handler', 'origin-request'), 'handler.js': HANDLER_JS });
    age(root);
    const first = getInfrastructureMap(options(root)).bindings;
    for (let i = 1; i <= 5; i++) {
      now = i * RECHECK_INTERVAL_MS;
      expect(getInfrastructureMap(options(root)).bindings).toBe(first);
    }
    // Reading a file without changing it (an editor opening it) changes nothing either.
    readFileSync(join(root, 'serverless.yml'));
    now = 10 * RECHECK_INTERVAL_MS;
    expect(getInfrastructureMap(options(root)).bindings).toBe(first);
    // The control: an edit does give a new result.
    writeFileSync(join(root, 'handler.js'), `${HANDLER_JS}// edited\n`);
    now = 11 * RECHECK_INTERVAL_MS;
    expect(getInfrastructureMap(options(root)).bindings).not.toBe(first);
  });

  it('a clock set back (the wall clock) rechecks at once rather than trusting the old result', () => {
    const root = project({ 'serverless.yml': serverless('handler.handler', 'origin-request'), 'handler.js': HANDLER_JS });
    age(root);
    now = 100 * RECHECK_INTERVAL_MS;
    expect(eventTypes(root, 'handler.js')).toEqual(['origin-request']);
    writeFileSync(join(root, 'serverless.yml'), serverless('handler.handler', 'viewer-request'));
    now = 50 * RECHECK_INTERVAL_MS;
    expect(eventTypes(root, 'handler.js')).toEqual(['viewer-request']);
  });

  it("a deleted infrastructure file's bindings go, the others stay", () => {
    const root = project({
      'a/serverless.yml': serverless('handler.handler', 'viewer-request'),
      'a/handler.js': HANDLER_JS,
      'b/serverless.yml': serverless('handler.handler', 'origin-request'),
      'b/handler.js': HANDLER_JS,
    });
    age(root);
    expect(eventTypes(root, 'a/handler.js')).toEqual(['viewer-request']);
    expect(eventTypes(root, 'b/handler.js')).toEqual(['origin-request']);
    rmSync(join(root, 'b/serverless.yml'));
    now = RECHECK_INTERVAL_MS;
    expect(eventTypes(root, 'b/handler.js')).toEqual([]);
    expect(lookupFile(options(root), join(root, 'b/handler.js'))).toBeUndefined();
    expect(eventTypes(root, 'a/handler.js')).toEqual(['viewer-request']);
  });

  it('with infrastructure globs, a matching file added in a new folder is seen', () => {
    const root = project({
      'deploy/site/serverless.yml': serverless('../../src/a.handler', 'viewer-request'),
      'src/a.js': HANDLER_JS,
      'src/b.js': HANDLER_JS,
    });
    age(root);
    const globs = { infrastructure: ['deploy/**/serverless.yml'] };
    expect(eventTypes(root, 'src/b.js', globs)).toEqual([]);
    mkdirSync(join(root, 'deploy/api/edge'), { recursive: true });
    writeFileSync(join(root, 'deploy/api/edge/serverless.yml'), serverless('../../../src/b.handler', 'origin-request'));
    now = RECHECK_INTERVAL_MS;
    expect(eventTypes(root, 'src/b.js', globs)).toEqual(['origin-request']);
    expect(eventTypes(root, 'src/a.js', globs)).toEqual(['viewer-request']);
  });

  it('a handler file named in settings that is created later gets its events', () => {
    const root = project({ 'README.md': '# site\n' });
    age(root);
    const handlers = { handlers: { 'edge/h.js': { handler: ['viewer-request' as const] } } };
    const map = () => getInfrastructureMap(options(root, handlers));
    expect(map().problems.map((p) => p.message)).toEqual([
      `settings['lambda-edge'].handlers names edge/h.js, which does not exist (relative to ${root}).`,
    ]);
    mkdirSync(join(root, 'edge'));
    writeFileSync(join(root, 'edge/h.js'), HANDLER_JS);
    now = RECHECK_INTERVAL_MS;
    expect(map().problems).toEqual([]);
    expect(eventTypes(root, 'edge/h.js', handlers)).toEqual(['viewer-request']);
  });
});

/** A copy of one of the end-to-end fixture projects, to edit. */
function copyOf(name: string): string {
  const root = tempFolder('lambda-edge-fresh-');
  cpSync(join(FIXTURES, '../e2e', name), root, { recursive: true });
  age(root);
  return root;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('CDK and Terraform edits are followed the same way', () => {
  it('a CDK stack whose edge function moves to another event', () => {
    const root = copyOf('cdk');
    expect(eventTypes(root, 'edge/site-auth/index.js')).toEqual(['viewer-request']);
    edit(join(root, 'infra/lib/site-stack.ts'), 'LambdaEdgeEventType.VIEWER_REQUEST', 'LambdaEdgeEventType.ORIGIN_REQUEST');
    now = RECHECK_INTERVAL_MS;
    expect(eventTypes(root, 'edge/site-auth/index.js')).toEqual(['origin-request']);
  });

  it('a main.tf whose association changes event type', () => {
    const root = copyOf('terraform');
    const before = [...(lookupFile(options(root), join(root, 'functions/rewrite.js'))?.byExport.values() ?? [])];
    expect(before.map((types) => [...types])).toEqual([['origin-response']]);
    edit(join(root, 'deploy/main.tf'), 'event_type   = "origin-response"', 'event_type   = "viewer-response"');
    now = RECHECK_INTERVAL_MS;
    const after = [...(lookupFile(options(root), join(root, 'functions/rewrite.js'))?.byExport.values() ?? [])];
    expect(after.map((types) => [...types])).toEqual([['viewer-response']]);
  });

  it('editing a code file that does not mention the CDK does not re-run discovery; once it does, it is read', () => {
    const stack = (event: string) => `import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
const fn = new cloudfront.experimental.EdgeFunction(this, 'Fn', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset('edge'),
});
new cloudfront.Distribution(this, 'Cdn', {
  defaultBehavior: { origin, edgeLambdas: [{ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.${event} }] },
});
`;
    const root = project({
      'package.json': '{ "dependencies": { "aws-cdk-lib": "2.200.0" } }\n',
      'stack.ts': stack('VIEWER_REQUEST'),
      'edge/index.js': HANDLER_JS,
      'web/page.ts': 'export const title = "home";\n',
    });
    age(root);
    const first = getInfrastructureMap(options(root)).bindings;
    expect(rows(getInfrastructureMap(options(root)), root)).toEqual(['edge/index.js#handler viewer-request @stack.ts:9 [cdk]']);
    writeFileSync(join(root, 'web/page.ts'), 'export const title = "home page";\n');
    now = RECHECK_INTERVAL_MS;
    expect(getInfrastructureMap(options(root)).bindings).toBe(first);
    writeFileSync(join(root, 'web/page.ts'), stack('ORIGIN_RESPONSE'));
    now = 2 * RECHECK_INTERVAL_MS;
    expect(rows(getInfrastructureMap(options(root)), root)).toEqual([
      'edge/index.js#handler viewer-request @stack.ts:9 [cdk]',
      'edge/index.js#handler origin-response @web/page.ts:9 [cdk]',
    ]);
  });
});

describe('bundler configurations follow new files too', () => {
  it('a new esbuild config in the folder is seen after the recheck interval', () => {
    const root = project({ 'src/handler.js': HANDLER_JS });
    age(root);
    const file = join(root, 'src/handler.js');
    expect([...projectDefines(root, file)]).toEqual([]);
    writeFileSync(join(root, 'esbuild.config.mjs'), `build({ define: { 'process.env.ADDED_LATER': '"x"' } });`);
    now = RECHECK_INTERVAL_MS - 1;
    expect([...projectDefines(root, file)]).toEqual([]);
    now = RECHECK_INTERVAL_MS;
    expect([...projectDefines(root, file)]).toEqual(['ADDED_LATER']);
    // A new scripts/ folder beside it is seen as well.
    mkdirSync(join(root, 'scripts'));
    writeFileSync(join(root, 'scripts/build.mjs'), `build({ define: { 'process.env.FROM_SCRIPT': '"y"' } });`);
    now = 2 * RECHECK_INTERVAL_MS;
    expect([...projectDefines(root, file)].sort()).toEqual(['ADDED_LATER', 'FROM_SCRIPT']);
  });
});

describe('through ESLint, as an editor lints', () => {
  it('the same Linter reports the new event type after serverless.yml is edited', () => {
    const root = project({ 'serverless.yml': serverless('handler.handler', 'viewer-response'), 'handler.js': HANDLER_JS });
    age(root);
    const linter = new Linter({ cwd: root });
    const config = [
      {
        plugins: { 'lambda-edge': plugin },
        rules: { 'lambda-edge/no-status-change-in-viewer-response': 'error' as const },
      },
    ];
    const code = `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.status = '302';
  return response;
};
`;
    const lint = () =>
      linter.verify(code, config, join(root, 'handler.js')).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(lint()).toEqual(['3:3 lambda-edge/no-status-change-in-viewer-response']);
    writeFileSync(join(root, 'serverless.yml'), serverless('handler.handler', 'origin-response'));
    now = RECHECK_INTERVAL_MS;
    expect(lint()).toEqual([]);
    writeFileSync(join(root, 'serverless.yml'), serverless('handler.handler', 'viewer-response'));
    now = 2 * RECHECK_INTERVAL_MS;
    expect(lint()).toEqual(['3:3 lambda-edge/no-status-change-in-viewer-response']);
  });
});
