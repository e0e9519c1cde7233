import includeBodyEvent from '../../rules/infra-include-body-event.js';
import edgeTrustPolicy from '../../rules/infra-edge-trust-policy.js';
import limits from '../../rules/infra-limits.js';
import noEnvironment from '../../rules/infra-no-environment.js';
import runtime from '../../rules/infra-runtime.js';
import uniqueEventType from '../../rules/infra-unique-event-type.js';
import unsupportedFeatures from '../../rules/infra-unsupported-features.js';
import unsupportedSettings from '../../rules/infra-unsupported-settings.js';
import usEast1 from '../../rules/infra-us-east-1.js';
import versionedArn from '../../rules/infra-versioned-arn.js';
import { at, cdkTester, lines, valueAt, withSettings } from '../infra-rule-tester.js';

/**
 * `serverless.ts`, linted as the TypeScript file it is: the same Serverless checks as on
 * serverless.yml, on the data handler discovery reads from it statically, each finding on the
 * exact key or value in the TypeScript file. The regional `api` function beside the edge one
 * carries the same settings and is never reported.
 */
const filename = 'serverless.ts';
const ts = withSettings.serverlessTs;

const ownEnv = ts(["environment: { TABLE: 'edge' }"]);
const providerEnv = ts([], 'viewer-request', ["environment: { STAGE: 'prod' }"]);
cdkTester.run('infra-no-environment (serverless.ts)', noEnvironment as never, {
  valid: [
    // Only the regional function has variables.
    {
      filename,
      code: ts([]).replace("handler: 'api.handler',", "handler: 'api.handler', environment: { TABLE: 'api' },"),
    },
    // The same service under another name is CDK-or-nothing: not read as Serverless.
    { filename: 'config.ts', code: ownEnv },
    // A service that is built by a call, or not exported: nothing is read, nothing guessed.
    { filename, code: ownEnv.replace('module.exports = serverlessConfiguration;', 'module.exports = build(serverlessConfiguration);') },
    { filename, code: ownEnv.replace('module.exports = serverlessConfiguration;', '') },
  ],
  invalid: [
    // The silvermine plugin deletes the environment: the handler's reads get undefined.
    { filename, code: ownEnv, errors: [{ messageId: 'stripped', ...at(ownEnv, 'environment', 2) }] },
    { filename, code: providerEnv, errors: [{ messageId: 'stripped', ...at(providerEnv, 'environment') }] },
    {
      // A `const` spread into the provider: reported where the key is written.
      filename,
      code: ts([], 'viewer-request', ['...base'], ["const base = { environment: { STAGE: 'prod' } };"]),
      errors: [{ messageId: 'stripped', ...at(ts([], 'viewer-request', ['...base'], ["const base = { environment: { STAGE: 'prod' } };"]), 'environment') }],
    },
  ],
});

const timeout = ts(['timeout: 10', 'memorySize: 128']);
const memoryConst = ts(['memorySize: MEMORY', 'timeout: 5'], 'viewer-request', [], ['const MEMORY = 1024;']);
cdkTester.run('infra-limits (serverless.ts)', limits as never, {
  valid: [
    { filename, code: ts(['timeout: 5', 'memorySize: 128']) },
    { filename, code: ts(['timeout: 30', 'memorySize: 2048'], 'origin-request') },
    // Computed in code: not guessed, and not taken for Serverless' default either.
    { filename, code: ts(['timeout: Number(process.env.T)', 'memorySize: 128']) },
  ],
  invalid: [
    { filename, code: timeout, errors: [{ messageId: 'timeout', ...valueAt(timeout, 'timeout: ', '10', 2) }] },
    // A `const` of the file: reported on the value as written in the function.
    { filename, code: memoryConst, errors: [{ messageId: 'memory', ...valueAt(memoryConst, 'memorySize: ', 'MEMORY', 2) }] },
  ],
});

const region = ts(['timeout: 5', 'memorySize: 128'], 'viewer-request', ["region: 'eu-west-1'"]);
cdkTester.run('infra-us-east-1 (serverless.ts)', usEast1 as never, {
  valid: [
    { filename, code: ts([], 'viewer-request', ["region: 'us-east-1'"]) },
    { filename, code: ts([], 'viewer-request', ["region: '${opt:region}'"]) },
  ],
  invalid: [{ filename, code: region, errors: [{ messageId: 'region', ...valueAt(region, 'region: ', "'eu-west-1'") }] }],
});

const layers = ts(["layers: ['arn:aws:lambda:us-east-1:1:layer:x:1']"]);
const arm = ts(["architecture: 'arm64'"]);
const vpc = ts(["vpc: { securityGroupIds: ['sg-1'], subnetIds: ['subnet-1'] }"]);
cdkTester.run('infra-unsupported-settings (serverless.ts)', unsupportedSettings as never, {
  valid: [{ filename, code: ts(["architecture: 'x86_64'", 'layers: []']) }],
  invalid: [
    { filename, code: layers, errors: [{ messageId: 'layer', ...at(layers, 'layers', 2) }] },
    { filename, code: arm, errors: [{ messageId: 'arm64', ...valueAt(arm, 'architecture: ', "'arm64'", 2) }] },
    { filename, code: vpc, errors: [{ messageId: 'vpc', ...at(vpc, 'vpc', 2) }] },
  ],
});

const dlq = ts(["onError: 'arn:aws:sns:us-east-1:1:dlq'"]);
cdkTester.run('infra-unsupported-features (serverless.ts)', unsupportedFeatures as never, {
  valid: [{ filename, code: ts(['ephemeralStorageSize: 512']) }],
  invalid: [{ filename, code: dlq, errors: [{ messageId: 'unsupported', ...valueAt(dlq, 'onError: ', "'arn:aws:sns:us-east-1:1:dlq'", 2) }] }],
});

const ruby = ts(["runtime: 'ruby3.3'"]);
cdkTester.run('infra-runtime (serverless.ts)', runtime as never, {
  valid: [{ filename, code: ts(["runtime: 'nodejs22.x'"]) }],
  invalid: [{ filename, code: ruby, errors: [{ messageId: 'unsupported', ...valueAt(ruby, 'runtime: ', "'ruby3.3'", 2) }] }],
});

/** A function on a response event with includeBody, through the built-in event. */
const events = (eventType: string, extra = '') =>
  lines(
    'export default {',
    "  service: 'edge',",
    "  provider: { name: 'aws' },",
    '  functions: {',
    '    edge: {',
    "      handler: 'edge.handler',",
    `      events: [{ cloudFront: { eventType: '${eventType}', includeBody: true, origin: 'https://example.com'${extra} } }],`,
    '    },',
    '  },',
    '};',
  );
cdkTester.run('infra-include-body-event (serverless.ts)', includeBodyEvent as never, {
  valid: [{ filename, code: events('origin-request') }],
  invalid: [{ filename, code: events('origin-response'), errors: [{ messageId: 'responseEvent', ...valueAt(events('origin-response'), 'includeBody: ', 'true') }] }],
});

const twoOnOne = lines(
  'export = {',
  "  service: 'edge',",
  '  functions: {',
  "    a: { handler: 'a.handler', events: [{ cloudFront: { eventType: 'origin-request', origin: 'https://example.com' } }] },",
  "    b: { handler: 'b.handler', events: [{ cloudFront: { eventType: 'origin-request', origin: 'https://example.com', pathPattern: PATTERN } }] },",
  '  },',
  '};',
);
cdkTester.run('infra-unique-event-type (serverless.ts)', uniqueEventType as never, {
  valid: [{ filename, code: `const PATTERN = '/img/*';\n${twoOnOne}` }],
  invalid: [{ filename, code: `const PATTERN = '*';\n${twoOnOne}`, errors: [{ messageId: 'duplicate', ...at(`const PATTERN = '*';\n${twoOnOne}`, "'origin-request'", 2) }] }],
});

const preExisting = (provider: string) =>
  lines(
    'module.exports = {',
    "  service: 'edge',",
    `  provider: { name: 'aws'${provider} },`,
    '  functions: {',
    '    edge: {',
    "      handler: 'edge.handler',",
    "      events: [{ preExistingCloudFront: { distributionId: 'E123', eventType: 'origin-request', pathPattern: '*', includeBody: false } }],",
    '    },',
    '  },',
    '};',
  );
cdkTester.run('infra-versioned-arn (serverless.ts)', versionedArn as never, {
  valid: [{ filename, code: preExisting('') }],
  invalid: [{ filename, code: preExisting(', versionFunctions: false'), errors: [{ messageId: 'notVersion', ...valueAt(preExisting(', versionFunctions: false'), 'versionFunctions: ', 'false') }] }],
});

const withRole = (services: string) =>
  ts(["role: 'EdgeRole'"]).replace(
    '};\nmodule.exports',
    lines(
      '  resources: {',
      '    Resources: {',
      '      EdgeRole: {',
      "        Type: 'AWS::IAM::Role',",
      '        Properties: {',
      `          AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: ${services} }, Action: 'sts:AssumeRole' }] },`,
      '        },',
      '      },',
      '    },',
      '  },',
      '};',
    ).replace(/\n$/, '') + '\nmodule.exports',
  );
cdkTester.run('infra-edge-trust-policy (serverless.ts)', edgeTrustPolicy as never, {
  valid: [{ filename, code: withRole("['lambda.amazonaws.com', 'edgelambda.amazonaws.com']") }],
  invalid: [{ filename, code: withRole("'lambda.amazonaws.com'"), errors: [{ messageId: 'untrusted', ...at(withRole("'lambda.amazonaws.com'"), 'AssumeRolePolicyDocument') }] }],
});
