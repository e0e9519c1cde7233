import { beforeEach, describe, expect, it } from 'vitest';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import { HANDLER_JS, discoverFiles } from './helpers.js';

/**
 * Terraform forms seen on real repositories (2026-12-04): the distribution in one module and
 * the function in another, joined by a module output or a variable its caller sets, and
 * archives whose source content is a rendered template of a file.
 */
beforeEach(() => clearInfrastructureCache());

function discover(files: Record<string, string>) {
  const { rows, problems } = discoverFiles(files);
  return { rows, problems };
}

/** A distribution whose default behavior runs `arn` on `event`; the association is on line 3. */
const distribution = (arn: string, event = 'viewer-request') =>
  [
    'resource "aws_cloudfront_distribution" "cdn" {',
    '  default_cache_behavior {',
    '    lambda_function_association {',
    `      event_type = "${event}"`,
    `      lambda_arn = ${arn}`,
    '    }',
    '  }',
    '}',
  ].join('\n');

/** A function packaged from `dir` by an archive_file, its handler `index.handler`. */
const lambdaFunction = (name: string, dir: string, extra: string[] = []) =>
  [
    `data "archive_file" "${name}" {`,
    '  type        = "zip"',
    `  source_dir  = ${dir}`,
    `  output_path = "${name}.zip"`,
    '}',
    `resource "aws_lambda_function" "${name}" {`,
    '  handler  = "index.handler"',
    '  runtime  = "nodejs22.x"',
    '  publish  = true',
    `  filename = data.archive_file.${name}.output_path`,
    ...extra,
    '}',
  ].join('\n');

describe('Terraform: a function of another module of the project', () => {
  it('follows module.<name>.<output> to the function of a local module', () => {
    const found = discover({
      'modules/edge/src/index.js': HANDLER_JS,
      'modules/edge/main.tf': lambdaFunction('edge', '"${path.module}/src"'),
      'modules/edge/outputs.tf': 'output "arn" {\n  value = aws_lambda_function.edge.qualified_arn\n}\n',
      'main.tf': [distribution('module.edge.arn', 'origin-request'), 'module "edge" {', '  source = "./modules/edge"', '}'].join('\n'),
    });
    expect(found).toEqual({ rows: ['modules/edge/src/index.js#handler origin-request @main.tf:4 [terraform]'], problems: [] });
  });

  it('follows a key of an object output, and reports an output that is not a version', () => {
    const found = discover({
      'lambda/src/index.js': HANDLER_JS,
      'lambda/main.tf': lambdaFunction('fn', '"${path.module}/src"'),
      'lambda/outputs.tf': 'output "out" {\n  value = {\n    qualified-arn = aws_lambda_function.fn.qualified_arn\n    arn = aws_lambda_function.fn.arn\n  }\n}\n',
      'main.tf': [distribution('module.lambda.out.qualified-arn'), 'module "lambda" {', '  source = "./lambda"', '}'].join('\n'),
      'b/main.tf': [distribution('module.lambda.out.arn'), 'module "lambda" {', '  source = "../lambda"', '}'].join('\n'),
    });
    expect(found).toEqual({
      rows: ['lambda/src/index.js#handler viewer-request @b/main.tf:4 [terraform]', 'lambda/src/index.js#handler viewer-request @main.tf:4 [terraform]'],
      problems: [
        'b/main.tf:5: aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association lambda_arn uses aws_lambda_function.fn without its version; Lambda@Edge needs a numbered version (qualified_arn with publish = true).',
      ],
    });
  });

  it('follows var.<name> to what each caller of the module passes, paths relative to the root module', () => {
    const found = discover({
      'envs/src/edge.js': HANDLER_JS,
      'envs/main.tf': [
        'module "cdn" {',
        '  source     = "../modules/cdn"',
        '  lambda_arn = module.fn.qualified_arn',
        '}',
        'module "fn" {',
        '  source = "../modules/fn"',
        '}',
      ].join('\n'),
      'modules/cdn/main.tf': `${distribution('var.lambda_arn')}\nvariable "lambda_arn" {\n  type = string\n}\n`,
      'modules/fn/main.tf': [
        'data "archive_file" "code" {',
        '  type        = "zip"',
        '  source_file = "./src/edge.js"',
        '  output_path = "./src/edge.zip"',
        '}',
        'resource "aws_lambda_function" "fn" {',
        '  handler          = "edge.handler"',
        '  runtime          = "nodejs22.x"',
        '  publish          = true',
        '  filename         = data.archive_file.code.output_path',
        '  source_code_hash = data.archive_file.code.output_base64sha256',
        '}',
        'output "qualified_arn" {',
        '  value = aws_lambda_function.fn.qualified_arn',
        '}',
      ].join('\n'),
    });
    expect(found).toEqual({ rows: ['envs/src/edge.js#handler viewer-request @modules/cdn/main.tf:4 [terraform]'], problems: [] });
  });

  it('binds the function of each caller, and a function the caller declares itself', () => {
    const found = discover({
      'site-a/edge/index.js': HANDLER_JS,
      'site-b/edge/index.js': HANDLER_JS,
      'modules/cdn/main.tf': `${distribution('var.edge_arn', 'origin-response')}\nvariable "edge_arn" {}\n`,
      'site-a/main.tf': [lambdaFunction('a', '"${path.module}/edge"'), 'module "cdn" {', '  source   = "../modules/cdn"', '  edge_arn = aws_lambda_function.a.qualified_arn', '}'].join('\n'),
      'site-b/main.tf': [lambdaFunction('b', '"${path.module}/edge"'), 'module "cdn" {', '  source   = "../modules/cdn"', '  edge_arn = aws_lambda_function.b.qualified_arn', '}'].join('\n'),
    });
    expect(found).toEqual({
      rows: [
        'site-a/edge/index.js#handler origin-response @modules/cdn/main.tf:4 [terraform]',
        'site-b/edge/index.js#handler origin-response @modules/cdn/main.tf:4 [terraform]',
      ],
      problems: [],
    });
  });

  it('still reports a variable no module of the project sets, and a module that is not local', () => {
    const found = discover({
      'main.tf': `${distribution('var.edge_arn')}\nvariable "edge_arn" {}\n`,
      'other/main.tf': [distribution('module.remote.arn'), 'module "remote" {', '  source = "git::https://example.com/edge.git"', '}'].join('\n'),
      'caller/main.tf': 'module "cdn" {\n  source = "../other"\n}\n',
    });
    expect(found).toEqual({
      rows: [],
      problems: [
        'main.tf:5: aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association lambda_arn var.edge_arn is not an aws_lambda_function of this module; cannot find the function.',
        'other/main.tf:5: aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association lambda_arn module.remote.arn is not an aws_lambda_function of this module; cannot find the function (module.remote is not a folder of the project).',
      ],
    });
  });

  it('reports a caller that passes nothing readable, and an output the module does not declare', () => {
    const found = discover({
      'modules/cdn/main.tf': `${distribution('var.edge_arn')}\nvariable "edge_arn" {}\n`,
      'main.tf': ['module "cdn" {', '  source   = "./modules/cdn"', '  edge_arn = data.aws_lambda_function.edge.qualified_arn', '}'].join('\n'),
      'b/main.tf': [distribution('module.fn.nothing'), 'module "fn" {', '  source = "../modules/fn"', '}'].join('\n'),
      'modules/fn/main.tf': 'output "arn" {\n  value = "x"\n}\n',
    });
    expect(found).toEqual({
      rows: [],
      problems: [
        'b/main.tf:5: aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association lambda_arn module.fn.nothing is not an aws_lambda_function of this module; cannot find the function (modules/fn declares no output nothing).',
        'modules/cdn/main.tf:5: aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association lambda_arn var.edge_arn is not an aws_lambda_function of this module; cannot find the function (main.tf:3 sets it to data.aws_lambda_function.edge.qualified_arn).',
      ],
    });
  });
});

describe('Terraform: archive_file source content rendered from a template file', () => {
  const archive = (content: string, extra: string[] = []) =>
    [
      distribution('aws_lambda_function.edge.qualified_arn'),
      ...extra,
      'data "archive_file" "edge" {',
      '  type        = "zip"',
      '  output_path = "edge.zip"',
      '  source {',
      `    content  = ${content}`,
      '    filename = "auth.js"',
      '  }',
      '}',
      'resource "aws_lambda_function" "edge" {',
      '  handler          = "auth.handler"',
      '  runtime          = "nodejs22.x"',
      '  publish          = true',
      '  filename         = "edge.zip"',
      '  source_code_hash = data.archive_file.edge.output_base64sha256',
      '}',
    ].join('\n');

  it('binds the file a data.template_file renders', () => {
    const found = discover({
      'templates/auth.js': HANDLER_JS,
      'main.tf': archive('data.template_file.auth.rendered', [
        'data "template_file" "auth" {',
        '  template = "${file("${path.module}/templates/auth.js")}"',
        '  vars = { user = "u" }',
        '}',
      ]),
    });
    expect(found).toEqual({ rows: ['templates/auth.js#handler viewer-request @main.tf:4 [terraform]'], problems: [] });
  });

  it('binds the file templatefile(...) renders', () => {
    const found = discover({
      'templates/auth.js': HANDLER_JS,
      'main.tf': archive('templatefile("templates/auth.js", { user = "u" })'),
    });
    expect(found).toEqual({ rows: ['templates/auth.js#handler viewer-request @main.tf:4 [terraform]'], problems: [] });
  });

  it('still reports a template_file whose template is inline text', () => {
    const found = discover({
      'main.tf': archive('data.template_file.auth.rendered', ['data "template_file" "auth" {', '  template = "exports.handler = 1"', '}']),
    });
    expect(found.rows).toEqual([]);
    expect(found.problems).toEqual(['main.tf:16: data.archive_file.edge source auth.js is inline content, not file(...); no source to lint.']);
  });
});

describe('Terraform: a module read as each of its callers instantiates it', () => {
  const cdnModule = [
    distribution('aws_lambda_function.edge.qualified_arn').replace('event_type = "viewer-request"', 'event_type = var.event_type'),
    'variable "event_type" {',
    '  default = "viewer-request"',
    '}',
    'variable "code_dir" {',
    '  default = "edge"',
    '}',
    lambdaFunction('edge', '"${path.module}/${var.code_dir}"'),
  ].join('\n');

  it('reads a variable as the caller sets it, never as its default then', () => {
    const found = discover({
      'modules/cdn/edge/index.js': HANDLER_JS,
      'modules/cdn/other/index.js': HANDLER_JS,
      'modules/cdn/main.tf': cdnModule,
      'main.tf': ['module "cdn" {', '  source     = "./modules/cdn"', '  event_type = "origin-request"', '  code_dir   = "other"', '}'].join('\n'),
    });
    expect(found).toEqual({ rows: ['modules/cdn/other/index.js#handler origin-request @modules/cdn/main.tf:4 [terraform]'], problems: [] });
  });

  it('reads the default where a caller does not set it, each caller on its own', () => {
    const found = discover({
      'modules/cdn/edge/index.js': HANDLER_JS,
      'modules/cdn/main.tf': cdnModule,
      'a/main.tf': 'module "cdn" {\n  source = "../modules/cdn"\n}\n',
      'b/main.tf': 'module "cdn" {\n  source     = "../modules/cdn"\n  event_type = "origin-response"\n}\n',
      'c/main.tf': 'module "cdn" {\n  source     = "../modules/cdn"\n  event_type = var.event\n}\nvariable "event" {}\n',
    });
    expect(found).toEqual({
      rows: ['modules/cdn/edge/index.js#handler viewer-request+origin-response @modules/cdn/main.tf:4 [terraform]'],
      problems: [
        'modules/cdn/main.tf:4: aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association event type is not a plain string and cannot be used; expected one of viewer-request, origin-request, origin-response, viewer-response.',
      ],
    });
  });

  it('pairs each caller with its own function when both the event type and the ARN are arguments', () => {
    const found = discover({
      'a/edge/index.js': HANDLER_JS,
      'b/edge/index.js': HANDLER_JS,
      'modules/cdn/main.tf': `${distribution('var.arn').replace('event_type = "viewer-request"', 'event_type = var.event')}\nvariable "arn" {}\nvariable "event" {}\n`,
      'a/main.tf': [lambdaFunction('a', '"${path.module}/edge"'), 'module "cdn" {', '  source = "../modules/cdn"', '  arn    = aws_lambda_function.a.qualified_arn', '  event  = "viewer-request"', '}'].join('\n'),
      'b/main.tf': [lambdaFunction('b', '"${path.module}/edge"'), 'module "cdn" {', '  source = "../modules/cdn"', '  arn    = aws_lambda_function.b.qualified_arn', '  event  = "origin-request"', '}'].join('\n'),
    });
    expect(found).toEqual({
      rows: ['a/edge/index.js#handler viewer-request @modules/cdn/main.tf:4 [terraform]', 'b/edge/index.js#handler origin-request @modules/cdn/main.tf:4 [terraform]'],
      problems: [],
    });
  });
});

describe('Terraform: variables a root module gets from its auto-loaded .tfvars files', () => {
  const root = [
    distribution('aws_lambda_function.edge.qualified_arn').replace('event_type = "viewer-request"', 'event_type = var.event'),
    'variable "event" {',
    '  default = "viewer-request"',
    '}',
    lambdaFunction('edge', '"${path.module}/edge"'),
  ].join('\n');

  it('reads terraform.tfvars and *.auto.tfvars over the default, the last one loaded winning', () => {
    const found = discover({
      'edge/index.js': HANDLER_JS,
      'main.tf': root,
      'terraform.tfvars': 'event = "origin-request"\n',
      'b.auto.tfvars': 'event = "origin-response"\n',
      'a.auto.tfvars': 'event = "viewer-response"\n',
    });
    expect(found).toEqual({ rows: ['edge/index.js#handler origin-response @main.tf:4 [terraform]'], problems: [] });
  });

  it('reads a variable that a JSON tfvars file may set as unknown rather than as its default', () => {
    const found = discover({ 'edge/index.js': HANDLER_JS, 'main.tf': root, 'terraform.tfvars.json': '{ "event": "origin-request" }\n' });
    expect(found).toEqual({
      rows: [],
      problems: [
        'main.tf:4: aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association event type is not a plain string and cannot be used; expected one of viewer-request, origin-request, origin-response, viewer-response.',
      ],
    });
  });
});
