import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { hclLanguage } from '../../src/languages/hcl/language.js';
import codeSize from '../../rules/infra-code-size.js';
import trustPolicy from '../../rules/infra-edge-trust-policy.js';
import includeBody from '../../rules/infra-include-body-event.js';
import limits from '../../rules/infra-limits.js';
import noEnvironment from '../../rules/infra-no-environment.js';
import runtime from '../../rules/infra-runtime.js';
import uniqueEventType from '../../rules/infra-unique-event-type.js';
import unsupportedFeatures from '../../rules/infra-unsupported-features.js';
import unsupportedSettings from '../../rules/infra-unsupported-settings.js';
import usEast1 from '../../rules/infra-us-east-1.js';
import versionedArn from '../../rules/infra-versioned-arn.js';
import { at, hclTester, lines, valueAt } from '../infra-rule-tester.js';

/**
 * A Terraform module is every `.tf` file of one folder. The fixture module
 * (tests/fixtures/infra/terraform-split/module) splits providers.tf, lambda.tf, iam.tf,
 * locals.tf, variables.tf and cloudfront.tf the way real modules do: each finding is
 * reported on the file that holds the offending setting, when that file is linted, and the
 * regional `api` function beside the edge ones (it has every refused setting) never is.
 * `elsewhere/` attaches functions of the same names from another folder (another module):
 * they do not count. `broken/lambda.tf` does not parse.
 */
const SPLIT = path.join(import.meta.dirname, '..', 'fixtures', 'infra', 'terraform-split');
const file = (...parts: string[]) => {
  const filename = path.join(SPLIT, ...parts);
  return { filename, code: readFileSync(filename, 'utf8') };
};
const lambda = file('module', 'lambda.tf');
const iam = file('module', 'iam.tf');
const cloudfront = file('module', 'cloudfront.tf');
const locals = file('module', 'locals.tf');
const providers = file('module', 'providers.tf');
const variables = file('module', 'variables.tf');
const elsewhere = file('elsewhere', 'cloudfront.tf');
const lonely = file('lambda-only', 'lambda.tf');
const brokenSibling = file('broken', 'cloudfront.tf');

/** The files of the fixture module where a rule finds nothing, and the other folders. */
const quiet = (...files: Array<{ filename: string; code: string }>) => [...files, elsewhere, lonely, variables];

hclTester.run('infra-no-environment (Terraform module across files)', noEnvironment as never, {
  valid: quiet(iam, cloudfront, locals, providers),
  invalid: [
    {
      ...lambda,
      errors: [
        {
          message:
            'The function cannot have environment variables. CloudFront rejects the association of aws_lambda_function.viewer (viewer-request): environment sets STAGE. Bundle the values with the code or read them at run time (SSM Parameter Store, Secrets Manager).',
          // The second environment block: the first is the regional api's.
          ...at(lambda.code, 'environment', 2),
        },
      ],
    },
  ],
});

hclTester.run('infra-limits (Terraform module across files)', limits as never, {
  valid: quiet(iam, cloudfront, locals, providers),
  invalid: [
    {
      ...lambda,
      errors: [
        { messageId: 'timeout', ...valueAt(lambda.code, 'timeout       = ', '10') },
        { messageId: 'memory', ...valueAt(lambda.code, 'memory_size   = ', '256') },
      ],
    },
  ],
});

hclTester.run('infra-unsupported-settings (Terraform module across files)', unsupportedSettings as never, {
  valid: quiet(iam, cloudfront, locals, providers),
  invalid: [{ ...lambda, errors: [{ messageId: 'arm64', ...at(lambda.code, '"arm64"', 2) }] }],
});

hclTester.run('infra-unsupported-features (Terraform module across files)', unsupportedFeatures as never, {
  valid: quiet(iam, cloudfront, locals, providers),
  invalid: [
    {
      ...lambda,
      errors: [{ message: /^Lambda@Edge does not support AWS X-Ray tracing: aws_lambda_function\.viewer \(viewer-request\) sets it\./u, ...at(lambda.code, '"Active"', 2) }],
    },
  ],
});

hclTester.run('infra-runtime (Terraform module across files)', runtime as never, {
  // The regional api's java21 is not reported.
  valid: quiet(iam, cloudfront, locals, providers),
  invalid: [
    {
      ...lambda,
      errors: [
        {
          message:
            'nodejs16.x is deprecated and Lambda no longer creates or updates functions with it: aws_lambda_function.origin (origin-response) cannot be deployed. Use a current Node.js or Python runtime (nodejs22.x, python3.13).',
          ...at(lambda.code, '"nodejs16.x"'),
        },
      ],
    },
  ],
});

hclTester.run('infra-us-east-1 (Terraform module across files)', usEast1 as never, {
  valid: quiet(iam, cloudfront, locals),
  invalid: [
    // The provider is picked in lambda.tf and declared in providers.tf: reported where it is picked.
    {
      ...lambda,
      errors: [
        {
          message:
            "The function must be in region 'us-east-1'. aws_lambda_function.origin (origin-response) is in eu-central-1 (provider aws.frankfurt); CloudFront replicates Lambda@Edge functions from US East (N. Virginia) only. To fix: create the function with a provider for us-east-1.",
          // The second aws.frankfurt: the first is the regional api's.
          ...at(lambda.code, 'aws.frankfurt', 2),
        },
      ],
    },
    // headers inherits the default provider: its region is the offending setting, in providers.tf.
    {
      ...providers,
      errors: [{ message: /aws_lambda_function\.headers \(viewer-response\) is in eu-west-1 \(the default aws provider\)/u, ...at(providers.code, '"eu-west-1"') }],
    },
  ],
});

hclTester.run('infra-edge-trust-policy (Terraform module across files)', trustPolicy as never, {
  // aws_iam_role.api has the same lambda-only trust policy, but only the regional function uses it.
  valid: quiet(lambda, cloudfront, locals, providers),
  invalid: [
    {
      ...iam,
      errors: [
        {
          message:
            'The function execution role must be assumable with edgelambda.amazonaws.com as well as lambda.amazonaws.com principals. The trust policy of aws_iam_role.origin, the role of aws_lambda_function.origin (origin-response), does not name edgelambda.amazonaws.com; add it to Principal.Service.',
          ...at(iam.code, 'assume_role_policy', 3),
        },
      ],
    },
  ],
});

hclTester.run('infra-versioned-arn (Terraform module across files)', versionedArn as never, {
  // viewer's qualified_arn is published (publish = true in lambda.tf); headers' too (from locals.tf).
  valid: quiet(lambda, iam, locals, providers),
  invalid: [
    {
      // A dynamic ordered_cache_behavior whose for_each map names origin, which lambda.tf does not publish.
      ...cloudfront,
      errors: [
        {
          message:
            'The function ARN must reference a specific function version. aws_lambda_function.origin.qualified_arn is $LATEST, and CloudFront only replicates a numbered version; use qualified_arn with publish = true.',
          ...at(cloudfront.code, 'aws_lambda_function.origin.qualified_arn'),
        },
      ],
    },
    // A sibling that does not parse does not take the linted file's findings with it.
    { ...brokenSibling, errors: [{ messageId: 'notVersion', ...at(brokenSibling.code, 'aws_lambda_function.edge.arn') }] },
  ],
});

hclTester.run('infra-include-body-event (Terraform module across files)', includeBody as never, {
  valid: quiet(lambda, iam, cloudfront, providers),
  invalid: [
    // The dynamic association of cloudfront.tf iterates over local.response_functions: the option is written in locals.tf.
    { ...locals, errors: [{ messageId: 'responseEvent', ...valueAt(locals.code, 'include_body = ', 'true') }] },
    { ...brokenSibling, errors: [{ messageId: 'responseEvent', ...valueAt(brokenSibling.code, 'include_body = ', 'true') }] },
  ],
});

hclTester.run('infra-unique-event-type (Terraform module across files)', uniqueEventType as never, {
  // The default behavior's dynamic block over var.extra_functions is not followed: no duplicate there.
  valid: quiet(lambda, iam, locals, providers),
  invalid: [
    {
      ...cloudfront,
      errors: [
        {
          message:
            'The event type of a function association must be unique in the cache behavior. aws_cloudfront_distribution.site ordered_cache_behavior[0] (/img/*) already has a viewer-request function at line 54; merge the two into one function.',
          ...at(cloudfront.code, '"viewer-request"', 4),
        },
      ],
    },
  ],
});

/** One file (no module beside it) with a distribution built from dynamic blocks and for_each. */
const dynamicOne = (forEach: string, content: string[], extra: string[] = []) =>
  lines(
    'resource "aws_lambda_function" "edge" {',
    '  function_name = "edge"',
    '  runtime       = "nodejs22.x"',
    '  publish       = true',
    '}',
    ...extra,
    'resource "aws_cloudfront_distribution" "cdn" {',
    '  default_cache_behavior {',
    '    dynamic "lambda_function_association" {',
    `      for_each = ${forEach}`,
    '      content {',
    ...content.map((c) => `        ${c}`),
    '      }',
    '    }',
    '  }',
    '}',
  );
const byKey = dynamicOne('{ viewer-response = aws_lambda_function.edge.arn }', [
  'event_type   = lambda_function_association.key',
  'lambda_arn   = lambda_function_association.value',
  'include_body = true',
]);
const toSet = dynamicOne('toset(["origin-response"])', ['event_type   = lambda_function_association.value', 'lambda_arn   = aws_lambda_function.edge.qualified_arn', 'include_body = true']);
const templated = dynamicOne('[{ event = "viewer-request", arn = aws_lambda_function.edge.arn }]', ['event_type = "${lambda_function_association.value.event}"', 'lambda_arn = "${lambda_function_association.value["arn"]}"']);
hclTester.run('infra-versioned-arn (Terraform dynamic blocks)', versionedArn as never, {
  valid: [
    // Not statically readable: a variable, a condition, a for expression, a function of the element.
    { filename: 'main.tf', code: dynamicOne('var.associations', ['event_type = "viewer-request"', 'lambda_arn = aws_lambda_function.edge.arn']).replace('= aws_lambda_function.edge.arn', '= lambda_function_association.value') },
    { filename: 'main.tf', code: dynamicOne('var.on ? [1] : []', ['event_type = "viewer-request"', 'lambda_arn = lambda_function_association.value.arn']) },
    { filename: 'main.tf', code: dynamicOne('[for a in var.list : a]', ['event_type = lambda_function_association.value', 'lambda_arn = aws_lambda_function.edge.arn']) },
    {
      filename: 'main.tf',
      code: dynamicOne('[{ event = "viewer-request", arn = aws_lambda_function.edge.arn }]', ['event_type = "viewer-request"', 'lambda_arn = lookup(lambda_function_association.value, "arn", null)']),
    },
  ],
  invalid: [
    { filename: 'main.tf', code: byKey, errors: [{ messageId: 'notVersion', ...at(byKey, 'aws_lambda_function.edge.arn') }] },
    { filename: 'main.tf', code: templated, errors: [{ message: /^The function ARN must reference a specific function version\. aws_lambda_function\.edge\.arn is the function without a version/u, ...at(templated, 'aws_lambda_function.edge.arn') }] },
  ],
});

hclTester.run('infra-include-body-event (Terraform dynamic blocks)', includeBody as never, {
  valid: [{ filename: 'main.tf', code: toSet.replace('"origin-response"', '"origin-request"') }],
  invalid: [
    // A map key (bare) read as the event type.
    { filename: 'main.tf', code: byKey, errors: [{ message: /This association is viewer-response;/u, ...valueAt(byKey, 'include_body = ', 'true') }] },
    { filename: 'main.tf', code: toSet, errors: [{ messageId: 'responseEvent', ...valueAt(toSet, 'include_body = ', 'true') }] },
  ],
});

/** A distribution with its own for_each: each.value is the element of each instance. */
const perInstance = lines(
  'resource "aws_lambda_function" "edge" {',
  '  function_name = "edge"',
  '  runtime       = "nodejs22.x"',
  '}',
  'resource "aws_cloudfront_distribution" "cdn" {',
  '  for_each = {',
  '    site = { event = "viewer-request", arn = aws_lambda_function.edge.qualified_arn }',
  '    docs = { event = "origin-request", arn = aws_lambda_function.edge.qualified_arn }',
  '  }',
  '  default_cache_behavior {',
  '    lambda_function_association {',
  '      event_type = each.value.event',
  '      lambda_arn = each.value.arn',
  '    }',
  '  }',
  '}',
);
hclTester.run('infra-versioned-arn (Terraform resource for_each)', versionedArn as never, {
  valid: [{ filename: 'main.tf', code: perInstance.replace('runtime       = "nodejs22.x"', 'publish = true') }, { filename: 'main.tf', code: perInstance.replace(/for_each = \{[^]*?\n {2}\}/u, 'for_each = var.sites') }],
  invalid: [
    {
      filename: 'main.tf',
      code: perInstance,
      errors: [
        { messageId: 'notVersion', ...at(perInstance, 'aws_lambda_function.edge.qualified_arn', 1) },
        { messageId: 'notVersion', ...at(perInstance, 'aws_lambda_function.edge.qualified_arn', 2) },
      ],
    },
  ],
});
hclTester.run('infra-limits (Terraform resource for_each)', limits as never, {
  valid: [{ filename: 'main.tf', code: perInstance.replace('"viewer-request"', '"origin-request"') }],
  // Only the instance on a viewer event makes 10 s too long.
  invalid: [{ filename: 'main.tf', code: perInstance.replace('runtime       = "nodejs22.x"', 'timeout = 10'), errors: [{ messageId: 'timeout', line: 3, column: 13 }] }],
});

describe('the module is read from disk as it is now', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tf-module-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const config = [
    {
      files: ['**/*.tf'],
      plugins: { 'lambda-edge': { ...plugin, languages: { hcl: hclLanguage } } as never },
      language: 'lambda-edge/hcl',
      rules: { 'lambda-edge/infra-no-environment': 'error', 'lambda-edge/infra-versioned-arn': 'error' },
    },
  ] as Linter.Config[];
  const lambdaTf = lines('resource "aws_lambda_function" "edge" {', '  publish = true', '  environment {', '    variables = { A = "1" }', '  }', '}');
  const distribution = (event: string) =>
    lines(
      'resource "aws_cloudfront_distribution" "cdn" {',
      '  default_cache_behavior {',
      '    lambda_function_association {',
      `      event_type = "${event}"`,
      '      lambda_arn = aws_lambda_function.edge.qualified_arn',
      '    }',
      '  }',
      '}',
    );
  const lint = (name: string, text: string) => linter.verify(text, config, path.join(dir, name)).map((m) => `${m.line}:${m.column} ${m.ruleId ?? `fatal ${m.message}`}`);

  it('sees an edit of the sibling file (path + modification time)', () => {
    writeFileSync(path.join(dir, 'cloudfront.tf'), distribution('viewer-request'));
    expect(lint('lambda.tf', lambdaTf)).toEqual(['3:3 lambda-edge/infra-no-environment']);
    // The distribution is removed: the function is regional again.
    writeFileSync(path.join(dir, 'cloudfront.tf'), '# nothing\n');
    utimesSync(path.join(dir, 'cloudfront.tf'), new Date(), new Date(Date.now() + 5000));
    expect(lint('lambda.tf', lambdaTf)).toEqual([]);
  });

  it('a broken sibling: no crash, the linted file keeps what it can tell; the broken file has its parse error', () => {
    writeFileSync(path.join(dir, 'cloudfront.tf'), distribution('viewer-request'));
    utimesSync(path.join(dir, 'cloudfront.tf'), new Date(), new Date(Date.now() + 10_000));
    const broken = 'resource "aws_lambda_function" "edge" {\n  publish = \n}\n';
    writeFileSync(path.join(dir, 'lambda.tf'), broken);
    // qualified_arn of a function the module cannot read: unknown, not reported.
    expect(lint('cloudfront.tf', distribution('viewer-request'))).toEqual([]);
    expect(lint('cloudfront.tf', distribution('viewer-request').replace('qualified_arn', 'arn'))).toEqual(['5:20 lambda-edge/infra-versioned-arn']);
    expect(lint('lambda.tf', broken)).toEqual(['2:13 fatal Parsing error: Invalid expression: expected the start of an expression, but found the end of the line.']);
  });

  it('reads nothing from disk for a file that is not a .tf path', () => {
    writeFileSync(path.join(dir, 'cloudfront.tf'), distribution('viewer-request'));
    utimesSync(path.join(dir, 'cloudfront.tf'), new Date(), new Date(Date.now() + 15_000));
    const hcl = [{ ...config[0]!, files: ['**/*.hcl'] }] as Linter.Config[];
    expect(linter.verify(lambdaTf, hcl, path.join(dir, 'lambda.hcl'))).toEqual([]);
  });
});

const cffDynamic = (events: string) =>
  lines(
    'resource "aws_cloudfront_distribution" "cdn" {',
    '  default_cache_behavior {',
    '    dynamic "function_association" {',
    `      for_each = ${events}`,
    '      content {',
    '        event_type   = function_association.value',
    '        function_arn = aws_cloudfront_function.rewrite.arn',
    '      }',
    '    }',
    '    lambda_function_association {',
    '      event_type = "viewer-request"',
    '      lambda_arn = aws_lambda_function.edge.qualified_arn',
    '    }',
    '  }',
    '}',
  );
hclTester.run('infra-unique-event-type (Terraform dynamic function_association)', uniqueEventType as never, {
  // Origin events have no CloudFront Functions; a collection from a variable is not followed.
  valid: [{ filename: 'main.tf', code: cffDynamic('["origin-request"]') }, { filename: 'main.tf', code: cffDynamic('var.function_events') }],
  invalid: [
    {
      filename: 'main.tf',
      code: cffDynamic('["viewer-response"]'),
      errors: [{ message: /has a CloudFront Function on viewer-response \(line 4\) and this Lambda@Edge function on viewer-request;/u, ...at(cffDynamic('["viewer-response"]'), '"viewer-request"') }],
    },
  ],
});

/** infra-code-size: the archive in lambda.tf, the distribution in cloudfront.tf, 1.5 MB of random bytes zipped. */
const sizeRoot = mkdtempSync(path.join(tmpdir(), 'tf-module-size-'));
afterAll(() => rmSync(sizeRoot, { recursive: true, force: true }));
mkdirSync(path.join(sizeRoot, 'big'));
writeFileSync(path.join(sizeRoot, 'big', 'index.js'), 'exports.handler = async (e) => e.Records[0].cf.request;\n');
writeFileSync(path.join(sizeRoot, 'big', 'data.bin'), randomBytes(1_572_864));
mkdirSync(path.join(sizeRoot, 'infra'));
const sizeCloudfront = lines(
  'resource "aws_cloudfront_distribution" "cdn" {',
  '  default_cache_behavior {',
  '    lambda_function_association {',
  '      event_type = "viewer-request"',
  '      lambda_arn = aws_lambda_function.edge.qualified_arn',
  '    }',
  '  }',
  '}',
);
writeFileSync(path.join(sizeRoot, 'infra', 'cloudfront.tf'), sizeCloudfront);
const sizeLambda = lines(
  'data "archive_file" "edge" {',
  '  type        = "zip"',
  '  source_dir  = "${path.module}/../big"',
  '  output_path = "edge.zip"',
  '}',
  'resource "aws_lambda_function" "edge" {',
  '  handler  = "index.handler"',
  '  publish  = true',
  '  filename = data.archive_file.edge.output_path',
  '}',
);
hclTester.run('infra-code-size (Terraform module across files)', codeSize as never, {
  // The distribution's file: the archive is another file's, so nothing is measured there.
  valid: [{ filename: path.join(sizeRoot, 'infra', 'cloudfront.tf'), code: sizeCloudfront }],
  invalid: [
    {
      filename: path.join(sizeRoot, 'infra', 'lambda.tf'),
      code: sizeLambda,
      errors: [{ message: /aws_lambda_function\.edge \(viewer-request\) is zipped from \.\/\.\.\/big, whose 2 files/u, ...valueAt(sizeLambda, 'source_dir  = ', '"${path.module}/../big"') }],
    },
  ],
});
