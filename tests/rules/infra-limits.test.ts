import rule from '../../rules/infra-limits.js';
import { at, cdkTester, hclTester, jsonTester, valueAt, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const cdkTimeout = withSettings.cdk('timeout: cdk.Duration.seconds(10)');
const cdkMemory = withSettings.cdk('memorySize: 512');
cdkTester.run('infra-limits (CDK)', ruleModule, {
  valid: [
    withSettings.cdk('timeout: cdk.Duration.seconds(5), memorySize: 128'),
    // Origin events allow 30 s and more memory.
    withSettings.cdk('timeout: cdk.Duration.seconds(30), memorySize: 2048', 'origin-request'),
  ],
  invalid: [
    { code: cdkTimeout, errors: [{ messageId: 'timeout', ...at(cdkTimeout, 'cdk.Duration.seconds(10)', 2) }] },
    { code: cdkMemory, errors: [{ messageId: 'memory', ...at(cdkMemory, '512', 2) }] },
    {
      code: withSettings.cdk('timeout: cdk.Duration.minutes(1)', 'origin-response'),
      errors: [{ messageId: 'timeout', ...at(withSettings.cdk('timeout: cdk.Duration.minutes(1)', 'origin-response'), 'cdk.Duration.minutes(1)', 2) }],
    },
  ],
});

const slsTimeout = withSettings.serverless(['timeout: 10', 'memorySize: 128']);
const slsProvider = withSettings.serverless([], 'viewer-request', ['  timeout: 5', '  memorySize: 1024']);
const slsDefaults = withSettings.serverless([], 'viewer-request');
yamlTester.run('infra-limits (Serverless)', ruleModule, {
  valid: [
    { filename: 'serverless.yml', code: withSettings.serverless(['timeout: 5', 'memorySize: 128']) },
    { filename: 'serverless.yml', code: withSettings.serverless(['timeout: 30', 'memorySize: 3008'], 'origin-request') },
  ],
  invalid: [
    { filename: 'serverless.yml', code: slsTimeout, errors: [{ messageId: 'timeout', ...valueAt(slsTimeout, 'timeout: ', '10', 2) }] },
    {
      // Inherited from provider: reported once, on the provider's line.
      filename: 'serverless.yml',
      code: slsProvider,
      errors: [{ messageId: 'memory', ...valueAt(slsProvider, 'memorySize: ', '1024') }],
    },
    {
      // The plugin keeps Serverless' defaults (6 s, 1024 MB): reported on the event type.
      filename: 'serverless.yml',
      code: slsDefaults,
      errors: [
        { messageId: 'timeout', ...valueAt(slsDefaults, 'eventType: ', 'viewer-request') },
        { messageId: 'memory', ...valueAt(slsDefaults, 'eventType: ', 'viewer-request') },
      ],
    },
  ],
});

const samTimeout = withSettings.sam(['Timeout: 30']);
const samGlobals = withSettings.sam([], 'viewer-response', ['MemorySize: 256']);
yamlTester.run('infra-limits (SAM)', ruleModule, {
  valid: [
    { filename: 'template.yaml', code: withSettings.sam(['Timeout: 5', 'MemorySize: 128']) },
    { filename: 'template.yaml', code: withSettings.sam(['Timeout: 30'], 'origin-request') },
  ],
  invalid: [
    { filename: 'template.yaml', code: samTimeout, errors: [{ messageId: 'timeout', ...valueAt(samTimeout, 'Timeout: ', '30', 2) }] },
    { filename: 'template.yaml', code: samGlobals, errors: [{ messageId: 'memory', ...valueAt(samGlobals, 'MemorySize: ', '256') }] },
  ],
});

const cfnTimeout = withSettings.cloudformation({ Timeout: 31 }, 'origin-request');
jsonTester.run('infra-limits (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: 'template.json', code: withSettings.cloudformation({ Timeout: 30, MemorySize: 1024 }, 'origin-request') }],
  invalid: [{ filename: 'template.json', code: cfnTimeout, errors: [{ messageId: 'timeout', ...valueAt(cfnTimeout, '"Timeout": ', '31', 2) }] }],
});

const tfTimeout = withSettings.terraform(['timeout = 10', 'memory_size = 256']);
const tfOrigin = withSettings.terraform(['timeout = 60'], 'origin-request');
hclTester.run('infra-limits (Terraform)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraform(['timeout = 5', 'memory_size = 128']) },
    { filename: 'main.tf', code: withSettings.terraform(['timeout = 30', 'memory_size = 1024'], 'origin-request') },
    // A variable is not read: nothing is guessed.
    { filename: 'main.tf', code: withSettings.terraform(['timeout = var.timeout']) },
  ],
  invalid: [
    {
      filename: 'main.tf',
      code: tfTimeout,
      errors: [
        {
          message:
            'The function timeout is larger than the maximum allowed for functions that are triggered by a CloudFront event: 10 Max allowed: 5. aws_lambda_function.edge (viewer-request) has a 10 s timeout; viewer events allow 5 s, so set it to 5 or less.',
          ...valueAt(tfTimeout, 'timeout = ', '10', 2),
        },
        { messageId: 'memory', ...valueAt(tfTimeout, 'memory_size = ', '256', 2) },
      ],
    },
    { filename: 'main.tf', code: tfOrigin, errors: [{ messageId: 'timeout', ...valueAt(tfOrigin, 'timeout = ', '60', 2) }] },
  ],
});

const moduleTimeout = withSettings.terraformModule(['timeout = 10', 'memory_size = 256']);
hclTester.run('infra-limits (Terraform, terraform-aws-modules/lambda)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraformModule(['timeout = 5', 'memory_size = 128']) },
    // With lambda_at_edge = true the module clamps the timeout to 30 s: fine on an origin event.
    { filename: 'main.tf', code: withSettings.terraformModule(['timeout = 60', 'memory_size = 2048'], 'origin-request') },
  ],
  invalid: [
    {
      // The regional module "api" with the same inputs is not reported.
      filename: 'main.tf',
      code: moduleTimeout,
      errors: [
        {
          message:
            'The function timeout is larger than the maximum allowed for functions that are triggered by a CloudFront event: 10 Max allowed: 5. module.edge (viewer-request) has a 10 s timeout; viewer events allow 5 s, so set it to 5 or less.',
          ...valueAt(moduleTimeout, 'timeout = ', '10', 2),
        },
        { messageId: 'memory', ...valueAt(moduleTimeout, 'memory_size = ', '256', 2) },
      ],
    },
  ],
});
