import { beforeEach, describe, expect, it } from 'vitest';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import { HANDLER_JS, discoverFiles } from './helpers.js';

/**
 * Forms seen on real repositories that discovery once dropped silently or misreported:
 * each is now bound, or reported as a problem naming the file and line.
 */
beforeEach(() => clearInfrastructureCache());

function discover(files: Record<string, string>) {
  const { rows, problems } = discoverFiles(files);
  return { rows, problems };
}
const CDK_HEAD = [
  "import * as cdk from 'aws-cdk-lib';",
  "import * as lambda from 'aws-cdk-lib/aws-lambda';",
  "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
  'export class EdgeStack extends cdk.Stack {',
  '  constructor(scope: cdk.App, id: string) {',
  '    super(scope, id);',
  "    const fn = new cloudfront.experimental.EdgeFunction(this, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('edge') });",
];
const EDGE_FUNCTION =
  "new cloudfront.experimental.EdgeFunction(this, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('edge') })";
/** A stack class of the given members, after the imports of CDK_HEAD (line 5 is the first member). */
const classApp = (members: string[]) => ({
  'cdk.json': '{}',
  'edge/index.js': HANDLER_JS,
  'lib/stack.ts': [...CDK_HEAD.slice(0, 3), 'export class EdgeStack extends cdk.Stack {', ...members, '}', ''].join('\n'),
});
const cdkApp = (body: string[], tail: string[] = []) => ({
  'cdk.json': '{}',
  'edge/index.js': HANDLER_JS,
  'lib/stack.ts': [...CDK_HEAD, ...body, '  }', '}', ...tail, ''].join('\n'),
});

describe('CDK edgeLambdas built up rather than written in place', () => {
  it('follows push() in the constructor and inside a forEach callback over a known array', () => {
    const found = discover(
      cdkApp([
        '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
        '    edgeLambdas.push({ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST });',
        '    [fn].forEach((f) => edgeLambdas.push({ functionVersion: f.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST }));',
        "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas } });",
      ]),
    );
    expect(found).toEqual({
      // Sorted by where declared, as text.
      rows: ['edge/index.js#handler origin-request @lib/stack.ts:10 [cdk]', 'edge/index.js#handler viewer-request @lib/stack.ts:9 [cdk]'],
      problems: [],
    });
  });

  it('follows a helper that pushes onto the array it is given, and one that returns the association', () => {
    const found = discover(
      cdkApp(
        [
          '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
          '    addEdge(edgeLambdas, fn, cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST);',
          "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas } });",
          "    new cloudfront.Distribution(this, 'Cdn2', { defaultBehavior: { origin, edgeLambdas: [association(fn, cloudfront.LambdaEdgeEventType.VIEWER_RESPONSE)] } });",
        ],
        [
          'function addEdge(list: cloudfront.EdgeLambda[], f: cloudfront.experimental.EdgeFunction, eventType: cloudfront.LambdaEdgeEventType): void {',
          '  list.push({ functionVersion: f.currentVersion, eventType, includeBody: true });',
          '}',
          'function association(f: cloudfront.experimental.EdgeFunction, eventType: cloudfront.LambdaEdgeEventType): cloudfront.EdgeLambda {',
          '  return { functionVersion: f.currentVersion, eventType };',
          '}',
        ],
      ),
    );
    expect(found).toEqual({
      // The lines of the association objects, inside the helpers.
      rows: ['edge/index.js#handler origin-request body @lib/stack.ts:15 [cdk]', 'edge/index.js#handler viewer-response @lib/stack.ts:18 [cdk]'],
      problems: [],
    });
  });

  it('follows edgeLambdas made by .map(callback) over a known array', () => {
    const found = discover(
      cdkApp([
        "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [fn].map((f) => ({ functionVersion: f.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE })) } });",
      ]),
    );
    expect(found).toEqual({ rows: ['edge/index.js#handler origin-response @lib/stack.ts:8 [cdk]'], problems: [] });
  });

  it("follows aws-cdk v1's fn.addVersion(…) in a CloudFrontWebDistribution's lambdaFunctionAssociations", () => {
    const found = discover(
      cdkApp([
        "    const version = fn.addVersion('v1');",
        "    new cloudfront.CloudFrontWebDistribution(this, 'Cdn', { originConfigs: [{ behaviors: [{ isDefaultBehavior: true, lambdaFunctionAssociations: [{ eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST, lambdaFunction: version }] }] }] });",
      ]),
    );
    expect(found).toEqual({ rows: ['edge/index.js#handler viewer-request @lib/stack.ts:9 [cdk]'], problems: [] });
  });

  it("follows `this` inside an arrow function held by an instance field, as inside a method", () => {
    const files = classApp([
      '  private fn: cloudfront.experimental.EdgeFunction;',
      '  constructor(scope: cdk.App, id: string) {',
      '    super(scope, id);',
      `    this.fn = ${EDGE_FUNCTION};`,
      '    this.createDistribution();',
      '  }',
      '  private createDistribution = () => {',
      '    const { fn } = this;',
      "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST }] } });",
      '  };',
    ]);
    expect(discover(files)).toEqual({ rows: ['edge/index.js#handler origin-request @lib/stack.ts:13 [cdk]'], problems: [] });
  });

  it('follows a static method called through the class name, and a method called on this', () => {
    const files = classApp([
      '  constructor(scope: cdk.App, id: string) {',
      '    super(scope, id);',
      '    const fn = this.makeEdge();',
      "    EdgeStack.addRoutes(this, { fn, eventType: cloudfront.LambdaEdgeEventType.VIEWER_RESPONSE });",
      '  }',
      '  private makeEdge(): cloudfront.experimental.EdgeFunction {',
      `    return ${EDGE_FUNCTION};`,
      '  }',
      '  public static addRoutes(scope: cdk.Stack, props: { fn: cloudfront.experimental.EdgeFunction; eventType: cloudfront.LambdaEdgeEventType }) {',
      "    new cloudfront.Distribution(scope, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: props.fn.currentVersion, eventType: props.eventType }] } });",
      '  }',
    ]);
    expect(discover(files)).toEqual({ rows: ['edge/index.js#handler viewer-response @lib/stack.ts:14 [cdk]'], problems: [] });
  });

  it('follows an edge lambda that is an instance of a class of the app implementing EdgeLambda', () => {
    const files = {
      'cdk.json': '{}',
      'edge/index.js': HANDLER_JS,
      'lib/gate.ts': [
        "import * as lambda from 'aws-cdk-lib/aws-lambda';",
        "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
        "import { Construct } from 'constructs';",
        'export class Gate extends Construct implements cloudfront.EdgeLambda {',
        '  readonly functionVersion: lambda.IVersion;',
        '  readonly eventType = cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE;',
        '  constructor(scope: Construct, id: string) {',
        '    super(scope, id);',
        `    const fn = ${EDGE_FUNCTION};`,
        '    this.functionVersion = fn.currentVersion;',
        '  }',
        '}',
        '',
      ].join('\n'),
      'lib/app.ts': [
        "import * as cdk from 'aws-cdk-lib';",
        "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
        "import { Gate } from './gate';",
        "const stack = new cdk.Stack(new cdk.App(), 'S');",
        "new cloudfront.Distribution(stack, 'D', { defaultBehavior: { origin, edgeLambdas: [new Gate(stack, 'G')] } });",
        '',
      ].join('\n'),
    };
    expect(discover(files)).toEqual({ rows: ['edge/index.js#handler origin-response @lib/app.ts:5 [cdk]'], problems: [] });
  });

  it('follows a field that one method of the class sets (a builder method)', () => {
    const files = classApp([
      '  private fn?: cloudfront.experimental.EdgeFunction;',
      '  constructor(scope: cdk.App, id: string) {',
      '    super(scope, id);',
      '    this.withEdge();',
      "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: this.fn!.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST }] } });",
      '  }',
      '  private withEdge() {',
      `    this.fn = ${EDGE_FUNCTION};`,
      '  }',
    ]);
    expect(discover(files)).toEqual({ rows: ['edge/index.js#handler viewer-request @lib/stack.ts:9 [cdk]'], problems: [] });
  });

  it('reports an array field that is pushed onto (read as its initializer, it would look empty)', () => {
    const stack = (push: string) =>
      classApp([
        '  private edgeLambdas = [] as cloudfront.EdgeLambda[];',
        '  constructor(scope: cdk.App, id: string) {',
        '    super(scope, id);',
        `    const fn = ${EDGE_FUNCTION};`,
        push,
        "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: this.edgeLambdas } });",
        '  }',
      ]);
    const problem = 'lib/stack.ts:10: defaultBehavior.edgeLambdas cannot be followed: the field edgeLambdas at lib/stack.ts:5 is an array pushed onto at lib/stack.ts:9, and pushes onto a class field are not followed.';
    const entry = '{ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST }';
    expect(discover(stack(`    this.edgeLambdas.push(${entry});`))).toEqual({ rows: [], problems: [problem] });
    expect(discover(stack(`    const { edgeLambdas } = this; edgeLambdas.push(${entry});`))).toEqual({ rows: [], problems: [problem] });
    expect(discover(stack(`    const list = this.edgeLambdas; [fn].forEach(() => list.push(${entry}));`))).toEqual({ rows: [], problems: [problem] });
    expect(discover(stack(`    const { edgeLambdas: l } = this; l.push(${entry});`))).toEqual({ rows: [], problems: [problem] });
    // A local array pushed onto is not the field.
    expect(discover(stack(`    const other = [] as cloudfront.EdgeLambda[]; other.push(${entry});`)).problems).toEqual([]);
  });

  it('reports edgeLambdas it cannot follow instead of dropping them', () => {
    const found = discover(
      cdkApp([
        '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
        '    const later = () => edgeLambdas.push({ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST });',
        '    later();',
        "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas } });",
        "    new cloudfront.Distribution(this, 'Cdn2', { defaultBehavior: { origin, edgeLambdas: props.ready ? edgeLambdas : [] } });",
      ]),
    );
    expect(found).toEqual({
      rows: [],
      problems: [
        'lib/stack.ts:11: defaultBehavior.edgeLambdas has an element that cannot be followed: the push at lib/stack.ts:9 is inside a function that is not a forEach/map callback.',
        'lib/stack.ts:12: defaultBehavior.edgeLambdas cannot be followed: the value at lib/stack.ts:12 depends on a condition.',
      ],
    });
  });
});

const distribution = (arn: string) =>
  [
    'resource "aws_cloudfront_distribution" "cdn" {',
    '  default_cache_behavior {',
    '    lambda_function_association {',
    '      event_type = "viewer-request"',
    `      lambda_arn = ${arn}`,
    '    }',
    '  }',
    '}',
  ].join('\n');

describe('Terraform: archive_file source blocks and terraform-aws-modules/lambda', () => {
  it('binds the file an archive_file source block reads with file(...) and names as the handler module', () => {
    const found = discover({
      'edge/index.js': HANDLER_JS,
      'main.tf': [
        distribution('aws_lambda_function.edge.qualified_arn'),
        'data "archive_file" "edge" {',
        '  type        = "zip"',
        '  output_path = "edge.zip"',
        '  source {',
        '    content  = file("${path.module}/edge/other.js")',
        '    filename = "other.js"',
        '  }',
        '  source {',
        '    content  = file("${path.module}/edge/index.js")',
        '    filename = "index.js"',
        '  }',
        '}',
        'resource "aws_lambda_function" "edge" {',
        '  handler  = "index.handler"',
        '  runtime  = "nodejs22.x"',
        '  publish  = true',
        '  filename = data.archive_file.edge.output_path',
        '}',
      ].join('\n'),
    });
    expect(found).toEqual({ rows: ['edge/index.js#handler viewer-request @main.tf:4 [terraform]'], problems: [] });
  });

  it('reports a source block with inline content (no file to lint)', () => {
    const found = discover({
      'main.tf': [
        distribution('aws_lambda_function.edge.qualified_arn'),
        'data "archive_file" "edge" {',
        '  type        = "zip"',
        '  output_path = "edge.zip"',
        '  source {',
        '    content  = "exports.handler = async (e) => e.Records[0].cf.request;"',
        '    filename = "index.js"',
        '  }',
        '}',
        'resource "aws_lambda_function" "edge" {',
        '  handler  = "index.handler"',
        '  publish  = true',
        '  filename = data.archive_file.edge.output_path',
        '}',
      ].join('\n'),
    });
    expect(found).toEqual({ rows: [], problems: ['main.tf:13: data.archive_file.edge source index.js is inline content, not file(...); no source to lint.'] });
  });

  it('binds the handler of a terraform-aws-modules/lambda module in its source_path folder', () => {
    const found = discover({
      'src/index.js': HANDLER_JS,
      'main.tf': [
        distribution('module.edge.lambda_function_qualified_arn'),
        'module "edge" {',
        '  source         = "terraform-aws-modules/lambda/aws"',
        '  version        = "~> 7.0"',
        '  function_name  = "edge"',
        '  lambda_at_edge = true',
        '  handler        = "index.handler"',
        '  runtime        = "nodejs22.x"',
        '  source_path    = "${path.module}/src"',
        '}',
      ].join('\n'),
    });
    expect(found).toEqual({ rows: ['src/index.js#handler viewer-request @main.tf:4 [terraform]'], problems: [] });
  });

  it('reads source_path given as a list of { path } and reports the unqualified lambda_function_arn output', () => {
    const found = discover({
      'src/edge.mjs': 'export const handler = async (event) => event.Records[0].cf.request;\n',
      'main.tf': [
        distribution('module.edge.lambda_function_arn'),
        'module "edge" {',
        '  source         = "github.com/terraform-aws-modules/terraform-aws-lambda?ref=v7.20.1"',
        '  lambda_at_edge = true',
        '  handler        = "edge.handler"',
        '  source_path    = [{ path = "src", commands = [":zip"] }]',
        '}',
      ].join('\n'),
    });
    expect(found).toEqual({
      rows: ['src/edge.mjs#handler viewer-request @main.tf:4 [terraform]'],
      problems: [
        'main.tf:5: aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association lambda_arn uses module.edge.lambda_function_arn, which is not a numbered version; Lambda@Edge needs module.edge.lambda_function_qualified_arn (the module publishes a version when lambda_at_edge = true).',
      ],
    });
  });

  it('reports a module with a prebuilt package, and a local module whose folder is not there', () => {
    const found = discover({
      'main.tf': [
        distribution('module.edge.lambda_function_qualified_arn'),
        distribution('module.other.arn').replace('"cdn"', '"other"'),
        'module "edge" {',
        '  source                 = "terraform-aws-modules/lambda/aws"',
        '  lambda_at_edge         = true',
        '  handler                = "index.handler"',
        '  create_package         = false',
        '  local_existing_package = "edge.zip"',
        '}',
        'module "other" {',
        '  source = "./modules/edge"',
        '}',
      ].join('\n'),
    });
    expect(found).toEqual({
      rows: [],
      problems: [
        'main.tf:17: aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association → module.edge has no source_path (its code is local_existing_package); no source to lint.',
        'main.tf:13: aws_cloudfront_distribution.other default_cache_behavior lambda_function_association lambda_arn module.other.arn is not an aws_lambda_function of this module; cannot find the function (module.other is not a folder of the project).',
      ],
    });
  });
});

describe('Serverless: serverless.ts and ${self:...} of the same file', () => {
  it('reads the object literal a serverless.ts exports, through a const and a spread', () => {
    const found = discover({
      'src/edge.ts': 'export const handler = async (event: any) => event.Records[0].cf.request;\n',
      'serverless.ts': [
        "import type { AWS } from '@serverless/typescript';",
        "const edgeEvent = { eventType: 'origin-request', includeBody: true };",
        'const serverlessConfiguration: AWS = {',
        "  service: 'edge',",
        "  provider: { name: 'aws', runtime: 'nodejs22.x' },",
        '  functions: {',
        '    edge: {',
        "      handler: 'src/edge.handler',",
        "      events: [{ cloudFront: { ...edgeEvent, origin: 's3://bucket.s3.amazonaws.com' } }],",
        '    },',
        '  },',
        '};',
        'module.exports = serverlessConfiguration;',
      ].join('\n'),
    });
    expect(found).toEqual({ rows: ['src/edge.ts#handler origin-request body @serverless.ts:2 [serverless]'], problems: [] });
  });

  it('reads export default, and reports a handler computed at run time', () => {
    const found = discover({
      'serverless.ts': [
        'export default {',
        "  service: 'edge',",
        '  functions: {',
        '    edge: {',
        '      handler: handlerPath(__dirname),',
        "      events: [{ cloudFront: { eventType: 'viewer-request', origin: 's3://bucket.s3.amazonaws.com' } }],",
        '    },',
        '  },',
        '};',
      ].join('\n'),
    });
    expect(found).toEqual({ rows: [], problems: ["serverless.ts:5: functions.edge.handler '${handlerPath(__dirname)}' uses a variable, which is not resolved."] });
  });

  it('resolves ${self:custom.x} (and a quoted fallback) defined in the same file', () => {
    const found = discover({
      'src/edge.js': HANDLER_JS,
      'serverless.yml': [
        'service: edge',
        'custom:',
        '  edgeEvent: origin-request',
        '  handlerDir: src',
        'provider:',
        '  name: aws',
        'functions:',
        '  edge:',
        '    handler: ${self:custom.handlerDir}/edge.handler',
        '    events:',
        '      - cloudFront:',
        '          eventType: ${self:custom.edgeEvent}',
        '          origin: s3://bucket.s3.amazonaws.com',
        '      - cloudFront:',
        "          eventType: ${self:custom.responseEvent, 'viewer-response'}",
        '          origin: s3://bucket.s3.amazonaws.com',
        '      - cloudFront:',
        '          eventType: ${self:custom.missing}',
        '          origin: s3://bucket.s3.amazonaws.com',
      ].join('\n'),
    });
    expect(found).toEqual({
      rows: ['src/edge.js#handler origin-request @serverless.yml:12 [serverless]', 'src/edge.js#handler viewer-response @serverless.yml:15 [serverless]'],
      problems: ["serverless.yml:18: functions.edge cloudFront eventType '${self:custom.missing}' uses a variable, which is not resolved."],
    });
  });
});

describe('SAM: an s3:// CodeUri', () => {
  it('is reported as an S3 location, never printed as a local path', () => {
    const found = discover({
      'template.yaml': [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Edge:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: s3://my-bucket/edge.zip',
        '      Handler: index.handler',
        '      AutoPublishAlias: live',
        '  Cdn:',
        '    Type: AWS::CloudFront::Distribution',
        '    Properties:',
        '      DistributionConfig:',
        '        DefaultCacheBehavior:',
        '          LambdaFunctionAssociations:',
        '            - EventType: viewer-request',
        '              LambdaFunctionARN: !Ref Edge.Version',
      ].join('\n'),
    });
    expect(found).toEqual({
      rows: [],
      problems: ['template.yaml:5: Cdn DefaultCacheBehavior.LambdaFunctionAssociations[0] → Edge CodeUri s3://my-bucket/edge.zip is an S3 location, not a local folder; no source to lint.'],
    });
  });
});

describe('SAM: a CodeUri that names one source file', () => {
  const template = (codeUri: string, handler: string) =>
    [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Edge:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      `      CodeUri: ${codeUri}`,
      `      Handler: ${handler}`,
      '      AutoPublishAlias: live',
      '  Cdn:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        DefaultCacheBehavior:',
      '          LambdaFunctionAssociations:',
      '            - EventType: origin-response',
      '              LambdaFunctionARN: !Ref Edge.Version',
    ].join('\n');

  it('is the handler file when the handler names that file (the package zips it at the root)', () => {
    const found = discover({ 'template.yaml': template('./src/index.js', 'index.handler'), 'src/index.js': HANDLER_JS });
    expect(found.rows).toEqual(['src/index.js#handler origin-response @template.yaml:15 [sam]']);
    expect(found.problems).toEqual([]);
  });

  it('is still reported when the handler names another module', () => {
    const found = discover({ 'template.yaml': template('./src/index.js', 'app.handler'), 'src/index.js': HANDLER_JS });
    expect(found.rows).toEqual([]);
    expect(found.problems).toEqual(['template.yaml:5: Cdn DefaultCacheBehavior.LambdaFunctionAssociations[0] → Edge code is a file (src/index.js), not a source folder; no source to lint.']);
  });
});

describe('code folders that a package.json script bundles into', () => {
  const stack = (asset: string, handler = 'index.handler') => [
    "import * as path from 'node:path';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
    `const fn = new cloudfront.experimental.EdgeFunction(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: '${handler}', code: lambda.Code.fromAsset(path.join(__dirname, '${asset}')) });`,
    "new cloudfront.Distribution(stack, 'D', { defaultBehavior: { origin, edgeLambdas: [",
    '  { functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST },',
    '] } });',
    '',
  ].join('\n');

  it('binds the entry of an esbuild --outfile or an ncc build -o to the handler of the unbuilt folder (CDK)', () => {
    const esbuild = discover({
      'cdk.json': '{}',
      'package.json': JSON.stringify({ scripts: { 'build:edge': 'npx esbuild ./lib/auth.ts --bundle --platform=node --outfile=./lib/auth-lambda/index.js && cdk synth' } }),
      'lib/auth.ts': HANDLER_JS,
      'lib/stack.ts': stack('auth-lambda'),
    });
    expect(esbuild.rows).toEqual(['lib/auth.ts#handler viewer-request @lib/stack.ts:6 [cdk]']);
    expect(esbuild.problems).toEqual([]);

    const ncc = discover({
      'cdk.json': '{}',
      'package.json': JSON.stringify({ scripts: { build: 'tsc', 'build:lambda': 'ncc build src/lambda/index.ts -o src/lambda/dist' } }),
      'src/lambda/index.ts': HANDLER_JS,
      'src/stacks/stack.ts': stack('../lambda/dist'),
    });
    expect(ncc.rows).toEqual(['src/lambda/index.ts#handler viewer-request @src/stacks/stack.ts:6 [cdk]']);
    expect(ncc.problems).toEqual([]);
  });

  it('binds the entry of an esbuild --outdir to a handler string of a Serverless service', () => {
    const found = discover({
      'svc/package.json': JSON.stringify({ scripts: { prepackage: "esbuild src/edge.ts --bundle --platform=node --outdir=dist" } }),
      'svc/serverless.yml': 'service: s\nfunctions:\n  edge:\n    handler: dist/edge.handler\n    events:\n      - cloudFront: { eventType: origin-request, origin: https://example.com }\n',
      'svc/src/edge.ts': HANDLER_JS,
    });
    expect(found.rows).toEqual(['svc/src/edge.ts#handler origin-request @svc/serverless.yml:6 [serverless]']);
    expect(found.problems).toEqual([]);
  });

  it('still reports a missing folder that no script builds, or that a script builds from a file that does not exist', () => {
    const other = discover({
      'cdk.json': '{}',
      'package.json': JSON.stringify({ scripts: { build: 'esbuild lib/auth.ts --outfile=lib/other/index.js', pack: 'esbuild lib/gone.ts --outfile=lib/auth-lambda/index.js' } }),
      'lib/auth.ts': HANDLER_JS,
      'lib/stack.ts': stack('auth-lambda'),
    });
    expect(other.rows).toEqual([]);
    expect(other.problems).toEqual([
      "lib/stack.ts:6: defaultBehavior.edgeLambdas functionVersion cannot be followed to a function's code: the asset lib/auth-lambda is not a source folder.",
    ]);
  });
});

describe('CloudFormation associations switched on by a condition', () => {
  const template = (associations: string[]) => [
    'Conditions:',
    "  AuthOn: !Equals [!Ref Auth, 'true']",
    'Resources:',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties: { CodeUri: src/, Handler: index.handler, AutoPublishAlias: live }',
    '  Cdn:',
    '    Type: AWS::CloudFront::Distribution',
    '    Properties:',
    '      DistributionConfig:',
    '        DefaultCacheBehavior:',
    ...associations,
    '',
  ].join('\n');

  it('binds an association inside !If (either branch, AWS::NoValue dropped), element or whole list', () => {
    const element = discover({
      'template.yaml': template([
        '          LambdaFunctionAssociations:',
        '            - !If',
        '              - AuthOn',
        '              - EventType: viewer-request',
        '                LambdaFunctionARN: !Ref Fn.Version',
        '              - !Ref AWS::NoValue',
      ]),
      'src/index.js': HANDLER_JS,
    });
    expect(element.rows).toEqual(['src/index.js#handler viewer-request @template.yaml:15 [cloudformation]']);
    expect(element.problems).toEqual([]);
    const list = discover({
      'template.yaml': template([
        '          LambdaFunctionAssociations: !If',
        '            - AuthOn',
        '            - - EventType: origin-request',
        '                LambdaFunctionARN: !Ref Fn.Version',
        '            - []',
      ]),
      'src/index.js': HANDLER_JS,
    });
    expect(list.rows).toEqual(['src/index.js#handler origin-request @template.yaml:14 [cloudformation]']);
    expect(list.problems).toEqual([]);
  });
});
