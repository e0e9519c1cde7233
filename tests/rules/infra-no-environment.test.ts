import rule from '../../rules/infra-no-environment.js';
import { at, cdkStack, cdkTester, hclTester, jsonTester, lines, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const distribution = (version: string) =>
  `    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: ${version}, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST }] } });`;

cdkTester.run('infra-no-environment (CDK)', ruleModule, {
  valid: [
    // A regional function beside the edge function may have environment variables.
    cdkStack(
      [
        "    const api = new lambda.Function(this, 'Api', { runtime, handler: 'a.handler', code, environment: { TABLE: 't' } });",
        "    const edge = new cloudfront.experimental.EdgeFunction(this, 'Edge', { runtime, handler: 'e.handler', code });",
        distribution('edge.currentVersion'),
      ].join('\n'),
    ),
    // removeInEdge: CDK drops the variable from the edge function.
    cdkStack(
      [
        "    const edge = new lambda.Function(this, 'Edge', { runtime, handler: 'e.handler', code });",
        "    edge.addEnvironment('STAGE', 'prod', { removeInEdge: true });",
        distribution('edge.currentVersion'),
      ].join('\n'),
    ),
    // No distribution at all.
    cdkStack("    new lambda.Function(this, 'Api', { runtime, handler: 'a.handler', code, environment: { A: 'b' } });"),
  ],
  invalid: [
    {
      code: cdkStack(
        [
          "    const edge = new cloudfront.experimental.EdgeFunction(this, 'Edge', {",
          "      runtime, handler: 'e.handler', code,",
          "      environment: { STAGE: 'prod' },",
          '    });',
          distribution('edge.currentVersion'),
        ].join('\n'),
      ),
      errors: [{ messageId: 'environment', line: 9, column: 7, endLine: 9, endColumn: 18 }],
    },
    {
      code: cdkStack(
        [
          "    const edge = new lambda.Function(this, 'Edge', { runtime, handler: 'e.handler', code });",
          "    edge.addEnvironment('STAGE', 'prod');",
          distribution('edge.currentVersion'),
        ].join('\n'),
      ),
      errors: [{ messageId: 'environment', line: 8, column: 5, endLine: 8, endColumn: 41 }],
    },
  ],
});

const serverless = (events: string[], own: string[] = []) =>
  lines(
    'service: edge',
    'provider:',
    '  name: aws',
    '  environment:',
    '    STAGE: prod',
    'functions:',
    '  api:',
    '    handler: api.handler',
    '  edge:',
    '    handler: edge.handler',
    ...own,
    ...events,
  );

yamlTester.run('infra-no-environment (Serverless)', ruleModule, {
  valid: [
    {
      // No Lambda@Edge function: the inherited environment is only the regional function's.
      filename: 'serverless.yml',
      code: lines('service: api', 'provider:', '  environment:', '    STAGE: prod', 'functions:', '  api:', '    handler: api.handler'),
    },
    {
      filename: 'serverless.yml',
      code: lines(
        'service: edge',
        'provider:',
        '  name: aws',
        'functions:',
        '  api:',
        '    handler: api.handler',
        '    environment:',
        '      TABLE: t',
        '  edge:',
        '    handler: edge.handler',
        '    events:',
        '      - cloudFront:',
        '          eventType: viewer-request',
        '          origin: https://example.com',
      ),
    },
  ],
  invalid: [
    {
      // serverless-lambda-edge-pre-existing-cloudfront keeps the variables: CloudFront rejects them.
      filename: 'serverless.yml',
      code: serverless([
        '    events:',
        '      - preExistingCloudFront:',
        '          distributionId: E123',
        '          eventType: viewer-request',
        "          pathPattern: '*'",
        '          includeBody: false',
      ]),
      errors: [{ messageId: 'environment', line: 4, column: 3, endLine: 4, endColumn: 14 }],
    },
    {
      // The built-in event deletes them: the code's process.env reads get undefined.
      filename: 'serverless.yml',
      code: serverless(['    events:', '      - cloudFront:', '          eventType: origin-request', '          origin: s3://bucket.s3.amazonaws.com'], [
        '    environment:',
        '      TOKEN: x',
      ]),
      errors: [{ messageId: 'stripped', line: 11, column: 5, endLine: 11, endColumn: 16 }],
    },
  ],
});

yamlTester.run('infra-no-environment (SAM)', ruleModule, {
  valid: [
    {
      filename: 'template.yaml',
      code: lines(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Api:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: api.handler',
        '      Environment:',
        '        Variables:',
        '          TABLE: t',
        '  Edge:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: edge.handler',
        '      AutoPublishAlias: live',
        '  Cdn:',
        '    Type: AWS::CloudFront::Distribution',
        '    Properties:',
        '      DistributionConfig:',
        '        DefaultCacheBehavior:',
        '          LambdaFunctionAssociations:',
        '            - EventType: origin-request',
        '              LambdaFunctionARN: !Ref Edge.Version',
      ),
    },
  ],
  invalid: [
    {
      filename: 'template.yaml',
      code: lines(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Environment:',
        '      Variables:',
        '        STAGE: prod',
        'Resources:',
        '  Edge:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: edge.handler',
        '      AutoPublishAlias: live',
        '  Cdn:',
        '    Type: AWS::CloudFront::Distribution',
        '    Properties:',
        '      DistributionConfig:',
        '        DefaultCacheBehavior:',
        '          LambdaFunctionAssociations:',
        '            - EventType: origin-request',
        '              LambdaFunctionARN: !Ref Edge.Version',
      ),
      errors: [{ messageId: 'environment', line: 4, column: 5, endLine: 4, endColumn: 16 }],
    },
  ],
});

const cfn = (environment: string) =>
  JSON.stringify(
    {
      Resources: {
        Edge: {
          Type: 'AWS::Lambda::Function',
          Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Code: 'edge', ...JSON.parse(environment) },
        },
        EdgeVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Edge' } } },
        Cdn: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: {
            DistributionConfig: {
              DefaultCacheBehavior: {
                LambdaFunctionAssociations: [{ EventType: 'viewer-request', LambdaFunctionARN: { Ref: 'EdgeVersion' } }],
              },
            },
          },
        },
      },
    },
    null,
    2,
  );

jsonTester.run('infra-no-environment (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: 'template.json', code: cfn('{}') }],
  invalid: [
    {
      filename: 'template.json',
      code: cfn('{ "Environment": { "Variables": { "STAGE": "prod" } } }'),
      errors: [{ messageId: 'environment', line: 9, column: 9, endLine: 9, endColumn: 22 }],
    },
  ],
});

const tfEnv = withSettings.terraform(['environment {', '  variables = { STAGE = "prod", TABLE = var.table }', '}']);
hclTester.run('infra-no-environment (Terraform)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraform([]) },
    // An empty map sets nothing; a map from a variable is not read.
    { filename: 'main.tf', code: withSettings.terraform(['environment {', '  variables = {}', '}']) },
    { filename: 'main.tf', code: withSettings.terraform(['environment {', '  variables = var.env', '}']) },
  ],
  invalid: [
    {
      filename: 'main.tf',
      code: tfEnv,
      errors: [
        {
          message:
            'The function cannot have environment variables. CloudFront rejects the association of aws_lambda_function.edge (viewer-request): environment sets STAGE, TABLE. Bundle the values with the code or read them at run time (SSM Parameter Store, Secrets Manager).',
          ...at(tfEnv, 'environment', 2),
        },
      ],
    },
  ],
});

const moduleEnv = withSettings.terraformModule(['environment_variables = {', '  STAGE = "prod"', '}']);
hclTester.run('infra-no-environment (Terraform, terraform-aws-modules/lambda)', ruleModule, {
  valid: [{ filename: 'main.tf', code: withSettings.terraformModule(['environment_variables = {}']) }],
  invalid: [
    {
      // The module passes environment_variables through even with lambda_at_edge = true.
      filename: 'main.tf',
      code: moduleEnv,
      errors: [
        {
          message:
            'The function cannot have environment variables. CloudFront rejects the association of module.edge (viewer-request): environment sets STAGE. Bundle the values with the code or read them at run time (SSM Parameter Store, Secrets Manager).',
          ...at(moduleEnv, 'environment_variables', 2),
        },
      ],
    },
  ],
});
