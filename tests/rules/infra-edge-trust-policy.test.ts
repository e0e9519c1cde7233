import rule from '../../rules/infra-edge-trust-policy.js';
import { at, cdkStack, cdkTester, hclTester, jsonTester, lines, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const role = (services: string) => [
  '    EdgeRole:',
  '      Type: AWS::IAM::Role',
  '      Properties:',
  '        AssumeRolePolicyDocument:',
  '          Statement:',
  '            - Effect: Allow',
  `              Principal: { Service: ${services} }`,
  '              Action: sts:AssumeRole',
];
const sls = (services: string, roleRef = 'EdgeRole') =>
  lines(
    'service: edge',
    'provider:',
    '  name: aws',
    'functions:',
    '  edge:',
    '    handler: edge.handler',
    `    role: ${roleRef}`,
    '    lambdaAtEdge:',
    '      distribution: WebsiteDistribution',
    '      eventType: viewer-request',
    'resources:',
    '  Resources:',
    ...role(services),
  );
yamlTester.run('infra-edge-trust-policy (Serverless)', ruleModule, {
  valid: [
    { filename: 'serverless.yml', code: sls('[lambda.amazonaws.com, edgelambda.amazonaws.com]') },
    // The default role: the plugin adds edgelambda.amazonaws.com.
    { filename: 'serverless.yml', code: withSettings.serverless([]) },
    // A role defined elsewhere cannot be checked.
    { filename: 'serverless.yml', code: sls('[lambda.amazonaws.com]', 'arn:aws:iam::1:role/other') },
  ],
  invalid: [{ filename: 'serverless.yml', code: sls('lambda.amazonaws.com'), errors: [{ messageId: 'untrusted', ...at(sls('lambda.amazonaws.com'), 'AssumeRolePolicyDocument') }] }],
});

const samDefault = withSettings.sam([]).replace(/ {6}AssumeRolePolicyDocument:\n(?: {8,}.*\n)+/, '');
const cfnYaml = (services: string) =>
  lines(
    'Resources:',
    '  Edge:',
    '    Type: AWS::Lambda::Function',
    '    Properties:',
    '      Handler: index.handler',
    '      Role: !GetAtt EdgeRole.Arn',
    '      Code: src',
    '  EdgeVersion:',
    '    Type: AWS::Lambda::Version',
    '    Properties:',
    '      FunctionName: !Ref Edge',
    ...role(services).map((l) => l.slice(2)),
    '  Cdn:',
    '    Type: AWS::CloudFront::Distribution',
    '    Properties:',
    '      DistributionConfig:',
    '        DefaultCacheBehavior:',
    '          LambdaFunctionAssociations:',
    '            - EventType: origin-response',
    '              LambdaFunctionARN: !Ref EdgeVersion',
  );
yamlTester.run('infra-edge-trust-policy (SAM / CloudFormation YAML)', ruleModule, {
  valid: [
    // withSettings.sam sets AssumeRolePolicyDocument with both principals.
    { filename: 'template.yaml', code: withSettings.sam([]) },
    { filename: 'template.yaml', code: cfnYaml('[lambda.amazonaws.com, edgelambda.amazonaws.com]') },
  ],
  invalid: [
    // SAM's generated role trusts lambda.amazonaws.com only.
    { filename: 'template.yaml', code: samDefault, errors: [{ messageId: 'generatedRole', ...at(samDefault, 'Edge:'), endColumn: at(samDefault, 'Edge:').endColumn - 1 }] },
    { filename: 'template.yaml', code: cfnYaml('lambda.amazonaws.com'), errors: [{ messageId: 'untrusted', ...at(cfnYaml('lambda.amazonaws.com'), 'AssumeRolePolicyDocument') }] },
  ],
});

const cfnJson = (services: string[]) =>
  JSON.stringify(
    {
      Resources: {
        Edge: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'i.handler', Code: 'src', Role: { 'Fn::GetAtt': ['EdgeRole', 'Arn'] } } },
        EdgeRole: {
          Type: 'AWS::IAM::Role',
          Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: services }, Action: 'sts:AssumeRole' }] } },
        },
        EdgeVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Edge' } } },
        Cdn: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: { DistributionConfig: { DefaultCacheBehavior: { LambdaFunctionAssociations: [{ EventType: 'viewer-request', LambdaFunctionARN: { Ref: 'EdgeVersion' } }] } } },
        },
      },
    },
    null,
    2,
  );
jsonTester.run('infra-edge-trust-policy (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: 'template.json', code: cfnJson(['lambda.amazonaws.com', 'edgelambda.amazonaws.com']) }],
  invalid: [{ filename: 'template.json', code: cfnJson(['lambda.amazonaws.com']), errors: [{ messageId: 'untrusted', ...at(cfnJson(['lambda.amazonaws.com']), '"AssumeRolePolicyDocument"') }] }],
});

// CDK adds edgelambda.amazonaws.com to an iam.Role used by an edge function itself, and a role
// imported by ARN is not in the file: nothing to report.
cdkTester.run('infra-edge-trust-policy (CDK)', ruleModule, {
  valid: [
    cdkStack(
      [
        "    const role = new iam.Role(this, 'R', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });",
        "    const edge = new cloudfront.experimental.EdgeFunction(this, 'Edge', { runtime, handler: 'e.handler', code, role });",
        "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: edge.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST }] } });",
      ].join('\n'),
    ),
  ],
  invalid: [],
});

const tfLambdaOnly = withSettings.terraform([]).replace('["lambda.amazonaws.com", "edgelambda.amazonaws.com"]', '"lambda.amazonaws.com"');
const tfDocument = (identifiers: string) =>
  withSettings
    .terraform([])
    .replace(/assume_role_policy = jsonencode\(\{[^]*?\n {2}\}\)/u, 'assume_role_policy = data.aws_iam_policy_document.assume.json')
    .replace(
      'resource "aws_iam_role"',
      [
        'data "aws_iam_policy_document" "assume" {',
        '  statement {',
        '    actions = ["sts:AssumeRole"]',
        '    principals {',
        '      type        = "Service"',
        `      identifiers = ${identifiers}`,
        '    }',
        '  }',
        '}',
        'resource "aws_iam_role"',
      ].join('\n'),
    );
const tfHeredoc = (services: string) =>
  withSettings
    .terraform([])
    .replace(
      /assume_role_policy = jsonencode\(\{[^]*?\n {2}\}\)/u,
      `assume_role_policy = <<-EOF\n    {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ${services}}}]}\n  EOF`,
    );
const tfDocumentLambdaOnly = tfDocument('["lambda.amazonaws.com"]');
const tfHeredocLambdaOnly = tfHeredoc('"lambda.amazonaws.com"');
hclTester.run('infra-edge-trust-policy (Terraform)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraform([]) },
    { filename: 'main.tf', code: tfDocument('["lambda.amazonaws.com", "edgelambda.amazonaws.com"]') },
    { filename: 'main.tf', code: tfHeredoc('["lambda.amazonaws.com", "edgelambda.amazonaws.com"]') },
    // Identifiers from a variable, or a role of another file: unknown.
    { filename: 'main.tf', code: tfDocument('var.principals') },
    { filename: 'main.tf', code: tfLambdaOnly.replaceAll('role          = aws_iam_role.edge.arn', 'role          = var.role_arn') },
  ],
  invalid: [
    {
      filename: 'main.tf',
      code: tfLambdaOnly,
      errors: [
        {
          message:
            'The function execution role must be assumable with edgelambda.amazonaws.com as well as lambda.amazonaws.com principals. The trust policy of aws_iam_role.edge, the role of aws_lambda_function.edge (viewer-request), does not name edgelambda.amazonaws.com; add it to Principal.Service.',
          ...at(tfLambdaOnly, 'assume_role_policy'),
        },
      ],
    },
    { filename: 'main.tf', code: tfDocumentLambdaOnly, errors: [{ messageId: 'untrusted', ...at(tfDocumentLambdaOnly, 'assume_role_policy') }] },
    { filename: 'main.tf', code: tfHeredocLambdaOnly, errors: [{ messageId: 'untrusted', ...at(tfHeredocLambdaOnly, 'assume_role_policy') }] },
  ],
});
