import { beforeEach, describe, expect, it } from 'vitest';
import { clearInfrastructureCache, getInfrastructureMap } from '../../src/infra/index.js';
import { options, project, rows } from './helpers.js';

/**
 * Forms seen on real repositories that discovery once dropped silently or misreported:
 * each is now bound, or reported as a problem naming the file and line.
 */
beforeEach(() => clearInfrastructureCache());

function discover(files: Record<string, string>) {
  const cwd = project(files);
  const map = getInfrastructureMap(options(cwd));
  return { rows: rows(map, cwd), problems: map.problems.map((p) => p.message) };
}

const HANDLER_JS = 'exports.handler = async (event) => event.Records[0].cf.request;\n';
const CDK_HEAD = [
  "import * as cdk from 'aws-cdk-lib';",
  "import * as lambda from 'aws-cdk-lib/aws-lambda';",
  "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
  'export class EdgeStack extends cdk.Stack {',
  '  constructor(scope: cdk.App, id: string) {',
  '    super(scope, id);',
  "    const fn = new cloudfront.experimental.EdgeFunction(this, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('edge') });",
];
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

  it('reports a module with a prebuilt package, and leaves other modules reported as not followed', () => {
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
        'main.tf:13: aws_cloudfront_distribution.other default_cache_behavior lambda_function_association lambda_arn module.other.arn is not an aws_lambda_function of this module; cannot find the function (module outputs are not followed).',
      ],
    });
  });
});
