import { beforeEach, describe, expect, it } from 'vitest';
import type { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index.js';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import { at, lines, lintProjectFile, projectConfig, withSettings, discoveryFindings, onLine, serverlessService, SERVICE_HEAD } from '../infra-rule-tester.js';
import { HANDLER_JS as HANDLER, project } from '../infra/helpers.js';

/**
 * A project's eslint.config with `strict` as the README writes it (no `files`, so it also
 * reaches the YAML, JSON and Terraform files `configs.infrastructure` adds): the config
 * infra-unresolved is in. `recommended` (projectConfig) leaves it off.
 */
function strictConfig(): Linter.Config[] {
  return [plugin.configs.strict, { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } }, ...plugin.configs.infrastructure];
}

// What infrastructure discovery cannot follow is a finding of infra-unresolved on the
// infrastructure file, on the construct's line (first to last non-blank character), never on a
// handler file; a literal value CloudFront rejects is valid-configuration's
// (tests/rules/valid-configuration.test.ts), and code that is not in the project is no one's.


/** infra-unresolved's findings on `file` under `strict` (discoveryFindings). */
const unreadable = (files: Record<string, string>, file: string): string[] =>
  discoveryFindings('lambda-edge/infra-unresolved', files, file, strictConfig());

const service = serverlessService;

describe('infra-unresolved on infrastructure files', () => {
  beforeEach(() => clearInfrastructureCache());

  describe('Serverless (serverless.yml)', () => {
    const unresolved = {
      'edge/a.js': HANDLER,
      'serverless.yml': service(
        '  byOption:',
        '    handler: edge/a.handler',
        '    events:',
        '      - cloudFront:',
        '          eventType: ${opt:event}',
        '          origin: https://example.com',
        '  byEnv:',
        '    handler: ${env:EDGE_HANDLER}',
        '    lambdaAtEdge:',
        '      distribution: Cdn',
        '      eventType: viewer-request',
        '  missing:',
        '    handler: gone/b.handler',
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

    it('reports a variable event type, a variable handler and a handler with no file, each on its line, and leaves the misspelt event type to valid-configuration', () => {
      expect(unreadable(unresolved, 'serverless.yml')).toEqual([
        onLine(unresolved, 'serverless.yml', '${opt:event}', "functions.byOption cloudFront eventType '${opt:event}' uses a variable, which is not resolved."),
        onLine(unresolved, 'serverless.yml', '${env:EDGE_HANDLER}', "functions.byEnv.handler '${env:EDGE_HANDLER}' uses a variable, which is not resolved."),
        onLine(unresolved, 'serverless.yml', 'gone/b', "functions.missing handler 'gone/b.handler' has no source file: looked for gone/b with .js, .mjs, .cjs, .ts, .mts, .cts."),
      ]);
    });

    it('reports nothing on the handler files, however many are linted', () => {
      const root = project({ ...unresolved, 'edge/b.js': HANDLER });
      for (const file of ['edge/a.js', 'edge/b.js', 'edge/a.js']) {
        expect(lintProjectFile(root, file, strictConfig()).filter((m) => m.ruleId === 'lambda-edge/infra-unresolved')).toEqual([]);
      }
    });

    it('reports functions given as a file variable on the functions line', () => {
      const files = { 'serverless.yml': lines(...SERVICE_HEAD, 'functions: ${file(./functions.yml)}') };
      expect(unreadable(files, 'serverless.yml')).toEqual([
        onLine(files, 'serverless.yml', 'functions:', "functions is '${file(./functions.yml)}', which is not followed; list the functions in this file or use settings['lambda-edge'].handlers."),
      ]);
    });

    it('reports nothing when every handler and event type is written out', () => {
      const files = {
        'edge/a.js': HANDLER,
        'serverless.yml': service(
          '  a:',
          '    handler: edge/a.handler',
          '    lambdaAtEdge:',
          '      distribution: Cdn',
          '      eventType: viewer-request',
        ),
      };
      expect(unreadable(files, 'serverless.yml')).toEqual([]);
    });
  });

  describe('Serverless (serverless.ts)', () => {
    it('reports a service that is not an object literal on line 1, the file having no line for it', () => {
      const files = {
        'serverless.ts': lines("import { build } from './build';", '// The functions are listed by build().', 'export default build();'),
      };
      const text = "import { build } from './build';";
      expect(unreadable(files, 'serverless.ts')).toEqual([
        `1:1-1:${text.length + 1} exports no object literal that can be read statically (module.exports = {...}, export default {...}, or a const of this file); its functions are not read.`,
      ]);
    });

    it('reports functions imported from another module only in a service that shows CloudFront', () => {
      const service = (extra: string) =>
        lines("import { fns } from './src/fns';", `module.exports = { service: 'orders', provider: { name: 'aws' }${extra}, functions: fns };`);
      const plain = { 'serverless.ts': service(''), 'src/fns.ts': "export const fns = { api: { handler: 'src/api.handler', events: [{ httpApi: 'GET /orders' }] } };\n" };
      expect(unreadable(plain, 'serverless.ts')).toEqual([]);
      const edge = { ...plain, 'serverless.ts': service(", plugins: ['@silvermine/serverless-plugin-cloudfront-lambda-edge']") };
      expect(unreadable(edge, 'serverless.ts')).toEqual([
        onLine(edge, 'serverless.ts', 'functions: fns', "functions is '${fns}', which is not followed; list the functions in this file or use settings['lambda-edge'].handlers."),
      ]);
    });
  });

  describe('CDK', () => {
    const stack = (body: string) =>
      lines(
        "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
        "import * as lambda from 'aws-cdk-lib/aws-lambda';",
        'declare const origin: any;',
        'declare function makeLambda(): any;',
        'declare const picked: any;',
        'export function site(scope: any, lambdas: any) {',
        "  const fn = new cloudfront.experimental.EdgeFunction(scope, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('edge') });",
        body,
        '}',
      );
    /** One distribution whose default behavior has these edgeLambdas. */
    const cdn = (id: string, edgeLambdas: string) => `  new cloudfront.Distribution(scope, '${id}', { defaultBehavior: { origin, edgeLambdas: ${edgeLambdas} } });`;
    /** A CDK app: package.json naming aws-cdk-lib, edge/index.js, lib/stack.ts with these lines. */
    const app = (...body: string[]) => ({ ...base, 'lib/stack.ts': stack(body.join('\n')) });
    const base = { 'package.json': '{ "dependencies": { "aws-cdk-lib": "2.200.0" } }', 'edge/index.js': HANDLER };

    it('reports an edgeLambdas array, an element, an event type and a version it cannot follow, and a handler with no file', () => {
      const files = app(
        cdn('A', 'lambdas'),
        cdn('B', '[makeLambda()]'),
        cdn('C', '[{ functionVersion: fn.currentVersion, eventType: picked }]'),
        cdn('D', "[{ functionVersion: lambda.Version.fromVersionArn(scope, 'V', 'arn:aws:lambda:us-east-1:1:function:x:1'), eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST }]"),
        "  const other = new cloudfront.experimental.EdgeFunction(scope, 'Other', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'missing.handler', code: lambda.Code.fromAsset('edge') });",
        cdn('E', '[{ functionVersion: other.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST }]'),
      );
      const row = (needle: string, what: string) => onLine(files, 'lib/stack.ts', needle, what);
      expect(unreadable(files, 'lib/stack.ts')).toEqual([
        row("'A'", 'defaultBehavior.edgeLambdas cannot be followed: parameter lambdas of site at lib/stack.ts:6 is not followed (no call of site was found).'),
        row("'B'", 'defaultBehavior.edgeLambdas has an element that cannot be followed: the function called at lib/stack.ts:9 does not end in a single return.'),
        row("'C'", 'defaultBehavior.edgeLambdas eventType cannot be followed: picked at lib/stack.ts:5 has no initializer.'),
        row("'D'", 'defaultBehavior.edgeLambdas functionVersion is an imported version (Version.fromVersionArn); its code is not in this app.'),
        row("'E'", "defaultBehavior.edgeLambdas functionVersion handler 'missing.handler' has no source file: looked for edge/missing with .js, .mjs, .cjs, .ts, .mts, .cts."),
      ]);
    });

    it('reports a construct written in another file of the app on that file, never on the stack that uses it', () => {
      const files = {
        ...base,
        'lib/behaviors.ts': lines(
          'declare function pick(): any;',
          'export function edgeBehavior(origin: any, fn: any) {',
          '  return { origin, edgeLambdas: [{ functionVersion: fn.currentVersion, eventType: pick() }] };',
          '}',
        ),
        'lib/stack.ts': `import { edgeBehavior } from './behaviors';\n${stack("  new cloudfront.Distribution(scope, 'D', { defaultBehavior: edgeBehavior(origin, fn) });")}`,
      };
      expect(unreadable(files, 'lib/behaviors.ts')).toEqual([
        onLine(files, 'lib/behaviors.ts', 'eventType: pick()', 'defaultBehavior.edgeLambdas eventType cannot be followed: the function called at lib/behaviors.ts:3 does not end in a single return.'),
      ]);
      expect(unreadable(files, 'lib/stack.ts')).toEqual([]);
    });

    it('leaves latestVersion to infra-versioned-arn and reports nothing on a literal array', () => {
      const files = app(
        cdn('A', '[{ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST }]'),
        cdn('B', '[{ functionVersion: fn.latestVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST }]'),
      );
      const root = project(files);
      expect(lintProjectFile(root, 'lib/stack.ts', strictConfig()).map((m) => `${m.ruleId} ${m.line}`)).toEqual(['lambda-edge/infra-versioned-arn 9']);
    });
  });

  describe('SAM (template.yaml)', () => {
    // withSettings.sam: a regional Api and an Edge function with the same props, Edge attached.
    const template = (props: string[], arn = '!Ref Edge.Version') => withSettings.sam(props).replace('!Ref Edge.Version', arn);

    it('reports nothing for an S3 CodeUri (no source in the project), and an ARN that names no function of the template on its line', () => {
      const files = { 'template.yaml': template(['CodeUri: s3://artifacts/edge.zip']) };
      expect(unreadable(files, 'template.yaml')).toEqual([]);
      const literal = { 'template.yaml': template(['CodeUri: edge'], 'arn:aws:lambda:us-east-1:1:function:edge:1'), 'edge/edge.js': HANDLER };
      expect(unreadable(literal, 'template.yaml')).toEqual([
        onLine(literal, 'template.yaml', 'LambdaFunctionARN', 'Cdn DefaultCacheBehavior.LambdaFunctionAssociations[0].LambdaFunctionARN is a literal ARN or an imported value; the function code is not in this template.'),
      ]);
    });

    it('reports nothing for a local CodeUri and a versioned Ref, and leaves an unversioned GetAtt to infra-versioned-arn', () => {
      const files = { 'template.yaml': template(['CodeUri: edge']), 'edge/edge.js': HANDLER };
      expect(unreadable(files, 'template.yaml')).toEqual([]);
      const unversioned = { ...files, 'template.yaml': template(['CodeUri: edge'], '!GetAtt Edge.Arn') };
      expect(unreadable(unversioned, 'template.yaml')).toEqual([]);
    });
  });

  describe('CloudFormation (template.json)', () => {
    const template = (eventType: string, arn: unknown) =>
      `${JSON.stringify(
        {
          Resources: {
            Edge: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Code: 'edge' } },
            EdgeVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Edge' } } },
            Cdn: {
              Type: 'AWS::CloudFront::Distribution',
              Properties: { DistributionConfig: { DefaultCacheBehavior: { LambdaFunctionAssociations: [{ EventType: eventType, LambdaFunctionARN: arn }] } } },
            },
          },
        },
        null,
        2,
      )}\n`;

    it('reports a literal ARN on its line, and leaves an unknown event type to valid-configuration', () => {
      const files = { 'template.json': template('viewer-requset', { Ref: 'EdgeVersion' }), 'edge/index.js': HANDLER };
      expect(unreadable(files, 'template.json')).toEqual([]);
      const literal = { 'template.json': template('viewer-request', 'arn:aws:lambda:us-east-1:1:function:edge:3'), 'edge/index.js': HANDLER };
      expect(unreadable(literal, 'template.json')).toEqual([
        onLine(literal, 'template.json', '"LambdaFunctionARN"', 'Cdn DefaultCacheBehavior.LambdaFunctionAssociations[0].LambdaFunctionARN is a literal ARN or an imported value; the function code is not in this template.'),
      ]);
    });

    it('reports nothing for a Ref to a version of a function with local code', () => {
      const files = { 'template.json': template('viewer-request', { Ref: 'EdgeVersion' }), 'edge/index.js': HANDLER };
      expect(unreadable(files, 'template.json')).toEqual([]);
    });
  });

  describe('Terraform (.tf)', () => {
    const main = (association: string[], extra: string[] = []) =>
      lines(
        'variable "edge_arn" {}',
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
        ...extra,
        'resource "aws_cloudfront_distribution" "cdn" {',
        '  default_cache_behavior {',
        ...association.map((line) => `    ${line}`),
        '  }',
        '}',
      );
    const association = (arn: string) => ['lambda_function_association {', '  event_type = "viewer-request"', `  lambda_arn = ${arn}`, '}'];

    it('reports a dynamic block, an ARN of no function of the module and a function that is not declared, on their lines', () => {
      const files = {
        'tf/edge/index.js': HANDLER,
        'tf/main.tf': main([
          ...association('var.edge_arn'),
          ...association('aws_lambda_function.gone.qualified_arn'),
          'dynamic "lambda_function_association" {',
          '  for_each = var.lambdas',
          '  content {',
          '    event_type = lambda_function_association.value.event',
          '    lambda_arn = lambda_function_association.value.arn',
          '  }',
          '}',
        ]),
      };
      const row = (needle: string, what: string) => onLine(files, 'tf/main.tf', needle, what);
      expect(unreadable(files, 'tf/main.tf')).toEqual([
        row('var.edge_arn', 'aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association lambda_arn var.edge_arn is not an aws_lambda_function of this module; cannot find the function.'),
        row('aws_lambda_function.gone', 'aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association → aws_lambda_function.gone is not declared in tf.'),
        row('dynamic "lambda', 'aws_cloudfront_distribution.cdn has a dynamic lambda_function_association block whose for_each cannot be read (a variable, a condition, a for expression), which is not followed.'),
      ]);
    });

    it('reports a handler with no file in the archived folder on the handler line', () => {
      const files = { 'tf/main.tf': main(association('aws_lambda_function.edge.qualified_arn')) };
      expect(unreadable(files, 'tf/main.tf')).toEqual([
        onLine(files, 'tf/main.tf', 'index.handler', "aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association → aws_lambda_function.edge handler 'index.handler' has no source file: looked for tf/edge/index with .js, .mjs, .cjs, .ts, .mts, .cts."),
      ]);
    });

    it('reports nothing for a qualified_arn of a function whose source exists, and leaves .arn to infra-versioned-arn', () => {
      const files = { 'tf/edge/index.js': HANDLER, 'tf/main.tf': main(association('aws_lambda_function.edge.qualified_arn')) };
      expect(unreadable(files, 'tf/main.tf')).toEqual([]);
      const unversioned = { ...files, 'tf/main.tf': main(association('aws_lambda_function.edge.arn')) };
      expect(unreadable(unversioned, 'tf/main.tf')).toEqual([]);
    });
  });

  it('reports nothing with discovery off, and nothing on a file that is not infrastructure code', () => {
    const root = project({ 'serverless.yml': lines('service: s', 'provider:', '  name: aws', 'functions: ${file(./f.yml)}'), 'edge/a.js': HANDLER });
    const off = [...strictConfig(), { settings: { 'lambda-edge': { infrastructure: false } } }];
    expect(lintProjectFile(root, 'serverless.yml', off).filter((m) => m.ruleId === 'lambda-edge/infra-unresolved')).toEqual([]);
    expect(lintProjectFile(root, 'edge/a.js', strictConfig()).filter((m) => m.ruleId === 'lambda-edge/infra-unresolved')).toEqual([]);
    // recommended leaves the rule off: the same file has no finding at all there.
    expect(lintProjectFile(root, 'serverless.yml', projectConfig())).toEqual([]);
  });
});
