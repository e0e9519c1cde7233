import rule from '../../rules/infra-unsupported-features.js';
import { at, cdkTester, hclTester, jsonTester, valueAt, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const cdkTracing = withSettings.cdk('tracing: lambda.Tracing.ACTIVE, reservedConcurrentExecutions: 5');
const cdkStorage = withSettings.cdk('ephemeralStorageSize: cdk.Size.gibibytes(1)');
cdkTester.run('infra-unsupported-features (CDK)', ruleModule, {
  valid: [withSettings.cdk('tracing: lambda.Tracing.DISABLED, ephemeralStorageSize: cdk.Size.mebibytes(512)')],
  invalid: [
    {
      code: cdkTracing,
      errors: [
        { messageId: 'unsupported', ...at(cdkTracing, 'lambda.Tracing.ACTIVE', 2) },
        { messageId: 'unsupported', ...at(cdkTracing, '5 }', 2), endColumn: at(cdkTracing, '5 }', 2).column + 1 },
      ],
    },
    { code: cdkStorage, errors: [{ messageId: 'unsupported', ...at(cdkStorage, 'cdk.Size.gibibytes(1)', 2) }] },
  ],
});

const slsDlq = withSettings.serverless(['onError: arn:aws:sns:us-east-1:1:dlq']);
const slsTracing = withSettings.serverless([], 'viewer-request', ['  tracing:', '    lambda: true']);
yamlTester.run('infra-unsupported-features (Serverless)', ruleModule, {
  valid: [{ filename: 'serverless.yml', code: withSettings.serverless(['ephemeralStorageSize: 512']) }],
  invalid: [
    { filename: 'serverless.yml', code: slsDlq, errors: [{ messageId: 'unsupported', ...valueAt(slsDlq, 'onError: ', 'arn:aws:sns:us-east-1:1:dlq', 2) }] },
    { filename: 'serverless.yml', code: slsTracing, errors: [{ messageId: 'unsupported', ...valueAt(slsTracing, 'lambda: ', 'true') }] },
  ],
});

const samImage = withSettings.sam(['PackageType: Image']);
const samManagement = withSettings.sam(['RuntimeManagementConfig:', '  UpdateRuntimeOn: Manual']);
yamlTester.run('infra-unsupported-features (SAM)', ruleModule, {
  valid: [{ filename: 'template.yaml', code: withSettings.sam(['RuntimeManagementConfig:', '  UpdateRuntimeOn: Auto']) }],
  invalid: [
    { filename: 'template.yaml', code: samImage, errors: [{ messageId: 'unsupported', ...valueAt(samImage, 'PackageType: ', 'Image', 2) }] },
    { filename: 'template.yaml', code: samManagement, errors: [{ messageId: 'unsupported', ...at(samManagement, 'RuntimeManagementConfig', 2) }] },
  ],
});

const cfnDlq = withSettings.cloudformation({ DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:1:q' } });
jsonTester.run('infra-unsupported-features (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: 'template.json', code: withSettings.cloudformation({ TracingConfig: { Mode: 'PassThrough' } }) }],
  invalid: [{ filename: 'template.json', code: cfnDlq, errors: [{ messageId: 'unsupported', ...at(cfnDlq, '"DeadLetterConfig"', 2) }] }],
});

const tfFeatures = withSettings.terraform([
  'reserved_concurrent_executions = 10',
  'package_type  = "Image"',
  'dead_letter_config {',
  '  target_arn = aws_sqs_queue.dlq.arn',
  '}',
  'tracing_config {',
  '  mode = "Active"',
  '}',
  'ephemeral_storage {',
  '  size = 1024',
  '}',
]);
hclTester.run('infra-unsupported-features (Terraform)', ruleModule, {
  valid: [
    {
      filename: 'main.tf',
      code: withSettings.terraform(['reserved_concurrent_executions = -1', 'tracing_config {', '  mode = "PassThrough"', '}', 'ephemeral_storage {', '  size = 512', '}']),
    },
  ],
  invalid: [
    {
      filename: 'main.tf',
      code: tfFeatures,
      errors: [
        { messageId: 'unsupported', ...valueAt(tfFeatures, 'reserved_concurrent_executions = ', '10', 2) },
        { messageId: 'unsupported', ...valueAt(tfFeatures, 'package_type  = ', '"Image"', 2) },
        {
          message:
            'Lambda@Edge does not support dead-letter queues: aws_lambda_function.edge (viewer-request) sets it. Remove it from the edge function (CloudFront may refuse the association or the setting is ignored at the edge).',
          ...at(tfFeatures, 'dead_letter_config', 2),
        },
        { messageId: 'unsupported', ...valueAt(tfFeatures, 'mode = ', '"Active"', 2) },
        { message: /more than 512 MB of ephemeral storage \(1024 MB\)/u, ...valueAt(tfFeatures, 'size = ', '1024', 2) },
      ],
    },
  ],
});
