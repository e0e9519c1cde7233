import includeBodyEvent from '../../rules/infra-include-body-event.js';
import edgeTrustPolicy from '../../rules/infra-edge-trust-policy.js';
import limits from '../../rules/infra-limits.js';
import noEnvironment from '../../rules/infra-no-environment.js';
import runtime from '../../rules/infra-runtime.js';
import unsupportedFeatures from '../../rules/infra-unsupported-features.js';
import unsupportedSettings from '../../rules/infra-unsupported-settings.js';
import usEast1 from '../../rules/infra-us-east-1.js';
import versionedArn from '../../rules/infra-versioned-arn.js';
import { at, cdkTester, lines, valueAt, withSettings, yamlTester } from '../infra-rule-tester.js';

/**
 * `${self:custom.x}` and `${self:provider.x}` naming a value of the same file are read as
 * that value (discovery's resolver), and reported where the variable is written; variables
 * of other sources (`${opt:…}`, `${env:…}`, `${ssm:…}`) cannot be known and are never reported.
 */
const filename = 'serverless.yml';
const sls = (props: string[], custom: string[], eventType = 'viewer-request', provider: string[] = []) =>
  withSettings.serverless(props, eventType, provider) + lines('custom:', ...custom.map((c) => `  ${c}`));

const timeout = sls(['timeout: ${self:custom.edgeTimeout}', 'memorySize: 128'], ['edgeTimeout: 10']);
const viaEvent = lines(
  'service: edge',
  'functions:',
  '  edge:',
  '    handler: edge.handler',
  '    timeout: 10',
  '    memorySize: 128',
  '    lambdaAtEdge:',
  '      distribution: WebsiteDistribution',
  '      eventType: ${self:custom.edgeEvent}',
  'custom:',
  '  edgeEvent: viewer-request',
);
yamlTester.run('infra-limits (Serverless ${self:…})', limits as never, {
  valid: [
    { filename, code: sls(['timeout: ${self:custom.edgeTimeout}', 'memorySize: 128'], ['edgeTimeout: 5']) },
    // Only origin events: 30 s allowed.
    { filename, code: sls(['timeout: ${self:custom.edgeTimeout}', 'memorySize: 2048'], ['edgeTimeout: 30'], 'origin-request') },
    // Unknowable sources: never reported, and not taken for Serverless' default either.
    { filename, code: sls(['timeout: ${opt:timeout}', 'memorySize: ${env:MEMORY}'], ['x: 1']) },
    { filename, code: sls(['timeout: ${ssm:/edge/timeout}', 'memorySize: 128'], ['x: 1']) },
    // A variable naming a value that is not in the file, or is itself unknowable.
    { filename, code: sls(['timeout: ${self:custom.missing}', 'memorySize: 128'], ['x: 1']) },
    { filename, code: sls(['timeout: ${self:custom.edgeTimeout}', 'memorySize: 128'], ['edgeTimeout: ${opt:timeout}']) },
    // The event type is itself a variable that resolves to an origin event.
    { filename, code: viaEvent.replace('edgeEvent: viewer-request', 'edgeEvent: origin-request') },
  ],
  invalid: [
    {
      // Reported on the timeout setting, naming the resolved value.
      filename,
      code: timeout,
      errors: [
        {
          message:
            'The function timeout is larger than the maximum allowed for functions that are triggered by a CloudFront event: 10 Max allowed: 5. functions.edge (viewer-request) has a 10 s timeout; viewer events allow 5 s, so set it to 5 or less.',
          ...valueAt(timeout, 'timeout: ', '${self:custom.edgeTimeout}', 2),
        },
      ],
    },
    {
      // ${self:provider.x}, inherited from provider by the plugin.
      filename,
      code: sls([], ['x: 1'], 'viewer-request', ['  timeout: 5', '  memory: 512', '  memorySize: ${self:provider.memory}']),
      errors: [{ messageId: 'memory', ...valueAt(sls([], ['x: 1'], 'viewer-request', ['  timeout: 5', '  memory: 512', '  memorySize: ${self:provider.memory}']), 'memorySize: ', '${self:provider.memory}') }],
    },
    // The event type resolves to a viewer event: the viewer quota applies.
    { filename, code: viaEvent, errors: [{ messageId: 'timeout', ...valueAt(viaEvent, 'timeout: ', '10') }] },
  ],
});

const env = sls(['environment: ${self:custom.env}'], ['env:', '  TABLE: t']);
yamlTester.run('infra-no-environment (Serverless ${self:…})', noEnvironment as never, {
  valid: [
    { filename, code: sls(['environment: ${file(./env.yml)}'], ['x: 1']) },
    { filename, code: sls(['environment: ${self:custom.env}'], ['env: {}']) },
  ],
  invalid: [{ filename, code: env, errors: [{ messageId: 'stripped', ...valueAt(env, 'environment: ', '${self:custom.env}', 2) }] }],
});

const region = sls([], ['region: eu-west-1'], 'viewer-request', ['  region: ${self:custom.region}']);
yamlTester.run('infra-us-east-1 (Serverless ${self:…})', usEast1 as never, {
  valid: [
    { filename, code: sls([], ['region: us-east-1'], 'viewer-request', ['  region: ${self:custom.region}']) },
    { filename, code: sls([], ['x: 1'], 'viewer-request', ["  region: ${opt:region, 'eu-west-1'}"]) },
  ],
  invalid: [{ filename, code: region, errors: [{ messageId: 'region', ...valueAt(region, 'region: ', '${self:custom.region}') }] }],
});

const arm = sls(['architecture: ${self:custom.arch}'], ['arch: arm64']);
const layers = sls(['layers: ${self:custom.layers}'], ['layers:', '  - arn:aws:lambda:us-east-1:1:layer:x:1']);
yamlTester.run('infra-unsupported-settings (Serverless ${self:…})', unsupportedSettings as never, {
  valid: [
    { filename, code: sls(['architecture: ${self:custom.arch}'], ['arch: x86_64']) },
    { filename, code: sls(['layers: ${param:layers}'], ['x: 1']) },
  ],
  invalid: [
    { filename, code: arm, errors: [{ messageId: 'arm64', ...valueAt(arm, 'architecture: ', '${self:custom.arch}', 2) }] },
    { filename, code: layers, errors: [{ messageId: 'layer', ...valueAt(layers, 'layers: ', '${self:custom.layers}', 2) }] },
  ],
});

const tracing = sls([], ['tracing: true'], 'viewer-request', ['  tracing:', '    lambda: ${self:custom.tracing}']);
yamlTester.run('infra-unsupported-features (Serverless ${self:…})', unsupportedFeatures as never, {
  valid: [{ filename, code: sls([], ['tracing: false'], 'viewer-request', ['  tracing:', '    lambda: ${self:custom.tracing}']) }],
  invalid: [{ filename, code: tracing, errors: [{ messageId: 'unsupported', ...valueAt(tracing, 'lambda: ', '${self:custom.tracing}') }] }],
});

const ruby = sls(['runtime: ${self:custom.runtime}'], ['runtime: ruby3.3']);
yamlTester.run('infra-runtime (Serverless ${self:…})', runtime as never, {
  valid: [
    { filename, code: sls(['runtime: ${self:custom.runtime}'], ['runtime: nodejs22.x']) },
    { filename, code: sls(['runtime: ${env:RUNTIME}'], ['x: 1']) },
  ],
  invalid: [{ filename, code: ruby, errors: [{ messageId: 'unsupported', ...valueAt(ruby, 'runtime: ', '${self:custom.runtime}', 2) }] }],
});

const body = (event: string, value: string) =>
  lines(
    'service: edge',
    'functions:',
    '  edge:',
    '    handler: edge.handler',
    '    events:',
    '      - cloudFront:',
    `          eventType: ${event}`,
    `          includeBody: ${value}`,
    '          origin: https://example.com',
    'custom:',
    '  body: true',
    '  event: viewer-response',
  );
yamlTester.run('infra-include-body-event (Serverless ${self:…})', includeBodyEvent as never, {
  valid: [
    { filename, code: body('origin-request', '${self:custom.body}') },
    { filename, code: body('viewer-response', '${opt:body}') },
  ],
  invalid: [
    { filename, code: body('viewer-response', '${self:custom.body}'), errors: [{ messageId: 'responseEvent', ...valueAt(body('viewer-response', '${self:custom.body}'), 'includeBody: ', '${self:custom.body}') }] },
    { filename, code: body('${self:custom.event}', 'true'), errors: [{ messageId: 'responseEvent', ...valueAt(body('${self:custom.event}', 'true'), 'includeBody: ', 'true') }] },
  ],
});

const preExisting = (versioned: string) =>
  lines(
    'service: edge',
    'provider:',
    '  name: aws',
    `  versionFunctions: ${versioned}`,
    'functions:',
    '  edge:',
    '    handler: edge.handler',
    '    events:',
    '      - preExistingCloudFront:',
    '          distributionId: E123',
    '          eventType: origin-request',
    "          pathPattern: '*'",
    'custom:',
    '  versioned: false',
  );
yamlTester.run('infra-versioned-arn (Serverless ${self:…})', versionedArn as never, {
  valid: [{ filename, code: preExisting('${opt:versioned}') }],
  invalid: [{ filename, code: preExisting('${self:custom.versioned}'), errors: [{ messageId: 'notVersion', ...valueAt(preExisting('${self:custom.versioned}'), 'versionFunctions: ', '${self:custom.versioned}') }] }],
});

const role = (services: string) =>
  lines(
    'service: edge',
    'functions:',
    '  edge:',
    '    handler: edge.handler',
    '    role: ${self:custom.role}',
    '    lambdaAtEdge:',
    '      distribution: WebsiteDistribution',
    '      eventType: viewer-request',
    'custom:',
    '  role: EdgeRole',
    'resources:',
    '  Resources:',
    '    EdgeRole:',
    '      Type: AWS::IAM::Role',
    '      Properties:',
    '        AssumeRolePolicyDocument:',
    '          Statement:',
    '            - Effect: Allow',
    `              Principal: { Service: ${services} }`,
    '              Action: sts:AssumeRole',
  );
yamlTester.run('infra-edge-trust-policy (Serverless ${self:…})', edgeTrustPolicy as never, {
  valid: [{ filename, code: role('[lambda.amazonaws.com, edgelambda.amazonaws.com]') }],
  invalid: [{ filename, code: role('lambda.amazonaws.com'), errors: [{ messageId: 'untrusted', ...at(role('lambda.amazonaws.com'), 'AssumeRolePolicyDocument') }] }],
});

// The same variables in serverless.ts.
const tsTimeout = withSettings
  .serverlessTs(["timeout: '${self:custom.edgeTimeout}'", 'memorySize: 128'])
  .replace("  service: 'edge',", "  service: 'edge',\n  custom: { edgeTimeout: 10 },");
cdkTester.run('infra-limits (serverless.ts ${self:…})', limits as never, {
  valid: [{ filename: 'serverless.ts', code: tsTimeout.replace('edgeTimeout: 10', "edgeTimeout: '${opt:timeout}'") }],
  invalid: [{ filename: 'serverless.ts', code: tsTimeout, errors: [{ messageId: 'timeout', ...valueAt(tsTimeout, 'timeout: ', "'${self:custom.edgeTimeout}'", 2) }] }],
});
