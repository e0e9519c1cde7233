import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearInfrastructureCache, getInfrastructureMap, lookupFile } from '../../src/infra/index.js';
import { discoverFiles, options, project, rows } from './helpers.js';

/** A working Serverless service that every bad-input project also holds. */
const GOOD = {
  'serverless.yml': [
    'service: good',
    'functions:',
    '  ok:',
    '    handler: edge/ok.handler',
    '    events:',
    '      - cloudFront:',
    '          eventType: viewer-request',
    '          origin: https://example.com',
    '',
  ].join('\n'),
  'edge/ok.js': 'exports.handler = async (e) => e.Records[0].cf.request;\n',
};
const GOOD_ROW = 'edge/ok.js#handler viewer-request @serverless.yml:7 [serverless]';

beforeEach(() => clearInfrastructureCache());

function check(files: Record<string, string | Buffer>, setup?: (root: string) => void) {
  const { cwd: root, map, rows: found, problems: messages } = discoverFiles({ ...GOOD, ...files }, setup);
  return { root, map, found, messages };
}

describe('bad input: one clear problem, the rest still found', () => {
  it('unparsable YAML template', () => {
    const { map, found, messages, root } = check({
      'infra/template.yaml': 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n   Properties: [\n',
    });
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^infra\/template\.yaml:\d+: is not valid YAML: /);
    expect(map.problems[0]!.file).toBe(join(root, 'infra/template.yaml'));
  });

  it('an unknown tag where the function ARN should be', () => {
    const { found, messages } = check({
      'template.yaml': [
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { CodeUri: edge/, Handler: ok.handler, AutoPublishAlias: live }',
        '  Cdn:',
        '    Type: AWS::CloudFront::Distribution',
        '    Properties:',
        '      DistributionConfig:',
        '        DefaultCacheBehavior:',
        '          LambdaFunctionAssociations:',
        '            - EventType: origin-response',
        '              LambdaFunctionARN: !Frobnicate Fn.Version',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toEqual([
      'template.yaml:12: Cdn DefaultCacheBehavior.LambdaFunctionAssociations[0].LambdaFunctionARN uses the unknown tag !Frobnicate; cannot find the function.',
    ]);
  });

  it('an empty serverless.yaml (or comments only) is a placeholder: nothing to report; a scalar still is', () => {
    for (const text of ['', '# filled in by the deploy tool\n']) {
      const { found, messages } = check({ 'stacks/dev/serverless.yaml': text });
      expect(found).toEqual([GOOD_ROW]);
      expect(messages).toEqual([]);
    }
    const { messages } = check({ 'stacks/dev/serverless.yaml': 'just text\n' });
    expect(messages).toEqual(['stacks/dev/serverless.yaml: is not a Serverless service definition (the top level is not a map).']);
  });

  it('a binary file where a Serverless service is expected', () => {
    const { found, messages } = check({
      'other/serverless.yml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    });
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toEqual(['other/serverless.yml: is a binary file, not text; not read.']);
  });

  it('a .tf file that does not parse', () => {
    const { found, messages } = check({
      'tf/main.tf': 'resource "aws_cloudfront_distribution" "cdn" {\n  enabled = \n  default_cache_behavior {\n',
    });
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^tf\/main\.tf:\d+: does not parse as HCL/);
  });

  it('a symbolic link loop', () => {
    const { found, messages } = check({}, (root) => symlinkSync(root, join(root, 'edge/loop'), 'dir'));
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toEqual(['edge/loop: is a symbolic link to a folder that contains it (a loop); not followed.']);
  });

  it('a YAML alias bomb', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const { found, messages } = check({
      'bomb.yaml': `# AWS::CloudFront::Distribution\n${levels.join('\n')}\n`,
    });
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toEqual([
      'bomb.yaml: uses YAML aliases that expand to more than 100000 nodes (an alias bomb?); not read.',
    ]);
  });

  it('CDK: latestVersion is reported (Lambda@Edge needs a numbered version) and still bound', () => {
    const { found, messages } = check({
      'cdk/cdk.json': '{ "app": "node app.js" }',
      'cdk/app.js': [
        "const cloudfront = require('aws-cdk-lib/aws-cloudfront');",
        "const lambda = require('aws-cdk-lib/aws-lambda');",
        "const fn = new lambda.Function(stack, 'F', { handler: 'index.handler', code: lambda.Code.fromAsset('fn') });",
        "new cloudfront.Distribution(stack, 'D', { defaultBehavior: { edgeLambdas: [",
        '  { functionVersion: fn.latestVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE },',
        '] } });',
        '',
      ].join('\n'),
      'cdk/fn/index.js': 'exports.handler = async (e) => e.Records[0].cf.response;\n',
    });
    expect(found).toEqual([GOOD_ROW, 'cdk/fn/index.js#handler origin-response @cdk/app.js:5 [cdk]'].sort());
    expect(messages).toEqual([
      'cdk/app.js:5: defaultBehavior.edgeLambdas functionVersion is latestVersion ($LATEST); Lambda@Edge needs a numbered version: use currentVersion or new lambda.Version(...).',
    ]);
  });

  it('CDK: a functionVersion the resolver cannot follow names the file, line and reason', () => {
    const { found, messages } = check({
      'cdk/stack.ts': [
        "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
        "import { pickVersion } from 'some-helper-package';",
        "new cloudfront.Distribution(this, 'D', { defaultBehavior: { edgeLambdas: [",
        '  { functionVersion: process.env.PROD ? a : b, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST },',
        '  { functionVersion: pickVersion(), eventType: cloudfront.LambdaEdgeEventType.VIEWER_RESPONSE },',
        '] } });',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toEqual([
      "cdk/stack.ts:4: defaultBehavior.edgeLambdas functionVersion cannot be followed to a function's code: the value at cdk/stack.ts:4 depends on a condition.",
      "cdk/stack.ts:5: defaultBehavior.edgeLambdas functionVersion cannot be followed to a function's code: it is the result of pickVersion(...), not a new EdgeFunction, Function or NodejsFunction.",
    ]);
  });

  it('CDK: a TypeScript file that does not parse', () => {
    const { found, messages } = check({
      'cdk/stack.ts': "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';\nnew cloudfront.Distribution(this, 'D', {\n",
    });
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^cdk\/stack\.ts:3: does not parse as TypeScript: '}' expected/);
  });

  it('a handler string whose file does not exist', () => {
    const { found, messages } = check({
      'svc/serverless.yml': 'functions:\n  gone:\n    handler: src/gone.handler\n    events:\n      - cloudFront: { eventType: origin-request }\n',
    });
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toEqual([
      "svc/serverless.yml:3: functions.gone handler 'src/gone.handler' has no source file: looked for svc/src/gone with .js, .mjs, .cjs, .ts, .mts, .cts.",
    ]);
  });

  it('a Python handler is a function found, not a missing source file (CDK, Serverless, SAM)', () => {
    const { found, messages } = check({
      'cdk/app.js': [
        "const cloudfront = require('aws-cdk-lib/aws-cloudfront');",
        "const lambda = require('aws-cdk-lib/aws-lambda');",
        "const path = require('node:path');",
        "const fn = new cloudfront.experimental.EdgeFunction(stack, 'F', { runtime: lambda.Runtime.PYTHON_3_13, handler: 'app.lambda_handler', code: lambda.Code.fromAsset(path.join(__dirname, 'py')) });",
        "new cloudfront.Distribution(stack, 'D', { defaultBehavior: { edgeLambdas: [",
        '  { functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST },',
        '] } });',
        '',
      ].join('\n'),
      'cdk/py/app.py': "def lambda_handler(event, context):\n    return event['Records'][0]['cf']['request']\n",
      'svc/serverless.yml': 'functions:\n  py:\n    handler: pkg.edge.handler\n    runtime: python3.12\n    events:\n      - cloudFront: { eventType: origin-request }\n',
      'svc/pkg/edge.py': 'def handler(event, context):\n    return None\n',
      'sam/template.yaml': [
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { CodeUri: src/, Handler: index.handler, Runtime: python3.12, AutoPublishAlias: live }',
        '  Cdn:',
        '    Type: AWS::CloudFront::Distribution',
        '    Properties:',
        '      DistributionConfig:',
        '        DefaultCacheBehavior:',
        '          LambdaFunctionAssociations:',
        '            - EventType: origin-response',
        '              LambdaFunctionARN: !Ref Fn.Version',
        '',
      ].join('\n'),
      'sam/src/index.py': 'def handler(event, context):\n    return None\n',
    });
    expect(found).toEqual([GOOD_ROW]);
    expect(messages).toEqual([]);
  });

  it('a handler with neither a JavaScript nor a Python module is still reported', () => {
    const { messages } = check({
      'svc/serverless.yml': 'functions:\n  py:\n    handler: pkg.edge.handler\n    events:\n      - cloudFront: { eventType: origin-request }\n',
      'svc/pkg/other.py': 'def handler(event, context):\n    return None\n',
    });
    expect(messages).toEqual([
      "svc/serverless.yml:3: functions.py handler 'pkg.edge.handler' has no source file: looked for svc/pkg.edge with .js, .mjs, .cjs, .ts, .mts, .cts.",
    ]);
  });
});

describe('reporting', () => {
  let writes: string[];
  afterEach(() => vi.restoreAllMocks());
  beforeEach(() => {
    writes = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
  });

  it('prints each problem no finding carries to stderr once per process, however many files are looked up', () => {
    // The .tf parse error is a finding on main.tf (valid-configuration, and the HCL language's
    // own parse error): not printed. An infrastructure entry that matches no file has no file
    // line to land on: printed, once.
    const root = project({ ...GOOD, 'tf/main.tf': 'resource "aws_cloudfront_distribution" "x" {\n  = broken\n' });
    const o = options(root, { infrastructure: ['serverless.yml', 'tf/*.tf', 'stacks/*.yml'] });
    expect([...lookupFile(o, join(root, 'edge/ok.js'))!.byExport.get('handler')!]).toEqual(['viewer-request']);
    lookupFile(o, join(root, 'edge/other.js'));
    clearInfrastructureCache();
    lookupFile(o, join(root, 'edge/ok.js'));
    expect(getInfrastructureMap(o).problems.map((p) => p.message)).toEqual([
      `settings['lambda-edge'].infrastructure entry 'stacks/*.yml' matches no file under ${root}.`,
      expect.stringMatching(/^tf\/main\.tf:2: does not parse as HCL/),
    ]);
    expect(writes).toEqual([`eslint-plugin-lambda-edge: settings['lambda-edge'].infrastructure entry 'stacks/*.yml' matches no file under ${root}.\n`]);
  });
});
