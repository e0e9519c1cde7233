import rule from '../../rules/infra-us-east-1.js';
import { at, cdkStack, cdkTester, jsonTester, lines, valueAt, withSettings, yamlTester } from '../infra-rule-tester.js';

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
