import rule from '../../rules/infra-include-body-event.js';
import { at, cdkStack, cdkTester, hclTester, jsonTester, lines, valueAt, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const cdk = (event: string) =>
  cdkStack(
    [
      "    const edge = new cloudfront.experimental.EdgeFunction(this, 'Edge', { runtime, handler: 'e.handler', code });",
      `    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ functionVersion: edge.currentVersion, eventType: cloudfront.LambdaEdgeEventType.${event}, includeBody: true }] } });`,
    ].join('\n'),
  );
cdkTester.run('infra-include-body-event (CDK)', ruleModule, {
  valid: [cdk('ORIGIN_REQUEST'), cdk('VIEWER_REQUEST')],
  invalid: [{ code: cdk('ORIGIN_RESPONSE'), errors: [{ messageId: 'responseEvent', ...valueAt(cdk('ORIGIN_RESPONSE'), 'includeBody: ', 'true') }] }],
});

const sls = (event: string) =>
  lines(
    'service: edge',
    'functions:',
    '  edge:',
    '    handler: edge.handler',
    '    events:',
    '      - cloudFront:',
    `          eventType: ${event}`,
    '          includeBody: true',
    '          origin: https://example.com',
  );
yamlTester.run('infra-include-body-event (Serverless)', ruleModule, {
  valid: [{ filename: 'serverless.yml', code: sls('origin-request') }],
  invalid: [{ filename: 'serverless.yml', code: sls('viewer-response'), errors: [{ messageId: 'responseEvent', ...valueAt(sls('viewer-response'), 'includeBody: ', 'true') }] }],
});

const sam = (event: string) => withSettings.sam([], event).replace('LambdaFunctionARN: !Ref Edge.Version', 'LambdaFunctionARN: !Ref Edge.Version\n              IncludeBody: true');
yamlTester.run('infra-include-body-event (SAM)', ruleModule, {
  valid: [{ filename: 'template.yaml', code: sam('viewer-request') }],
  invalid: [{ filename: 'template.yaml', code: sam('origin-response'), errors: [{ messageId: 'responseEvent', ...valueAt(sam('origin-response'), 'IncludeBody: ', 'true') }] }],
});

const cfn = (event: string) => withSettings.cloudformation({}, event).replace('"EventType"', '"IncludeBody": true,\n                    "EventType"');
jsonTester.run('infra-include-body-event (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: 'template.json', code: cfn('origin-request') }],
  invalid: [{ filename: 'template.json', code: cfn('viewer-response'), errors: [{ messageId: 'responseEvent', ...valueAt(cfn('viewer-response'), '"IncludeBody": ', 'true') }] }],
});
void at;

const tfResponse = withSettings.terraform([], 'origin-response', ['include_body = true']);
hclTester.run('infra-include-body-event (Terraform)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraform([], 'origin-request', ['include_body = true']) },
    { filename: 'main.tf', code: withSettings.terraform([], 'viewer-response', ['include_body = false']) },
  ],
  invalid: [
    {
      filename: 'main.tf',
      code: tfResponse,
      errors: [{ messageId: 'responseEvent', ...valueAt(tfResponse, 'include_body = ', 'true') }],
    },
  ],
});
