import rule from '../../rules/infra-versioned-arn.js';
import { at, cdkStack, cdkTester, hclTester, jsonTester, lines, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const cdk = (version: string) =>
  cdkStack(
    [
      "    const edge = new lambda.Function(this, 'Edge', { runtime, handler: 'e.handler', code });",
      `    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: ${version}, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST }] } });`,
    ].join('\n'),
  );
cdkTester.run('infra-versioned-arn (CDK)', ruleModule, {
  valid: [cdk('edge.currentVersion'), cdk("new lambda.Version(this, 'V', { lambda: edge })")],
  invalid: [
    { code: cdk('edge.latestVersion'), errors: [{ messageId: 'notVersion', ...at(cdk('edge.latestVersion'), 'edge.latestVersion') }] },
    {
      code: cdk("lambda.Version.fromVersionArn(this, 'V', 'arn:aws:lambda:us-east-1:1:function:edge:$LATEST')"),
      errors: [
        {
          messageId: 'notVersion',
          ...at(cdk("lambda.Version.fromVersionArn(this, 'V', 'arn:aws:lambda:us-east-1:1:function:edge:$LATEST')"), "'arn:aws:lambda:us-east-1:1:function:edge:$LATEST'"),
        },
      ],
    },
  ],
});

const preExisting = (provider: string[]) =>
  lines(
    'service: edge',
    'provider:',
    '  name: aws',
    ...provider,
    'functions:',
    '  edge:',
    '    handler: edge.handler',
    '    events:',
    '      - preExistingCloudFront:',
    '          distributionId: E123',
    '          eventType: origin-request',
    "          pathPattern: '*'",
    '          includeBody: false',
  );
const unversioned = preExisting(['  versionFunctions: false']);
yamlTester.run('infra-versioned-arn (Serverless)', ruleModule, {
  valid: [
    { filename: 'serverless.yml', code: preExisting([]) },
    // The built-in event always publishes a version.
    {
      filename: 'serverless.yml',
      code: lines('service: edge', 'provider:', '  versionFunctions: false', 'functions:', '  edge:', '    handler: e.handler', '    events:', '      - cloudFront:', '          eventType: origin-request', '          origin: https://example.com'),
    },
  ],
  invalid: [{ filename: 'serverless.yml', code: unversioned, errors: [{ messageId: 'notVersion', ...at(unversioned, 'false') }] }],
});

const sam = (arn: string) => withSettings.sam([]).replace('!Ref Edge.Version', arn);
yamlTester.run('infra-versioned-arn (SAM / CloudFormation YAML)', ruleModule, {
  valid: [{ filename: 'template.yaml', code: sam('!Ref Edge.Version') }],
  invalid: [
    { filename: 'template.yaml', code: sam('!GetAtt Edge.Arn'), errors: [{ messageId: 'notVersion', ...at(sam('!GetAtt Edge.Arn'), '!GetAtt Edge.Arn') }] },
    { filename: 'template.yaml', code: sam('!Ref Edge'), errors: [{ messageId: 'notVersion', ...at(sam('!Ref Edge'), '!Ref Edge') }] },
    { filename: 'template.yaml', code: sam('!Ref Edge.Alias'), errors: [{ messageId: 'notVersion', ...at(sam('!Ref Edge.Alias'), '!Ref Edge.Alias') }] },
  ],
});

const cfn = (arn: unknown) => withSettings.cloudformation({}, 'viewer-request', arn);
const getAtt = cfn({ 'Fn::GetAtt': ['Edge', 'Arn'] });
const latest = cfn('arn:aws:lambda:us-east-1:123456789012:function:edge:$LATEST');
jsonTester.run('infra-versioned-arn (CloudFormation JSON)', ruleModule, {
  valid: [
    { filename: 'template.json', code: withSettings.cloudformation({}) },
    { filename: 'template.json', code: cfn('arn:aws:lambda:us-east-1:123456789012:function:edge:7') },
  ],
  invalid: [
    { filename: 'template.json', code: getAtt, errors: [{ messageId: 'notVersion', ...at(getAtt, '"LambdaFunctionARN"') }] },
    { filename: 'template.json', code: latest, errors: [{ messageId: 'notVersion', ...at(latest, '"arn:aws:lambda:us-east-1:123456789012:function:edge:$LATEST"') }] },
  ],
});

const tf = (arn: string, publish = true, extra: string[] = []) => {
  const code = withSettings.terraform(extra).replace('lambda_arn = aws_lambda_function.edge.qualified_arn', `lambda_arn = ${arn}`);
  return publish ? code : code.replace('  publish       = true\n', '');
};
const tfArn = tf('aws_lambda_function.edge.arn');
const tfLegacy = tf('"${aws_lambda_function.edge.arn}"');
const tfUnpublished = tf('aws_lambda_function.edge.qualified_arn', false);
const tfVersionBuilt = tf('"${aws_lambda_function.edge.arn}:${aws_lambda_function.edge.version}"', false);
const tfAlias = tf('aws_lambda_alias.live.arn', true, []).replace(
  'resource "aws_cloudfront_distribution"',
  'resource "aws_lambda_alias" "live" {\n  name             = "live"\n  function_name    = aws_lambda_function.edge.function_name\n  function_version = aws_lambda_function.edge.version\n}\nresource "aws_cloudfront_distribution"',
);
hclTester.run('infra-versioned-arn (Terraform)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraform([]) },
    { filename: 'main.tf', code: tf('"${aws_lambda_function.edge.arn}:${aws_lambda_function.edge.version}"') },
    { filename: 'main.tf', code: tf('"arn:aws:lambda:us-east-1:123456789012:function:edge:7"') },
    { filename: 'main.tf', code: tf('"${aws_lambda_function.edge.qualified_arn}"') },
    // Not in this file, or publish from a variable: unknown, not reported.
    { filename: 'main.tf', code: tf('var.edge_arn') },
    { filename: 'main.tf', code: tf('aws_lambda_function.edge.qualified_arn').replace('publish       = true', 'publish       = var.publish') },
  ],
  invalid: [
    {
      filename: 'main.tf',
      code: tfArn,
      errors: [
        {
          message:
            'The function ARN must reference a specific function version. aws_lambda_function.edge.arn is the function without a version, and CloudFront only replicates a numbered version; use qualified_arn with publish = true.',
          ...at(tfArn, 'aws_lambda_function.edge.arn'),
        },
      ],
    },
    {
      filename: 'main.tf',
      code: tfLegacy,
      errors: [{ message: /"\$\{aws_lambda_function\.edge\.arn\}" is the function without a version/u, ...at(tfLegacy, '"${aws_lambda_function.edge.arn}"') }],
    },
    { filename: 'main.tf', code: tfUnpublished, errors: [{ messageId: 'notVersion', ...at(tfUnpublished, 'aws_lambda_function.edge.qualified_arn') }] },
    {
      filename: 'main.tf',
      code: tfVersionBuilt,
      errors: [{ messageId: 'notVersion', ...at(tfVersionBuilt, '"${aws_lambda_function.edge.arn}:${aws_lambda_function.edge.version}"') }],
    },
    {
      filename: 'main.tf',
      code: tfAlias,
      errors: [{ message: /aws_lambda_alias\.live\.arn is an alias/u, ...at(tfAlias, 'aws_lambda_alias.live.arn') }],
    },
  ],
});

const moduleArn = withSettings.terraformModule([], 'viewer-request', 'lambda_function_arn');
const moduleUnpublished = withSettings.terraformModule([]).replace('lambda_at_edge = true', 'lambda_at_edge = false');
hclTester.run('infra-versioned-arn (Terraform, terraform-aws-modules/lambda)', ruleModule, {
  // lambda_at_edge = true makes the module publish a version.
  valid: [{ filename: 'main.tf', code: withSettings.terraformModule([]) }],
  invalid: [
    {
      filename: 'main.tf',
      code: moduleArn,
      errors: [
        {
          message:
            'The function ARN must reference a specific function version. module.edge.lambda_function_arn is the function without a version, and CloudFront only replicates a numbered version; use module.edge.lambda_function_qualified_arn with lambda_at_edge = true.',
          ...at(moduleArn, 'module.edge.lambda_function_arn'),
        },
      ],
    },
    {
      filename: 'main.tf',
      code: moduleUnpublished,
      errors: [{ messageId: 'notVersion', ...at(moduleUnpublished, 'module.edge.lambda_function_qualified_arn') }],
    },
  ],
});
