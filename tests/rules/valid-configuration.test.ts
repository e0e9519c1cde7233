import { beforeEach, describe, expect, it } from 'vitest';
import rule from '../../rules/valid-configuration.js';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import plugin from '../../src/index.js';
import { getInfrastructureMap } from '../../src/infra/index.js';
import { at, lines, lintProjectFile, projectConfig, discoveryFindings, onLine, serverlessService, SERVICE_HEAD } from '../infra-rule-tester.js';
import { options } from '../infra/helpers.js';
import { HANDLER_JS as HANDLER, project } from '../infra/helpers.js';
import { byMessage, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('valid-configuration', rule, {
  valid: [
    '// @lambda-edge-event viewer-request\nexports.handler = async (event) => event.Records[0].cf.request;\n',
    'export const x = 1;\n',
  ],
  invalid: [
    {
      // A misspelt event type: reported under this rule, not under a code rule.
      code: '// @lambda-edge-event viewer-requset\nexports.handler = async (event) => event.Records[0].cf.request;\n',
      errors: [
        byMessage({
          message: /^@lambda-edge-event has the unknown event type 'viewer-requset'; allowed values are /,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 37,
        }),
      ],
    },
    {
      code: 'export const y = 2;\n',
      settings: { 'lambda-edge': { infrastructure: false, eventType: 'origin-requset' } },
      errors: [byMessage({ message: /origin-requset/, line: 1, column: 1 })],
    },
  ],
});

// A value written in an infrastructure file that CloudFront or the deploy tool rejects (an
// event type that is not one of the four) is a finding of this rule, in `recommended`, on the
// construct's line (first to last non-blank character), never on a handler file. What discovery
// merely cannot follow is infra-unresolved's (tests/rules/infra-unresolved.test.ts), outside
// `recommended`; code that is not in the project is no rule's.


const EXPECTED = 'expected one of viewer-request, origin-request, origin-response, viewer-response.';

/** valid-configuration's findings on `file` (discoveryFindings). */
const invalid = (files: Record<string, string>, file: string): string[] =>
  discoveryFindings('lambda-edge/valid-configuration', files, file);

const service = serverlessService;

const CDK_PACKAGE = '{ "dependencies": { "aws-cdk-lib": "2.200.0" } }';
/** A CDK stack with one EdgeFunction (code in edge/) and these lines after it. */
const cdkStack = (...body: string[]) =>
  lines(
    "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    'declare const origin: any;',
    'export function site(scope: any) {',
    "  const fn = new cloudfront.experimental.EdgeFunction(scope, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('edge') });",
    ...body,
    '}',
  );

/** A main.tf whose distribution's default behavior has these lines (a function with local code). */
const mainTf = (...behavior: string[]) =>
  lines(
    'data "archive_file" "edge" {',
    '  type        = "zip"',
    '  source_dir  = "${path.module}/edge"',
    '  output_path = "edge.zip"',
    '}',
    'resource "aws_lambda_function" "edge" {',
    '  function_name = "edge"',
    '  handler       = "index.handler"',
    '  runtime       = "nodejs22.x"',
    '  publish       = true',
    '  filename      = data.archive_file.edge.output_path',
    '}',
    'resource "aws_cloudfront_distribution" "cdn" {',
    '  default_cache_behavior {',
    ...behavior.map((line) => `    ${line}`),
    '  }',
    '}',
  );

/** A SAM/CloudFormation template.yaml: these resources, and a distribution with these associations. */
const templateYaml = (resources: string[], associations: string[], head: string[] = []) =>
  lines(
    ...head,
    'Resources:',
    ...resources.map((line) => `  ${line}`),
    '  Cdn:',
    '    Type: AWS::CloudFront::Distribution',
    '    Properties:',
    '      DistributionConfig:',
    '        DefaultCacheBehavior:',
    '          LambdaFunctionAssociations:',
    ...associations.map((line) => `            ${line}`),
  );

/** An AWS::Lambda::Function `Edge` with these Code lines, and its version `EdgeVersion`. */
const lambdaWithCode = (...code: string[]) => [
  'Edge:',
  '  Type: AWS::Lambda::Function',
  '  Properties:',
  '    Handler: index.handler',
  '    Runtime: nodejs22.x',
  ...code.map((line) => `    ${line}`),
  'EdgeVersion:',
  '  Type: AWS::Lambda::Version',
  '  Properties:',
  '    FunctionName: !Ref Edge',
];

describe('valid-configuration on infrastructure files', () => {
  beforeEach(() => clearInfrastructureCache());

  describe('an event type that is not one of the four', () => {
    it('Serverless: reports the misspelt one on its line, and none of what is only unresolved', () => {
      const files = {
        'edge/a.js': HANDLER,
        'serverless.yml': service(
          '  byOption:',
          '    handler: edge/a.handler',
          '    events:',
          '      - cloudFront:',
          '          eventType: ${opt:event}',
          '          origin: https://example.com',
          '  missing:',
          '    handler: dist/b.handler',
          '    lambdaAtEdge:',
          '      distribution: Cdn',
          '      eventType: origin-request',
          '  misspelt:',
          '    handler: edge/a.handler',
          '    lambdaAtEdge:',
          '      distribution: Cdn',
          '      eventType: viewer-requset',
        ),
      };
      expect(invalid(files, 'serverless.yml')).toEqual([
        onLine(files, 'serverless.yml', 'viewer-requset', `functions.misspelt lambdaAtEdge event type 'viewer-requset' cannot be used; ${EXPECTED}`),
      ]);
    });

    it('reports nothing on the handler files, however many are linted', () => {
      const root = project({
        'edge/a.js': HANDLER,
        'edge/b.js': HANDLER,
        'serverless.yml': service('  a:', '    handler: edge/a.handler', '    lambdaAtEdge:', '      distribution: Cdn', '      eventType: viewer-requset'),
      });
      for (const file of ['edge/a.js', 'edge/b.js', 'edge/a.js']) {
        expect(lintProjectFile(root, file).filter((m) => m.ruleId === 'lambda-edge/valid-configuration')).toEqual([]);
      }
    });

    it('SAM (template.yaml): reports a misspelt EventType on its line', () => {
      const files = {
        'edge/index.js': HANDLER,
        'template.yaml': templateYaml(lambdaWithCode('Code: edge'), ['- EventType: origin-respose', '  LambdaFunctionARN: !Ref EdgeVersion']),
      };
      expect(invalid(files, 'template.yaml')).toEqual([
        onLine(files, 'template.yaml', 'origin-respose', `Cdn DefaultCacheBehavior.LambdaFunctionAssociations[0] event type 'origin-respose' cannot be used; ${EXPECTED}`),
      ]);
    });

    it('CloudFormation (template.json): reports a misspelt EventType on its line', () => {
      const template = (eventType: string) =>
        `${JSON.stringify(
          {
            Resources: {
              Edge: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Code: 'edge' } },
              EdgeVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Edge' } } },
              Cdn: {
                Type: 'AWS::CloudFront::Distribution',
                Properties: { DistributionConfig: { DefaultCacheBehavior: { LambdaFunctionAssociations: [{ EventType: eventType, LambdaFunctionARN: { Ref: 'EdgeVersion' } }] } } },
              },
            },
          },
          null,
          2,
        )}\n`;
      const files = { 'template.json': template('viewer-requset'), 'edge/index.js': HANDLER };
      expect(invalid(files, 'template.json')).toEqual([
        onLine(files, 'template.json', '"EventType"', `Cdn DefaultCacheBehavior.LambdaFunctionAssociations[0] event type 'viewer-requset' cannot be used; ${EXPECTED}`),
      ]);
      expect(invalid({ ...files, 'template.json': template('viewer-request') }, 'template.json')).toEqual([]);
    });

    it('Terraform: reports a misspelt event_type on its line', () => {
      const files = {
        'tf/edge/index.js': HANDLER,
        'tf/main.tf': mainTf('lambda_function_association {', '  event_type = "viewer-requets"', '  lambda_arn = aws_lambda_function.edge.qualified_arn', '}'),
      };
      expect(invalid(files, 'tf/main.tf')).toEqual([
        onLine(files, 'tf/main.tf', 'viewer-requets', `aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association event type 'viewer-requets' cannot be used; ${EXPECTED}`),
      ]);
    });

    it('CDK: reports a misspelt string and a LambdaEdgeEventType member that does not exist, not an event type it cannot follow', () => {
      const cdn = (id: string, eventType: string) =>
        `  new cloudfront.Distribution(scope, '${id}', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: fn.currentVersion, eventType: ${eventType} }] } });`;
      const files = {
        'package.json': CDK_PACKAGE,
        'edge/index.js': HANDLER,
        'lib/stack.ts': cdkStack(
          cdn('A', "'viewer-requets'"),
          cdn('B', 'cloudfront.LambdaEdgeEventType.ORIGIN_REQUETS'),
          'declare const picked: any;',
          cdn('C', 'picked'),
        ),
      };
      expect(invalid(files, 'lib/stack.ts')).toEqual([
        onLine(files, 'lib/stack.ts', "'A'", `defaultBehavior.edgeLambdas event type 'viewer-requets' cannot be used; ${EXPECTED}`),
        onLine(files, 'lib/stack.ts', "'B'", 'defaultBehavior.edgeLambdas eventType is not a LambdaEdgeEventType member.'),
      ]);
    });
  });

  describe('correct infrastructure the plugin cannot follow: no finding under recommended', () => {
    // Each is a form seen on public Lambda@Edge repositories (written anew here): correct
    // infrastructure, reported by infra-unresolved under strict (`strict: true`), or by no rule
    // when the code is not in the project (`strict: false`: S3, an image, a prebuilt archive).
    const tfAssociation = (arn: string, eventType = 'origin-response') => ['lambda_function_association {', `  event_type = "${eventType}"`, `  lambda_arn = ${arn}`, '}'];
    const dynamicAssociation = [
      'dynamic "lambda_function_association" {',
      '  for_each = var.lambda_function_association',
      '  content {',
      '    event_type   = lambda_function_association.key',
      '    lambda_arn   = lambda_function_association.value.lambda_arn',
      '    include_body = lookup(lambda_function_association.value, "include_body", null)',
      '  }',
      '}',
    ];
    const s3Function = (name: string) => [
      `resource "aws_lambda_function" "${name}" {`,
      `  function_name = "${name}"`,
      '  s3_bucket     = "edge-artifacts"',
      `  s3_key        = "${name}.zip"`,
      '  handler       = "index.handler"',
      '  runtime       = "nodejs22.x"',
      '  publish       = true',
      '}',
    ];
    const distribution = (...behavior: string[]) => ['resource "aws_cloudfront_distribution" "cdn" {', '  enabled = true', ...behavior.map((l) => `  ${l}`), '}'];
    const customResource = (name: string) => [
      `${name}Handler:`,
      '  Type: AWS::Serverless::Function',
      '  Properties:',
      '    CodeUri: edge',
      '    Handler: index.handler',
      '    Runtime: nodejs22.x',
      `${name}CodeUpdate:`,
      '  Type: Custom::LambdaCodeUpdate',
      '  Properties:',
      '    ServiceToken: !GetAtt CodeUpdater.Arn',
      `    LambdaFunction: !GetAtt ${name}Handler.Arn`,
    ];
    // `others`: findings of other rules the form has (a container image is itself unsupported).
    const forms: Array<{ form: string; file: string; files: Record<string, string>; strict: boolean; others?: string[] }> = [
      {
        form: 'Terraform: lambda_arn from a variable',
        file: 'cdn/main.tf',
        files: { 'cdn/main.tf': lines('variable "origin_response_arn" {', '  type = string', '}', ...distribution('default_cache_behavior {', ...tfAssociation('var.origin_response_arn').map((l) => `  ${l}`), '}')) },
        strict: true,
      },
      {
        form: 'Terraform: lambda_arn from a module output',
        file: 'main.tf',
        files: { 'main.tf': lines('module "basic_auth" {', '  source = "./modules/basic-auth"', '}', ...distribution('default_cache_behavior {', ...tfAssociation('module.basic_auth.lambda_arn', 'viewer-request').map((l) => `  ${l}`), '}')) },
        strict: true,
      },
      {
        form: 'Terraform: a dynamic lambda_function_association over a variable (a reusable module)',
        file: 'main.tf',
        files: { 'main.tf': lines('variable "lambda_function_association" {', '  type    = map(any)', '  default = {}', '}', ...distribution('default_cache_behavior {', ...dynamicAssociation.map((l) => `  ${l}`), '}')) },
        strict: true,
      },
      {
        form: 'Terraform: a dynamic ordered_cache_behavior over a variable',
        file: 'main.tf',
        files: {
          'main.tf': lines(
            'variable "ordered_cache_behavior" {',
            '  type    = list(any)',
            '  default = []',
            '}',
            ...distribution('dynamic "ordered_cache_behavior" {', '  for_each = var.ordered_cache_behavior', '  content {', '    path_pattern = ordered_cache_behavior.value.path_pattern', '  }', '}'),
          ),
        },
        strict: true,
      },
      {
        form: 'Terraform: code in S3 (s3_bucket)',
        file: 'terraform/lambda.tf',
        files: { 'terraform/lambda.tf': lines(...s3Function('check_auth'), ...distribution('default_cache_behavior {', ...tfAssociation('aws_lambda_function.check_auth.qualified_arn', 'viewer-request').map((l) => `  ${l}`), '}')) },
        strict: false,
      },
      {
        form: 'CloudFormation: Code in S3 (S3Bucket, S3Key)',
        file: 'cloudformation/template.yaml',
        files: {
          'cloudformation/template.yaml': templateYaml(lambdaWithCode('Code:', '  S3Bucket: !Sub "artifacts-${AWS::Region}"', '  S3Key: edge/origin-request.zip'), [
            '- EventType: origin-request',
            '  LambdaFunctionARN: !Ref EdgeVersion',
          ]),
        },
        strict: false,
      },
      {
        form: "CloudFormation: a custom resource's FunctionArn",
        file: 'template.yaml',
        files: {
          'edge/index.js': HANDLER,
          'template.yaml': templateYaml([...customResource('CheckAuth'), ...customResource('HttpHeaders')], [
            '- EventType: viewer-request',
            '  LambdaFunctionARN: !GetAtt CheckAuthHandlerCodeUpdate.FunctionArn',
            '- EventType: origin-response',
            '  LambdaFunctionARN: !GetAtt HttpHeadersHandlerCodeUpdate.FunctionArn',
          ], ['Transform: AWS::Serverless-2016-10-31']),
        },
        strict: true,
      },
      {
        form: 'CloudFormation: an event type that is !If',
        file: 'template.yaml',
        files: {
          'edge/index.js': HANDLER,
          'template.yaml': templateYaml(lambdaWithCode('Code: edge'), [
            '- EventType: !If [HeadersOnViewer, viewer-response, origin-response]',
            '  LambdaFunctionARN: !Ref EdgeVersion',
          ], ['Conditions:', '  HeadersOnViewer: !Equals [!Ref AWS::Region, us-east-1]']),
        },
        strict: true,
      },
      {
        form: 'CloudFormation: an event type that is !Ref of a parameter',
        file: 'template.yaml',
        files: {
          'edge/index.js': HANDLER,
          'template.yaml': templateYaml(lambdaWithCode('Code: edge'), ['- EventType: !Ref EdgeEventType', '  LambdaFunctionARN: !Ref EdgeVersion'], [
            'Parameters:',
            '  EdgeEventType:',
            '    Type: String',
            '    Default: origin-request',
          ]),
        },
        strict: true,
      },
      {
        form: 'Serverless: an event type and a handler from ${opt:}/${env:}, and a handler in dist/ not built yet',
        file: 'serverless.yml',
        files: {
          'serverless.yml': service(
            '  a:',
            '    handler: dist/a.handler',
            '    events:',
            '      - cloudFront:',
            '          eventType: ${opt:event}',
            '          origin: https://example.com',
            '  b:',
            '    handler: ${env:EDGE_HANDLER}',
            '    memorySize: 128',
            '    timeout: 5',
            '    lambdaAtEdge:',
            '      distribution: Cdn',
            '      eventType: viewer-request',
          ),
        },
        strict: true,
      },
      {
        form: 'Serverless: functions: ${file(...)}',
        file: 'serverless.yml',
        files: { 'serverless.yml': lines(...SERVICE_HEAD, 'functions: ${file(./functions.yml)}') },
        strict: true,
      },
      {
        form: 'CDK: edgeLambdas from a parameter discovery cannot follow',
        file: 'lib/stack.ts',
        files: {
          'package.json': CDK_PACKAGE,
          'edge/index.js': HANDLER,
          'lib/stack.ts': cdkStack('}', 'export function other(scope: any, lambdas: any) {', "  new cloudfront.Distribution(scope, 'D', { defaultBehavior: { origin, edgeLambdas: lambdas } });"),
        },
        strict: true,
      },
      {
        form: 'SAM: CodeUri as an S3 object (Bucket, Key)',
        file: 'template.yaml',
        files: {
          'template.yaml': templateYaml(
            ['Edge:', '  Type: AWS::Serverless::Function', '  Properties:', '    CodeUri:', '      Bucket: artifacts', '      Key: edge.zip', '    Handler: index.handler', '    Runtime: nodejs22.x', '    AutoPublishAlias: live', '    AssumeRolePolicyDocument:', '      Statement:', '        - Effect: Allow', '          Principal:', '            Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]', '          Action: sts:AssumeRole'],
            ['- EventType: viewer-request', '  LambdaFunctionARN: !Ref Edge.Version'],
            ['Transform: AWS::Serverless-2016-10-31'],
          ),
        },
        strict: false,
      },
      {
        form: 'CloudFormation: Code that is a prebuilt zip',
        file: 'template.yaml',
        files: { 'build/edge.zip': 'not a real archive', 'template.yaml': templateYaml(lambdaWithCode('Code: build/edge.zip'), ['- EventType: origin-request', '  LambdaFunctionARN: !Ref EdgeVersion']) },
        strict: false,
      },
      {
        form: 'Terraform: a container image (image_uri) and a prebuilt filename',
        file: 'main.tf',
        files: {
          'main.tf': lines(
            'resource "aws_lambda_function" "image" {',
            '  function_name = "image"',
            '  package_type  = "Image"',
            '  image_uri     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/edge:1"',
            '  publish       = true',
            '}',
            'resource "aws_lambda_function" "zip" {',
            '  function_name = "zip"',
            '  filename      = "build/edge.zip"',
            '  handler       = "index.handler"',
            '  runtime       = "nodejs22.x"',
            '  publish       = true',
            '}',
            ...distribution(
              'default_cache_behavior {',
              ...tfAssociation('aws_lambda_function.image.qualified_arn', 'origin-request').map((l) => `  ${l}`),
              ...tfAssociation('aws_lambda_function.zip.qualified_arn', 'origin-response').map((l) => `  ${l}`),
              '}',
            ),
          ),
        },
        strict: false,
        others: ['3:19 lambda-edge/infra-unsupported-features'],
      },
      {
        form: 'Terraform: terraform-aws-modules/lambda with local_existing_package',
        file: 'main.tf',
        files: {
          'main.tf': lines(
            'module "edge" {',
            '  source                 = "terraform-aws-modules/lambda/aws"',
            '  lambda_at_edge         = true',
            '  handler                = "index.handler"',
            '  runtime                = "nodejs22.x"',
            '  create_package         = false',
            '  local_existing_package = "build/edge.zip"',
            '}',
            ...distribution('default_cache_behavior {', ...tfAssociation('module.edge.lambda_function_qualified_arn', 'viewer-request').map((l) => `  ${l}`), '}'),
          ),
        },
        strict: false,
      },
      {
        form: 'Serverless: a container image (image)',
        file: 'serverless.yml',
        files: { 'serverless.yml': service('  edge:', '    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/edge:1', '    lambdaAtEdge:', '      distribution: Cdn', '      eventType: origin-request') },
        strict: false,
        others: ['6:12 lambda-edge/infra-unsupported-features'],
      },
      {
        form: 'CDK: code in S3 (Code.fromBucket)',
        file: 'lib/stack.ts',
        files: {
          'package.json': CDK_PACKAGE,
          'lib/stack.ts': lines(
            "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
            "import * as lambda from 'aws-cdk-lib/aws-lambda';",
            'declare const origin: any;',
            'declare const bucket: any;',
            'export function site(scope: any) {',
            "  const fn = new cloudfront.experimental.EdgeFunction(scope, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromBucket(bucket, 'edge.zip') });",
            "  new cloudfront.Distribution(scope, 'D', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST }] } });",
            '}',
          ),
        },
        strict: false,
      },
    ];

    /** Both configs as the README writes them, `strict` without `files` (it reaches the infrastructure files). */
    const strictConfig = (): Linter.Config[] => [plugin.configs.strict, { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } }, ...plugin.configs.infrastructure];

    for (const { form, file, files, strict, others = [] } of forms) {
      it(`${form}: nothing under recommended; ${strict ? 'infra-unresolved' : 'nothing'} under strict`, () => {
        const root = project(files);
        expect(lintProjectFile(root, file).map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(others);
        clearInfrastructureCache();
        const underStrict = lintProjectFile(root, file, strictConfig()).filter((m) => m.ruleId === 'lambda-edge/infra-unresolved' || m.ruleId === 'lambda-edge/valid-configuration');
        expect(underStrict.map((m) => `${m.ruleId} ${m.message}`)).toEqual(strict ? underStrict.map((m) => `lambda-edge/infra-unresolved ${m.message}`) : []);
        if (strict) expect(underStrict.length).toBeGreaterThan(0);
        // `map` still lists code that is not in the project, as a problem of kind 'remote'.
        const problems = getInfrastructureMap(options(root)).problems.filter((p) => p.kind === 'remote');
        expect(problems.length > 0).toBe(!strict);
      });
    }
  });

  it('reports nothing with discovery off, and nothing on a file that is not infrastructure code', () => {
    const root = project({ 'serverless.yml': service('  a:', '    handler: edge/a.handler', '    lambdaAtEdge:', '      distribution: Cdn', '      eventType: viewer-requset'), 'edge/a.js': HANDLER });
    const off = [...projectConfig(), { settings: { 'lambda-edge': { infrastructure: false } } }];
    expect(lintProjectFile(root, 'serverless.yml', off).filter((m) => m.ruleId === 'lambda-edge/valid-configuration')).toEqual([]);
    expect(lintProjectFile(root, 'edge/a.js').filter((m) => m.ruleId === 'lambda-edge/valid-configuration')).toEqual([]);
  });
});
