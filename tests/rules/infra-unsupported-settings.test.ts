import rule from '../../rules/infra-unsupported-settings.js';
import { at, cdkTester, hclTester, jsonTester, lines, valueAt, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const cdkLayers = withSettings.cdk('layers: [layer]');
const cdkVpc = withSettings.cdk('vpc');
const cdkArm = withSettings.cdk('architecture: lambda.Architecture.ARM_64');
const cdkInsights = withSettings.cdk('insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_229_0');
cdkTester.run('infra-unsupported-settings (CDK)', ruleModule, {
  valid: [withSettings.cdk('architecture: lambda.Architecture.X86_64, layers: []')],
  invalid: [
    { code: cdkLayers, errors: [{ messageId: 'layer', ...at(cdkLayers, 'layers', 2) }] },
    { code: cdkVpc, errors: [{ messageId: 'vpc', ...at(cdkVpc, 'vpc', 2) }] },
    { code: cdkArm, errors: [{ messageId: 'arm64', ...at(cdkArm, 'lambda.Architecture.ARM_64', 2) }] },
    // Lambda Insights is a layer.
    { code: cdkInsights, errors: [{ messageId: 'layer', ...at(cdkInsights, 'lambda.LambdaInsightsVersion.VERSION_1_0_229_0', 2) }] },
  ],
});

const slsLayers = withSettings.serverless(['layers:', '  - arn:aws:lambda:us-east-1:1:layer:x:1']);
const slsArm = withSettings.serverless([], 'origin-request', ['  architecture: arm64']);
const slsNativeVpc = lines(
  'service: edge',
  'provider:',
  '  name: aws',
  '  vpc:',
  '    securityGroupIds: [sg-1]',
  'functions:',
  '  edge:',
  '    handler: edge.handler',
  '    events:',
  '      - cloudFront:',
  '          eventType: origin-request',
  '          origin: https://example.com',
);
yamlTester.run('infra-unsupported-settings (Serverless)', ruleModule, {
  valid: [{ filename: 'serverless.yml', code: withSettings.serverless(['architecture: x86_64']) }],
  invalid: [
    { filename: 'serverless.yml', code: slsLayers, errors: [{ messageId: 'layer', ...at(slsLayers, 'layers', 2) }] },
    { filename: 'serverless.yml', code: slsArm, errors: [{ messageId: 'arm64', ...valueAt(slsArm, 'architecture: ', 'arm64') }] },
    // The built-in event deletes the VPC configuration: a warning that the function loses it.
    { filename: 'serverless.yml', code: slsNativeVpc, errors: [{ messageId: 'strippedVpc', ...at(slsNativeVpc, 'vpc') }] },
  ],
});

const samVpc = withSettings.sam(['VpcConfig:', '  SubnetIds: [subnet-1]']);
const samArm = withSettings.sam([], 'viewer-request', ['Architectures: [arm64]']);
yamlTester.run('infra-unsupported-settings (SAM)', ruleModule, {
  valid: [{ filename: 'template.yaml', code: withSettings.sam(['Architectures: [x86_64]']) }],
  invalid: [
    { filename: 'template.yaml', code: samVpc, errors: [{ messageId: 'vpc', ...at(samVpc, 'VpcConfig', 2) }] },
    { filename: 'template.yaml', code: samArm, errors: [{ messageId: 'arm64', ...at(samArm, 'arm64') }] },
  ],
});

const cfnLayers = withSettings.cloudformation({ Layers: ['arn:aws:lambda:us-east-1:1:layer:x:1'] });
jsonTester.run('infra-unsupported-settings (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: 'template.json', code: withSettings.cloudformation({ Layers: [] }) }],
  invalid: [{ filename: 'template.json', code: cfnLayers, errors: [{ messageId: 'layer', ...at(cfnLayers, '"Layers"', 2) }] }],
});

const tfSettings = withSettings.terraform([
  'layers        = ["arn:aws:lambda:us-east-1:123456789012:layer:x:1"]',
  'architectures = ["arm64"]',
  'vpc_config {',
  '  subnet_ids         = ["subnet-1"]',
  '  security_group_ids = ["sg-1"]',
  '}',
]);
hclTester.run('infra-unsupported-settings (Terraform)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraform(['layers        = []', 'architectures = ["x86_64"]']) },
    { filename: 'main.tf', code: withSettings.terraform(['layers        = var.layers']) },
    // Empty subnet and security group lists: no VPC.
    { filename: 'main.tf', code: withSettings.terraform(['vpc_config {', '  subnet_ids         = []', '  security_group_ids = []', '}']) },
  ],
  invalid: [
    {
      filename: 'main.tf',
      code: tfSettings,
      errors: [
        { messageId: 'layer', ...at(tfSettings, 'layers', 2) },
        {
          message:
            'Lambda@Edge does not support functions with an architecture of arm64. aws_lambda_function.edge (viewer-request) is arm64; use x86_64.',
          ...at(tfSettings, '"arm64"', 2),
        },
        { messageId: 'vpc', ...at(tfSettings, 'vpc_config', 2) },
      ],
    },
  ],
});

const moduleSettings = withSettings.terraformModule(['layers                 = ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"]', 'vpc_subnet_ids         = ["subnet-1"]', 'architectures          = ["arm64"]']);
hclTester.run('infra-unsupported-settings (Terraform, terraform-aws-modules/lambda)', ruleModule, {
  valid: [{ filename: 'main.tf', code: withSettings.terraformModule(['layers         = []', 'vpc_subnet_ids = []', 'architectures  = ["x86_64"]']) }],
  invalid: [
    {
      filename: 'main.tf',
      code: moduleSettings,
      errors: [
        { messageId: 'layer', ...at(moduleSettings, 'layers', 2) },
        { messageId: 'vpc', ...at(moduleSettings, 'vpc_subnet_ids', 2) },
        { messageId: 'arm64', ...at(moduleSettings, '"arm64"', 2) },
      ],
    },
  ],
});
