import rule from '../../rules/infra-unique-event-type.js';
import { at, cdkStack, cdkTester, hclTester, jsonTester, lines, withSettings, yamlTester } from '../infra-rule-tester.js';

const ruleModule = rule as never;

const cdk = (second: string, cff = '') =>
  cdkStack(
    [
      "    const a = new cloudfront.experimental.EdgeFunction(this, 'A', { runtime, handler: 'a.handler', code });",
      "    const b = new cloudfront.experimental.EdgeFunction(this, 'B', { runtime, handler: 'b.handler', code });",
      "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin,",
      cff,
      '      edgeLambdas: [',
      '        { functionVersion: a.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST },',
      `        { functionVersion: b.currentVersion, eventType: cloudfront.LambdaEdgeEventType.${second} },`,
      '      ] } });',
    ].join('\n'),
  );
const cdkDuplicate = cdk('VIEWER_REQUEST');
const cdkCff = cdk('ORIGIN_REQUEST', '      functionAssociations: [{ function: cff, eventType: cloudfront.FunctionEventType.VIEWER_RESPONSE }],');
cdkTester.run('infra-unique-event-type (CDK)', ruleModule, {
  valid: [cdk('ORIGIN_REQUEST'), cdk('ORIGIN_RESPONSE', '      functionAssociations: [],')],
  invalid: [
    { code: cdkDuplicate, errors: [{ messageId: 'duplicate', ...at(cdkDuplicate, 'cloudfront.LambdaEdgeEventType.VIEWER_REQUEST', 2) }] },
    { code: cdkCff, errors: [{ messageId: 'withCloudFrontFunction', ...at(cdkCff, 'cloudfront.LambdaEdgeEventType.VIEWER_REQUEST') }] },
  ],
});

const sls = (pattern: string) =>
  lines(
    'service: edge',
    'functions:',
    '  a:',
    '    handler: a.handler',
    '    events:',
    '      - cloudFront:',
    '          eventType: origin-request',
    '          origin: https://example.com',
    '  b:',
    '    handler: b.handler',
    '    events:',
    '      - cloudFront:',
    '          eventType: origin-request',
    '          origin: https://example.com',
    `          pathPattern: '${pattern}'`,
  );
yamlTester.run('infra-unique-event-type (Serverless)', ruleModule, {
  valid: [
    { filename: 'serverless.yml', code: sls('/img/*') },
    // A pathPattern that is not a plain string is not known: never the default behavior.
    { filename: 'serverless.yml', code: sls('*').replace("pathPattern: '*'", 'pathPattern: !Ref CallbackPath') },
    { filename: 'serverless.yml', code: sls('${param:callbackPath}') },
  ],
  invalid: [{ filename: 'serverless.yml', code: sls('*'), errors: [{ messageId: 'duplicate', ...at(sls('*'), 'origin-request', 2) }] }],
});

const template = (second: string, cff: string[] = []) =>
  lines(
    'Resources:',
    '  A:',
    '    Type: AWS::Lambda::Function',
    '    Properties: { Handler: a.handler, Code: a }',
    '  AVersion:',
    '    Type: AWS::Lambda::Version',
    '    Properties: { FunctionName: !Ref A }',
    '  Cdn:',
    '    Type: AWS::CloudFront::Distribution',
    '    Properties:',
    '      DistributionConfig:',
    '        DefaultCacheBehavior:',
    ...cff,
    '          LambdaFunctionAssociations:',
    '            - EventType: viewer-request',
    '              LambdaFunctionARN: !Ref AVersion',
    `            - EventType: ${second}`,
    '              LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:other:4',
  );
const yamlCff = template('origin-request', ['          FunctionAssociations:', '            - EventType: viewer-response', '              FunctionARN: !GetAtt Rewrite.FunctionARN']);
yamlTester.run('infra-unique-event-type (SAM / CloudFormation YAML)', ruleModule, {
  valid: [
    { filename: 'template.yaml', code: template('origin-request') },
    // A CloudFront Function on a viewer event beside Lambda@Edge on origin events only.
    {
      filename: 'template.yaml',
      code: template('origin-request', ['          FunctionAssociations:', '            - EventType: viewer-request', '              FunctionARN: !GetAtt Rewrite.FunctionARN']).replace(
        '- EventType: viewer-request\n              LambdaFunctionARN: !Ref AVersion',
        '- EventType: origin-response\n              LambdaFunctionARN: !Ref AVersion',
      ),
    },
  ],
  invalid: [
    { filename: 'template.yaml', code: template('viewer-request'), errors: [{ messageId: 'duplicate', ...at(template('viewer-request'), 'viewer-request', 2) }] },
    { filename: 'template.yaml', code: yamlCff, errors: [{ messageId: 'withCloudFrontFunction', ...at(yamlCff, 'viewer-request') }] },
  ],
});

const json = JSON.stringify(
  {
    Resources: {
      Cdn: {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            CacheBehaviors: [
              {
                PathPattern: '/api/*',
                LambdaFunctionAssociations: [
                  { EventType: 'origin-response', LambdaFunctionARN: 'arn:aws:lambda:us-east-1:1:function:a:1' },
                  { EventType: 'origin-response', LambdaFunctionARN: 'arn:aws:lambda:us-east-1:1:function:b:1' },
                ],
              },
            ],
          },
        },
      },
    },
  },
  null,
  2,
);
jsonTester.run('infra-unique-event-type (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: 'template.json', code: json.replace('"origin-response"', '"origin-request"') }],
  invalid: [{ filename: 'template.json', code: json, errors: [{ messageId: 'duplicate', ...at(json, '"origin-response"', 2) }] }],
});

const tfTwo = (second: string[]) => {
  const code = withSettings.terraform([]);
  return code.replace(
    '      lambda_arn = aws_lambda_function.edge.qualified_arn\n    }\n',
    `      lambda_arn = aws_lambda_function.edge.qualified_arn\n    }\n${second.map((l) => `    ${l}`).join('\n')}\n`,
  );
};
const tfDuplicate = tfTwo(['lambda_function_association {', '  event_type = "viewer-request"', '  lambda_arn = aws_lambda_function.api.qualified_arn', '}']);
const tfWithCff = tfTwo(['function_association {', '  event_type   = "viewer-response"', '  function_arn = aws_cloudfront_function.rewrite.arn', '}']);
hclTester.run('infra-unique-event-type (Terraform)', ruleModule, {
  valid: [
    { filename: 'main.tf', code: withSettings.terraform([]) },
    { filename: 'main.tf', code: tfTwo(['lambda_function_association {', '  event_type = "origin-request"', '  lambda_arn = aws_lambda_function.api.qualified_arn', '}']) },
    // A CloudFront Function on an origin event does not exist; on another behavior it does not conflict.
    {
      filename: 'main.tf',
      code: withSettings.terraform([]).replace(
        '  default_cache_behavior {',
        '  ordered_cache_behavior {\n    path_pattern = "/img/*"\n    function_association {\n      event_type   = "viewer-request"\n      function_arn = aws_cloudfront_function.rewrite.arn\n    }\n  }\n  default_cache_behavior {',
      ),
    },
  ],
  invalid: [
    {
      filename: 'main.tf',
      code: tfDuplicate,
      errors: [
        {
          message: `The event type of a function association must be unique in the cache behavior. aws_cloudfront_distribution.cdn default_cache_behavior already has a viewer-request function at line ${at(tfDuplicate, '"viewer-request"').line}; merge the two into one function.`,
          ...at(tfDuplicate, '"viewer-request"', 2),
        },
      ],
    },
    { filename: 'main.tf', code: tfWithCff, errors: [{ messageId: 'withCloudFrontFunction', ...at(tfWithCff, '"viewer-request"') }] },
  ],
});
