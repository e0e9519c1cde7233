import { Linter } from 'eslint';
import { describe, expect, it, vi } from 'vitest';
import rule from '../../rules/infra-runtime.js';
import { YAML_LANGUAGE, at, cdkStack, cdkTester, hclTester, jsonTester, valueAt, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const cdkJava = cdkStack(
  [
    "    const edge = new lambda.Function(this, 'Edge', { runtime: lambda.Runtime.JAVA_21, handler: 'e.handler', code });",
    "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: edge.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST }] } });",
  ].join('\n'),
);
// aws-cdk v1: a CloudFrontWebDistribution's association names `fn.addVersion(…)`.
const cdkV1AddVersion = cdkStack(
  [
    "    const edge = new lambda.Function(this, 'Edge', { runtime: lambda.Runtime.NODEJS_12_X, handler: 'e.handler', code });",
    "    const version = edge.addVersion('v1');",
    "    new cloudfront.CloudFrontWebDistribution(this, 'Cdn', { originConfigs: [{ behaviors: [{ isDefaultBehavior: true, lambdaFunctionAssociations: [{ eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, lambdaFunction: version }] }] }] });",
  ].join('\n'),
);
cdkTester.run('infra-runtime (CDK)', ruleModule, {
  // withSettings.cdk uses NODEJS_22_X.
  valid: [withSettings.cdk('memorySize: 128')],
  invalid: [
    { code: cdkJava, errors: [{ messageId: 'unsupported', ...at(cdkJava, 'lambda.Runtime.JAVA_21') }] },
    { code: cdkV1AddVersion, errors: [{ messageId: 'deprecated', ...at(cdkV1AddVersion, 'lambda.Runtime.NODEJS_12_X') }] },
    {
      code: cdkJava.replace('JAVA_21', 'PROVIDED_AL2023'),
      errors: [{ message: /not supported by Lambda@Edge: provided\.al2023\./, ...at(cdkJava.replace('JAVA_21', 'PROVIDED_AL2023'), 'lambda.Runtime.PROVIDED_AL2023') }],
    },
  ],
});

const slsRuby = withSettings.serverless(['runtime: ruby3.3']);
const slsOld = withSettings.serverless([], 'viewer-request', ['  runtime: nodejs18.x']);
yamlTester.run('infra-runtime (Serverless)', ruleModule, {
  valid: [{ filename: 'serverless.yml', code: withSettings.serverless(['runtime: python3.13']) }],
  invalid: [
    { filename: 'serverless.yml', code: slsRuby, errors: [{ messageId: 'unsupported', ...valueAt(slsRuby, 'runtime: ', 'ruby3.3', 2) }] },
    { filename: 'serverless.yml', code: slsOld, errors: [{ messageId: 'deprecated', ...valueAt(slsOld, 'runtime: ', 'nodejs18.x') }] },
  ],
});

const samGo = withSettings.sam(['Runtime: provided.al2023']);
yamlTester.run('infra-runtime (SAM)', ruleModule, {
  valid: [{ filename: 'template.yaml', code: withSettings.sam([], 'viewer-request', ['Runtime: nodejs22.x']) }],
  invalid: [{ filename: 'template.yaml', code: samGo, errors: [{ messageId: 'unsupported', ...valueAt(samGo, 'Runtime: ', 'provided.al2023', 2) }] }],
});

const cfnOld = withSettings.cloudformation({ Runtime: 'python3.8' });
jsonTester.run('infra-runtime (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: 'template.json', code: withSettings.cloudformation({ Runtime: 'python3.13' }) }],
  invalid: [{ filename: 'template.json', code: cfnOld, errors: [{ messageId: 'deprecated', ...valueAt(cfnOld, '"Runtime": ', '"python3.8"', 2) }] }],
});

// nodejs20.x: Lambda blocks updates from 2026-09-30 (runtimes table); the rule goes by today's date.
describe('infra-runtime: runtimes reported from the day Lambda blocks updates', () => {
  const code = withSettings.serverless([], 'viewer-request', ['  runtime: nodejs20.x']);
  const config = {
    files: ['**/*.yml'],
    ...YAML_LANGUAGE,
    plugins: { ...YAML_LANGUAGE.plugins, 'lambda-edge': { rules: { 'infra-runtime': rule as never } } },
    rules: { 'lambda-edge/infra-runtime': 'error' as const },
  };
  const lint = (now: string) => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
    try {
      return new Linter({ configType: 'flat' })
        .verify(code, [config], { filename: 'serverless.yml' })
        .map(({ messageId, line, column, endLine, endColumn }) => ({ messageId, line, column, endLine, endColumn }));
    } finally {
      vi.useRealTimers();
    }
  };
  it('is silent the day before', () => {
    expect(lint('2026-09-29T23:59:00Z')).toEqual([]);
  });
  it('reports it from that day on, on the runtime value', () => {
    expect(lint('2026-09-30T00:00:00Z')).toEqual([
      { messageId: 'deprecated', ...valueAt(code, 'runtime: ', 'nodejs20.x') },
    ]);
  });
});

const tfRuby = withSettings.terraform([]).replaceAll('runtime       = "nodejs22.x"', 'runtime       = "ruby3.3"');
const tfOld = withSettings.terraform([]).replaceAll('runtime       = "nodejs22.x"', 'runtime       = "nodejs16.x"');
hclTester.run('infra-runtime (Terraform)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraform([]) },
    { filename: 'main.tf', code: withSettings.terraform([]).replaceAll('runtime       = "nodejs22.x"', 'runtime       = var.runtime') },
  ],
  invalid: [
    { filename: 'main.tf', code: tfRuby, errors: [{ messageId: 'unsupported', ...at(tfRuby, '"ruby3.3"', 2) }] },
    { filename: 'main.tf', code: tfOld, errors: [{ messageId: 'deprecated', ...at(tfOld, '"nodejs16.x"', 2) }] },
  ],
});
