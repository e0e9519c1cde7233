/**
 * Security: infrastructure discovery, the `map` CLI and the rules never execute project code,
 * never open the network, and never write anywhere but the file passed to `--write`. YAML
 * is parsed as data: CloudFormation tags and YAML's language-specific tags run nothing.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/infra/cli.js';
import { clearInfrastructureCache, getInfrastructureMap } from '../../src/infra/index.js';
import { checkProgram, lint } from './harness.js';
import { makeTempProject, removeTempProjects } from './temp.js';

// Every write the plugin makes through node:fs, to prove where it writes.
const WRITES = ['writeFileSync', 'appendFileSync', 'mkdirSync', 'renameSync', 'rmSync', 'unlinkSync', 'copyFileSync', 'symlinkSync', 'truncateSync', 'createWriteStream', 'writeFile', 'appendFile', 'mkdir'] as const;
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const spied: Record<string, unknown> = { ...actual };
  for (const name of ['writeFileSync', 'appendFileSync', 'mkdirSync', 'renameSync', 'rmSync', 'unlinkSync', 'copyFileSync', 'symlinkSync', 'truncateSync', 'createWriteStream', 'writeFile', 'appendFile', 'mkdir', 'openSync']) {
    spied[name] = vi.fn((actual as unknown as Record<string, (...args: unknown[]) => unknown>)[name]);
  }
  return { ...spied, default: spied };
});

afterAll(() => removeTempProjects());

/** A project whose every piece of code, if run, leaves a marker file behind. */
function hostileProject(): { root: string; markers: string } {
  const markers = makeTempProject({});
  const mark = (name: string) => `require('fs').writeFileSync(${JSON.stringify(path.join(markers, name))}, 'executed')`;
  const markEsm = (name: string) => `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(path.join(markers, name))}, 'executed');`;
  const root = makeTempProject({
    'package.json': JSON.stringify({
      name: 'hostile',
      type: 'commonjs',
      scripts: { postinstall: `node -e "${mark('postinstall')}"`, build: `node -e "${mark('build')}"` },
    }),
    'cdk.json': JSON.stringify({ app: `node -e "${mark('cdk-app-command')}" && npx ts-node bin/app.ts` }),
    'bin/app.ts': [
      "import * as cdk from 'aws-cdk-lib';",
      "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
      "import { EdgeStack } from '../lib/stack';",
      markEsm('cdk-bin').split('\n')[1]!,
      'const app = new cdk.App();',
      "new EdgeStack(app, 'Edge');",
    ].join('\n'),
    'lib/stack.ts': [
      "import * as cdk from 'aws-cdk-lib';",
      "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import { writeFileSync } from 'node:fs';",
      `writeFileSync(${JSON.stringify(path.join(markers, 'cdk-lib'))}, 'executed');`,
      'export class EdgeStack extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string) {',
      '    super(scope, id);',
      "    const fn = new cloudfront.experimental.EdgeFunction(this, 'Fn', {",
      '      runtime: lambda.Runtime.NODEJS_22_X,',
      "      handler: 'handler.handler',",
      "      code: lambda.Code.fromAsset('edge'),",
      '    });',
      "    new cloudfront.Distribution(this, 'D', { defaultBehavior: { origin: undefined as never, edgeLambdas: [{ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE }] } });",
      '  }',
      '}',
    ].join('\n'),
    'edge/handler.js': [
      mark('edge-handler'),
      "const helper = require('./helper');",
      'exports.handler = async (event) => helper.fix(event.Records[0].cf.response);',
    ].join('\n'),
    'edge/helper.js': `${mark('edge-helper')}\nexports.fix = (r) => { r.status = 200; return r; };\n`,
    'edge/esm.mjs': `${markEsm('edge-esm')}\nexport const handler = async (event) => event.Records[0].cf.request;\n`,
    'serverless.js': `${mark('serverless-js')}\nmodule.exports = { service: 'x', functions: { a: { handler: 'edge/handler.handler', events: [{ cloudFront: { eventType: 'origin-response' } }] } } };\n`,
    'serverless.ts': `${markEsm('serverless-ts')}\nexport default { service: 'x' };\n`,
    'template.yaml': [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: handler.handler',
      '      CodeUri: edge/',
      '      AutoPublishAlias: live',
      `      Description: !!js/function "function () { ${mark('yaml-js-function').replace(/"/g, '\\"')} }"`,
      '      Tags:',
      `        a: !!js/undefined ''`,
      '        b: !!js/regexp /x/',
      '        c: !!binary aGVsbG8=',
      '        d: !Sub "${AWS::StackName}-${Fn.Arn}"',
      '        e: !Custom { x: 1 }',
      '  Dist:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        DefaultCacheBehavior:',
      '          LambdaFunctionAssociations:',
      '            - EventType: origin-response',
      '              LambdaFunctionARN: !Ref Fn.Version',
    ].join('\n'),
    'main.tf': `resource "null_resource" "x" {\n  provisioner "local-exec" {\n    command = "node -e \\"${mark('terraform')}\\""\n  }\n}\n`,
  });
  return { root, markers };
}

function jsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.[cm]?[jt]s$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Discovery, the map CLI and every rule over every code file of the project. */
async function exercise(root: string, write?: string): Promise<void> {
  clearInfrastructureCache();
  getInfrastructureMap({ cwd: root, infrastructure: undefined, handlers: undefined });
  const io = { stdout: () => {}, stderr: () => {}, cwd: root };
  await runCli(['map', '--json', ...(write ? ['--write', write] : [])], io);
  for (const file of jsFiles(root)) {
    const code = fs.readFileSync(file, 'utf8');
    for (const parser of ['espree', 'typescript'] as const) {
      const result = checkProgram({ code, parser, filename: file, cwd: root, settings: { 'lambda-edge': {} } });
      expect(result.failures).toEqual([]);
    }
    // Discovery keyed on this project root, as ESLint run in it would do.
    lint({ code, parser: 'typescript', filename: file, cwd: root, settings: { 'lambda-edge': { infrastructure: [path.join(root, '*.yaml')] } } });
  }
}

/** Every file under `dir` with its size and content hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, full);
    if (e.isFile()) out[rel] = `${fs.statSync(full).size}:${createHash('sha1').update(fs.readFileSync(full)).digest('hex')}`;
    else if (e.isDirectory()) out[rel] = 'dir';
    else out[rel] = 'other';
  }
  return out;
}

describe('never executes project code', () => {
  it('discovery, map and every rule leave no marker behind', async () => {
    const { root, markers } = hostileProject();
    await exercise(root);
    expect(fs.readdirSync(markers)).toEqual([]);
    // The project is real enough that discovery does read it.
    const map = getInfrastructureMap({ cwd: root, infrastructure: undefined, handlers: undefined });
    expect(map.bindings.map((b) => `${path.relative(root, b.file)}#${b.exportName} ${b.eventTypes.join('+')}`)).toContain(
      'edge/handler.js#handler origin-response',
    );
  });
});

describe('never opens the network', () => {
  // The CommonJS module objects: spying on them, then syncing, reaches every `import { request }` too.
  const require = createRequire(import.meta.url);
  const cjs: Record<string, Record<string, (...args: unknown[]) => unknown>> = {
    http: require('node:http'),
    https: require('node:https'),
    dns: require('node:dns'),
  };
  const spies: Array<{ mockClear(): unknown; mockRestore(): unknown; mock: { calls: unknown[][] } }> = [];
  beforeEach(() => {
    const refuse = () => {
      throw new Error('network access during a lint run');
    };
    spies.push(vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse));
    for (const [mod, names] of [
      ['http', ['request', 'get']],
      ['https', ['request', 'get']],
      ['dns', ['lookup', 'resolve', 'resolve4', 'resolve6']],
    ] as const) {
      for (const name of names) spies.push(vi.spyOn(cjs[mod]!, name).mockImplementation(refuse));
    }
    spies.push(vi.spyOn(globalThis, 'fetch').mockImplementation(refuse));
    syncBuiltinESMExports();
  });
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
    syncBuiltinESMExports();
  });

  it('discovery, map and every rule over a hostile project and the infrastructure fixtures', async () => {
    // The stubs do catch a connection attempt (then the counts start from zero).
    expect(() => net.connect(443, 'example.com')).toThrow(/network access/);
    expect(() => http.request('http://example.com')).toThrow(/network access/);
    for (const spy of spies) spy.mockClear();
    const { root } = hostileProject();
    await exercise(root);
    const fixtures = path.resolve(import.meta.dirname, '../fixtures/infra');
    for (const dir of fs.readdirSync(fixtures)) await exercise(path.join(fixtures, dir));
    for (const spy of spies) expect(spy.mock.calls).toEqual([]);
  });
});

describe('never writes outside the path passed to --write', () => {
  it('the project is unchanged, and only the --write file appears', async () => {
    const { root } = hostileProject();
    const outDir = makeTempProject({});
    const out = path.join(outDir, 'handlers.json');
    const before = snapshot(root);
    const writes = WRITES.map((name) => vi.mocked((fs as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!));
    for (const w of writes) w.mockClear();
    const opens = vi.mocked(fs.openSync);
    opens.mockClear();
    await exercise(root, out);
    expect(snapshot(root)).toEqual(before);
    expect(fs.readdirSync(outDir)).toEqual(['handlers.json']);
    const targets = writes.flatMap((w) => w.mock.calls.map((c) => String(c[0])));
    expect(targets).toContain(out);
    expect(targets.every((t) => path.resolve(t) === out), targets.join('\n')).toBe(true);
    const openedForWriting = opens.mock.calls.filter((c) => typeof c[1] === 'string' && /[wa+]/.test(c[1])).map((c) => String(c[0]));
    expect(openedForWriting.every((t) => path.resolve(t) === out), openedForWriting.join('\n')).toBe(true);
  });

  it('a --write path that cannot be written is an error message, not a throw, and nothing else is written', async () => {
    const { root } = hostileProject();
    const before = snapshot(root);
    let stderr = '';
    const code = await runCli(['map', '--write', path.join(root, 'no/such/dir/handlers.json')], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: root });
    expect(code).toBe(1);
    expect(stderr).toMatch(/handlers\.json/);
    expect(snapshot(root)).toEqual(before);
  });
});
