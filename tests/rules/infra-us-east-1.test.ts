import rule from '../../rules/infra-us-east-1.js';
import { at, cdkStack, cdkTester, hclTester, jsonTester, lines, valueAt, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const cdk = (construct: string, region: string) =>
  cdkStack(
    [
      `    const edge = new ${construct}(this, 'Edge', { runtime, handler: 'e.handler', code });`,
      "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: edge.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST }] } });",
    ].join('\n'),
    `new EdgeStack(new cdk.App(), 'Site', { env: { region: '${region}' } });`,
  );
const cdkWrong = cdk('lambda.Function', 'eu-west-1');
cdkTester.run('infra-us-east-1 (CDK)', ruleModule, {
  valid: [
    cdk('lambda.Function', 'us-east-1'),
    // EdgeFunction creates its own us-east-1 stack.
    cdk('cloudfront.experimental.EdgeFunction', 'eu-west-1'),
    // A regional function in another region is fine.
    cdkStack("    new lambda.Function(this, 'Api', { runtime, handler: 'a.handler', code });", "new EdgeStack(new cdk.App(), 'Site', { env: { region: 'eu-west-1' } });"),
  ],
  invalid: [{ code: cdkWrong, errors: [{ messageId: 'region', ...at(cdkWrong, "'eu-west-1'") }] }],
});

const sls = withSettings.serverless([], 'viewer-request', ['  region: eu-central-1']);
yamlTester.run('infra-us-east-1 (Serverless)', ruleModule, {
  valid: [
    { filename: 'serverless.yml', code: withSettings.serverless([], 'viewer-request', ['  region: us-east-1']) },
    { filename: 'serverless.yml', code: withSettings.serverless([], 'viewer-request', ['  region: ${opt:region}']) },
    { filename: 'serverless.yml', code: lines('service: api', 'provider:', '  region: eu-central-1', 'functions:', '  api:', '    handler: a.handler') },
  ],
  invalid: [{ filename: 'serverless.yml', code: sls, errors: [{ messageId: 'region', ...valueAt(sls, 'region: ', 'eu-central-1') }] }],
});

const samLiteral = withSettings.sam([]).replace('!Ref Edge.Version', 'arn:aws:lambda:eu-west-1:123456789012:function:edge:3');
yamlTester.run('infra-us-east-1 (SAM / CloudFormation YAML)', ruleModule, {
  valid: [{ filename: 'template.yaml', code: withSettings.sam([]).replace('!Ref Edge.Version', 'arn:aws:lambda:us-east-1:123456789012:function:edge:3') }],
  invalid: [
    {
      filename: 'template.yaml',
      code: samLiteral,
      errors: [{ messageId: 'region', ...at(samLiteral, 'arn:aws:lambda:eu-west-1:123456789012:function:edge:3') }],
    },
  ],
});

const cfn = withSettings.cloudformation({}, 'origin-request', 'arn:aws:lambda:ap-south-1:123456789012:function:edge:1');
jsonTester.run('infra-us-east-1 (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: 'template.json', code: withSettings.cloudformation({}) }],
  invalid: [{ filename: 'template.json', code: cfn, errors: [{ messageId: 'region', ...at(cfn, '"arn:aws:lambda:ap-south-1:123456789012:function:edge:1"') }] }],
});

const tfAliased = withSettings.terraform(['provider      = aws.eu']).replace(
  'resource "aws_iam_role"',
  'provider "aws" {\n  alias  = "eu"\n  region = "eu-west-1"\n}\nresource "aws_iam_role"',
);
const tfDefault = withSettings.terraform([]).replace('region = "us-east-1"', 'region = "eu-central-1"');
const tfOwn = withSettings.terraform(['region        = "ap-south-1"']);
hclTester.run('infra-us-east-1 (Terraform)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraform([]) },
    { filename: 'main.tf', code: tfAliased.replace('region = "eu-west-1"', 'region = "us-east-1"') },
    // A region from a variable, or a provider not in this file: unknown.
    { filename: 'main.tf', code: withSettings.terraform([]).replace('region = "us-east-1"', 'region = var.region') },
    { filename: 'main.tf', code: withSettings.terraform(['provider      = aws.edge']) },
    // A regional function in another region is fine.
    { filename: 'main.tf', code: tfDefault.replace(/resource "aws_cloudfront_distribution"[^]*$/u, '') },
  ],
  invalid: [
    {
      filename: 'main.tf',
      code: tfAliased,
      errors: [
        {
          message:
            "The function must be in region 'us-east-1'. aws_lambda_function.edge (viewer-request) is in eu-west-1 (provider aws.eu); CloudFront replicates Lambda@Edge functions from US East (N. Virginia) only. To fix: create the function with a provider for us-east-1.",
          ...at(tfAliased, 'aws.eu', 2),
        },
      ],
    },
    { filename: 'main.tf', code: tfDefault, errors: [{ messageId: 'region', ...at(tfDefault, '"eu-central-1"') }] },
    { filename: 'main.tf', code: tfOwn, errors: [{ messageId: 'region', ...at(tfOwn, '"ap-south-1"', 2) }] },
  ],
});
