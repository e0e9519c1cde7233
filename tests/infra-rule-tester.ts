import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import json from '@eslint/json';
import tsParser from '@typescript-eslint/parser';
import { Linter, RuleTester } from 'eslint';
import yml from 'eslint-plugin-yml';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { hclLanguage } from '../src/languages/hcl/language.js';
import { project } from './infra/helpers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
void afterAll;

/**
 * ESLint's own RuleTester, which runs a rule under any language: the `infra-*` rules are
 * tested on the file kinds users lint them on, YAML (eslint-plugin-yml's `yml/yaml`), JSON
 * (@eslint/json's `json/json`) and TypeScript (CDK), with real line/column positions.
 */
/** The YAML language of eslint-plugin-yml, for a config object or a RuleTester. */
export const YAML_LANGUAGE = { plugins: { yml: yml as never }, language: 'yml/yaml' } as const;
export const yamlTester = new RuleTester(YAML_LANGUAGE);
export const jsonTester = new RuleTester({ plugins: { json: json as never }, language: 'json/json' });
/** Terraform `.tf` files, through the plugin's own HCL language (`lambda-edge/hcl`). */
export const hclTester = new RuleTester({
  plugins: { 'lambda-edge': { languages: { hcl: hclLanguage } } as never },
  language: 'lambda-edge/hcl',
});
export const cdkTester = new RuleTester({
  languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
});

/**
 * A project's eslint.config as the README writes it: `recommended` on JS/TS files (TypeScript
 * through @typescript-eslint/parser) and `configs.infrastructure` on YAML, JSON and Terraform.
 */
export function projectConfig(): Linter.Config[] {
  return [
    { ...plugin.configs.recommended, files: ['**/*.{js,mjs,cjs,ts,mts,cts}'] },
    { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } },
    ...plugin.configs.infrastructure,
  ];
}

/**
 * Lints one file of a project folder (written by tests/infra/helpers.ts `project`) as `eslint`
 * run in that folder does: infrastructure discovery reads the folder, the file's language
 * comes from the config.
 */
export function lintProjectFile(root: string, file: string, config: Linter.Config[] = projectConfig()): Linter.LintMessage[] {
  const path = join(root, file);
  return new Linter({ configType: 'flat', cwd: root }).verify(readFileSync(path, 'utf8'), config, path);
}

/** Lines joined, so a YAML case reads as the file it stands for. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** How every message about a form infrastructure discovery cannot use ends: what is lost, and how to make it readable. */
export const DISCOVERY_CONSEQUENCE =
  'So the plugin does not learn the handler file and event types of this function, and the event-specific rules stay silent for its handler. ' +
  "Write it in a form the plugin reads (a literal value or array, a construct or variable of this file, a path that exists), or give the handler its event types in its own file with a `// @lambda-edge-event viewer-request` comment (or settings['lambda-edge'].handlers).";

/**
 * `ruleId`'s findings on `file` of a temporary project holding `files`, linted under `config`,
 * as `line:column-endLine:endColumn what`; each message must end with DISCOVERY_CONSEQUENCE,
 * which `what` leaves out.
 */
export function discoveryFindings(ruleId: string, files: Record<string, string>, file: string, config: Linter.Config[] = projectConfig()): string[] {
  return lintProjectFile(project(files), file, config)
    .filter((m) => m.ruleId === ruleId)
    .map((m) => {
      expect(m.message.endsWith(` ${DISCOVERY_CONSEQUENCE}`), m.message).toBe(true);
      return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message.slice(0, -DISCOVERY_CONSEQUENCE.length - 1)}`;
    });
}

/** The expected discoveryFindings row for the line of `files[file]` holding the `nth` `needle`: the whole line, trimmed. */
export function onLine(files: Record<string, string>, file: string, needle: string, what: string, nth = 1): string {
  const code = files[file]!;
  const line = at(code, needle, nth).line;
  const text = code.split('\n')[line - 1]!;
  const pos = at(code, text.trim());
  return `${line}:${pos.column}-${line}:${pos.endColumn} ${what}`;
}

/** The head of a small serverless.yml, before `functions:`. */
export const SERVICE_HEAD = ['service: site', 'provider:', '  name: aws'];
/** A serverless.yml with these lines under `functions:`. */
export const serverlessService = (...functions: string[]) => lines(...SERVICE_HEAD, 'functions:', ...functions);

/** A CDK stack module around the given constructor body. */
export function cdkStack(body: string, tail = ''): string {
  return lines(
    "import * as cdk from 'aws-cdk-lib';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
    'export class EdgeStack extends cdk.Stack {',
    '  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {',
    '    super(scope, id, props);',
    body,
    '  }',
    '}',
    tail,
  );
}

/**
 * Line and 1-based column of the `nth` (1-based) occurrence of `needle` in `code`, with the
 * end column, for asserting that a report lands on that text (the edge function's setting,
 * not the same setting of the regional function written first).
 */
export function at(code: string, needle: string, nth = 1): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' #${nth} not in the test code`);
  }
  const before = code.slice(0, index).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}

const EVENT_MEMBER: Record<string, string> = {
  'viewer-request': 'VIEWER_REQUEST',
  'origin-request': 'ORIGIN_REQUEST',
  'origin-response': 'ORIGIN_RESPONSE',
  'viewer-response': 'VIEWER_RESPONSE',
};

/**
 * One file per flavour with a regional function and an edge function that both carry
 * `props`, the edge one attached to `eventType`: a rule must report the edge function's
 * settings only.
 */
export const withSettings = {
  cdk(props: string, eventType = 'viewer-request'): string {
    return cdkStack(
      [
        `    const api = new lambda.Function(this, 'Api', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'a.handler', code, ${props} });`,
        `    const edge = new lambda.Function(this, 'Edge', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'e.handler', code, ${props} });`,
        `    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: edge.currentVersion, eventType: cloudfront.LambdaEdgeEventType.${EVENT_MEMBER[eventType]} }] } });`,
      ].join('\n'),
    );
  },
  serverless(props: string[], eventType = 'viewer-request', provider: string[] = []): string {
    return lines(
      'service: edge',
      'provider:',
      '  name: aws',
      ...provider,
      'functions:',
      '  api:',
      '    handler: api.handler',
      ...props.map((p) => `    ${p}`),
      '  edge:',
      '    handler: edge.handler',
      ...props.map((p) => `    ${p}`),
      '    lambdaAtEdge:',
      '      distribution: WebsiteDistribution',
      `      eventType: ${eventType}`,
    );
  },
  /**
   * The same service as `serverless`, as a `serverless.ts` (lint it with `filename:
   * 'serverless.ts'` and `cdkTester`): `props` and `provider` are TypeScript properties
   * (`'timeout: 10'`), `head` statements before the exported object.
   */
  serverlessTs(props: string[], eventType = 'viewer-request', provider: string[] = [], head: string[] = []): string {
    return lines(
      "import type { AWS } from '@serverless/typescript';",
      ...head,
      'const serverlessConfiguration: AWS = {',
      "  service: 'edge',",
      '  provider: {',
      "    name: 'aws',",
      ...provider.map((p) => `    ${p},`),
      '  },',
      '  functions: {',
      '    api: {',
      "      handler: 'api.handler',",
      ...props.map((p) => `      ${p},`),
      '    },',
      '    edge: {',
      "      handler: 'edge.handler',",
      ...props.map((p) => `      ${p},`),
      `      lambdaAtEdge: { distribution: 'WebsiteDistribution', eventType: '${eventType}' },`,
      '    },',
      '  },',
      '};',
      'module.exports = serverlessConfiguration;',
    );
  },
  sam(props: string[], eventType = 'viewer-request', globals: string[] = []): string {
    return lines(
      'Transform: AWS::Serverless-2016-10-31',
      ...(globals.length > 0 ? ['Globals:', '  Function:', ...globals.map((g) => `    ${g}`)] : []),
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: api.handler',
      ...props.map((p) => `      ${p}`),
      '  Edge:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: edge.handler',
      '      AutoPublishAlias: live',
      '      AssumeRolePolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal:',
      '              Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]',
      '            Action: sts:AssumeRole',
      ...props.map((p) => `      ${p}`),
      '  Cdn:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        DefaultCacheBehavior:',
      '          LambdaFunctionAssociations:',
      `            - EventType: ${eventType}`,
      '              LambdaFunctionARN: !Ref Edge.Version',
    );
  },
  /**
   * A main.tf with a us-east-1 provider, a regional `api` and an `edge` function (both with
   * `props`, published, trusted by edgelambda) attached by `qualified_arn` to `eventType`.
   */
  terraform(props: string[], eventType = 'viewer-request', association: string[] = []): string {
    return lines(
      'provider "aws" {',
      '  region = "us-east-1"',
      '}',
      'resource "aws_iam_role" "edge" {',
      '  assume_role_policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Effect    = "Allow"',
      '      Action    = "sts:AssumeRole"',
      '      Principal = { Service = ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] }',
      '    }]',
      '  })',
      '}',
      'resource "aws_lambda_function" "api" {',
      '  function_name = "api"',
      '  handler       = "api.handler"',
      '  runtime       = "nodejs22.x"',
      '  role          = aws_iam_role.edge.arn',
      ...props.map((p) => `  ${p}`),
      '}',
      'resource "aws_lambda_function" "edge" {',
      '  function_name = "edge"',
      '  handler       = "edge.handler"',
      '  runtime       = "nodejs22.x"',
      '  role          = aws_iam_role.edge.arn',
      '  publish       = true',
      ...props.map((p) => `  ${p}`),
      '}',
      'resource "aws_cloudfront_distribution" "cdn" {',
      '  enabled = true',
      '  default_cache_behavior {',
      '    target_origin_id       = "site"',
      '    viewer_protocol_policy = "redirect-to-https"',
      '    lambda_function_association {',
      `      event_type = "${eventType}"`,
      '      lambda_arn = aws_lambda_function.edge.qualified_arn',
      ...association.map((a) => `      ${a}`),
      '    }',
      '  }',
      '}',
    );
  },
  /**
   * A main.tf with two terraform-aws-modules/lambda modules carrying `props`: a regional
   * `api` and an `edge` one (`lambda_at_edge = true`) attached by its `output` to `eventType`.
   */
  terraformModule(props: string[], eventType = 'viewer-request', output = 'lambda_function_qualified_arn'): string {
    return lines(
      'provider "aws" {',
      '  region = "us-east-1"',
      '}',
      'module "api" {',
      '  source      = "terraform-aws-modules/lambda/aws"',
      '  handler     = "api.handler"',
      '  runtime     = "nodejs22.x"',
      '  source_path = "src"',
      ...props.map((p) => `  ${p}`),
      '}',
      'module "edge" {',
      '  source         = "terraform-aws-modules/lambda/aws"',
      '  version        = "~> 7.0"',
      '  lambda_at_edge = true',
      '  handler        = "edge.handler"',
      '  runtime        = "nodejs22.x"',
      '  source_path    = "src"',
      ...props.map((p) => `  ${p}`),
      '}',
      'resource "aws_cloudfront_distribution" "cdn" {',
      '  default_cache_behavior {',
      '    lambda_function_association {',
      `      event_type = "${eventType}"`,
      `      lambda_arn = module.edge.${output}`,
      '    }',
      '  }',
      '}',
    );
  },
  cloudformation(props: Record<string, unknown>, eventType = 'viewer-request', arn: unknown = { Ref: 'EdgeVersion' }): string {
    const fn = (handler: string) => ({
      Type: 'AWS::Lambda::Function',
      Properties: { Handler: handler, Runtime: 'nodejs22.x', Code: 'src', ...props },
    });
    return JSON.stringify(
      {
        Resources: {
          Api: fn('api.handler'),
          Edge: fn('edge.handler'),
          EdgeVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Edge' } } },
          Cdn: {
            Type: 'AWS::CloudFront::Distribution',
            Properties: {
              DistributionConfig: {
                DefaultCacheBehavior: {
                  LambdaFunctionAssociations: [{ EventType: eventType, LambdaFunctionARN: arn }],
                },
              },
            },
          },
        },
      },
      null,
      2,
    );
  },
};

/** Position of `value` in the `nth` occurrence of `prefix + value` (the value node of a pair). */
export function valueAt(code: string, prefix: string, value: string, nth = 1) {
  const pos = at(code, prefix + value, nth);
  return { line: pos.line, column: pos.column + prefix.length, endLine: pos.line, endColumn: pos.endColumn };
}
