import includeBodyEvent from '../../rules/infra-include-body-event.js';
import limits from '../../rules/infra-limits.js';
import noEnvironment from '../../rules/infra-no-environment.js';
import runtime from '../../rules/infra-runtime.js';
import uniqueEventType from '../../rules/infra-unique-event-type.js';
import unsupportedFeatures from '../../rules/infra-unsupported-features.js';
import unsupportedSettings from '../../rules/infra-unsupported-settings.js';
import usEast1 from '../../rules/infra-us-east-1.js';
import versionedArn from '../../rules/infra-versioned-arn.js';
import { at, cdkStack, cdkTester } from '../infra-rule-tester.js';

/**
 * CDK `edgeLambdas` that are not an array literal written in place, followed with handler
 * discovery's evaluator: `push`, `forEach` callbacks, helpers that push onto their parameter,
 * and `.map`. Each stack has a regional `api` function with the same props that is never
 * attached, and an `edge` function (an `experimental.EdgeFunction` or a `lambda.Function`)
 * that is.
 */
const VIEWER = 'cloudfront.LambdaEdgeEventType.VIEWER_REQUEST';
const ORIGIN = 'cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST';
const RESPONSE = 'cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE';

const functions = (props: string, construct = 'cloudfront.experimental.EdgeFunction') => [
  `    const api = new lambda.Function(this, 'Api', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'a.handler', code, ${props} });`,
  `    const edge = new ${construct}(this, 'Edge', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'e.handler', code, ${props} });`,
];
const distribution = "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas } });";

/** The forms, each attaching `edge.<version>` to `eventType` (with `extra` properties). */
const forms = {
  push: (props: string, eventType = VIEWER, version = 'currentVersion', extra = '', construct?: string) =>
    cdkStack(
      [
        ...functions(props, construct),
        '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
        `    edgeLambdas.push({ functionVersion: edge.${version}, eventType: ${eventType}${extra} });`,
        distribution,
      ].join('\n'),
    ),
  forEach: (props: string, eventType = VIEWER, version = 'currentVersion', extra = '', construct?: string) =>
    cdkStack(
      [
        ...functions(props, construct),
        '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
        `    [${eventType}].forEach((type) => edgeLambdas.push({ functionVersion: edge.${version}, eventType: type${extra} }));`,
        distribution,
      ].join('\n'),
    ),
  helper: (props: string, eventType = VIEWER, version = 'currentVersion', extra = '', construct?: string) =>
    cdkStack(
      [
        ...functions(props, construct),
        '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
        `    addEdgeLambda(edgeLambdas, edge.${version}, ${eventType});`,
        distribution,
      ].join('\n'),
      [
        'function addEdgeLambda(list: cloudfront.EdgeLambda[], functionVersion: lambda.IVersion, eventType: cloudfront.LambdaEdgeEventType) {',
        `  list.push({ functionVersion, eventType${extra} });`,
        '}',
      ].join('\n'),
    ),
  map: (props: string, eventType = VIEWER, version = 'currentVersion', extra = '', construct?: string) =>
    cdkStack(
      [
        ...functions(props, construct),
        `    const specs = [{ fn: edge, type: ${eventType} }];`,
        `    const edgeLambdas = specs.map((s) => ({ functionVersion: s.fn.${version}, eventType: s.type${extra} }));`,
        distribution,
      ].join('\n'),
    ),
};
type Form = keyof typeof forms;
const FORMS = Object.keys(forms) as Form[];

for (const form of FORMS) {
  const make = forms[form];
  const env = make("environment: { TABLE: 't' }");
  const timeout = make('timeout: cdk.Duration.seconds(10)');
  const memory = make('memorySize: 512');
  const layers = make('layers: [layer]');
  const arm = make('architecture: lambda.Architecture.ARM_64');
  const ruby = make('memorySize: 128').replace(/runtime: lambda.Runtime.NODEJS_22_X, handler: 'e.handler'/, "runtime: lambda.Runtime.RUBY_3_3, handler: 'e.handler'");
  const tracing = make('tracing: lambda.Tracing.ACTIVE');
  const latest = make('memorySize: 128', ORIGIN, 'latestVersion', '', 'lambda.Function');
  const body = make('memorySize: 128', RESPONSE, 'currentVersion', ', includeBody: true');
  // The version as written where the form names it: the helper's argument, the push, the callback.
  const latestText = form === 'map' ? 's.fn.latestVersion' : 'edge.latestVersion';

  cdkTester.run(`infra-no-environment (CDK edgeLambdas, ${form})`, noEnvironment as never, {
    valid: [make('memorySize: 128')],
    invalid: [{ code: env, errors: [{ messageId: 'environment', ...at(env, 'environment', 2) }] }],
  });
  cdkTester.run(`infra-limits (CDK edgeLambdas, ${form})`, limits as never, {
    // The same settings on an origin event are within its quota.
    valid: [make('timeout: cdk.Duration.seconds(10), memorySize: 512', ORIGIN)],
    invalid: [
      { code: timeout, errors: [{ messageId: 'timeout', ...at(timeout, 'cdk.Duration.seconds(10)', 2) }] },
      { code: memory, errors: [{ messageId: 'memory', ...at(memory, '512', 2) }] },
    ],
  });
  cdkTester.run(`infra-unsupported-settings (CDK edgeLambdas, ${form})`, unsupportedSettings as never, {
    valid: [make('layers: []')],
    invalid: [
      { code: layers, errors: [{ messageId: 'layer', ...at(layers, 'layers', 2) }] },
      { code: arm, errors: [{ messageId: 'arm64', ...at(arm, 'lambda.Architecture.ARM_64', 2) }] },
    ],
  });
  cdkTester.run(`infra-unsupported-features (CDK edgeLambdas, ${form})`, unsupportedFeatures as never, {
    valid: [make('tracing: lambda.Tracing.DISABLED')],
    invalid: [{ code: tracing, errors: [{ messageId: 'unsupported', ...at(tracing, 'lambda.Tracing.ACTIVE', 2) }] }],
  });
  cdkTester.run(`infra-runtime (CDK edgeLambdas, ${form})`, runtime as never, {
    valid: [make('memorySize: 128')],
    invalid: [{ code: ruby, errors: [{ messageId: 'unsupported', ...at(ruby, 'lambda.Runtime.RUBY_3_3') }] }],
  });
  cdkTester.run(`infra-versioned-arn (CDK edgeLambdas, ${form})`, versionedArn as never, {
    valid: [make('memorySize: 128', ORIGIN, 'currentVersion', '', 'lambda.Function')],
    invalid: [{ code: latest, errors: [{ messageId: 'notVersion', ...at(latest, latestText) }] }],
  });
  cdkTester.run(`infra-include-body-event (CDK edgeLambdas, ${form})`, includeBodyEvent as never, {
    valid: [make('memorySize: 128', ORIGIN, 'currentVersion', ', includeBody: true')],
    invalid: [{ code: body, errors: [{ messageId: 'responseEvent', ...at(body, 'true') }] }],
  });
}

// A lambda.Function in a stack outside us-east-1, pushed.
const inRegion = (region: string) =>
  cdkStack(
    [...functions('memorySize: 128', 'lambda.Function'), '    const edgeLambdas: cloudfront.EdgeLambda[] = [];', `    edgeLambdas.push({ functionVersion: edge.currentVersion, eventType: ${VIEWER} });`, distribution].join('\n'),
    `new EdgeStack(new cdk.App(), 'Site', { env: { region: '${region}' } });`,
  );
cdkTester.run('infra-us-east-1 (CDK edgeLambdas, push)', usEast1 as never, {
  valid: [inRegion('us-east-1')],
  invalid: [{ code: inRegion('eu-west-1'), errors: [{ messageId: 'region', ...at(inRegion('eu-west-1'), "'eu-west-1'") }] }],
});

// Two functions pushed on one event type of one behavior.
const twice = (second: string) =>
  cdkStack(
    [
      ...functions('memorySize: 128'),
      '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
      `    edgeLambdas.push({ functionVersion: edge.currentVersion, eventType: ${ORIGIN} });`,
      `    addEdgeLambda(edgeLambdas, api.currentVersion, ${second});`,
      distribution,
    ].join('\n'),
    'function addEdgeLambda(list: cloudfront.EdgeLambda[], functionVersion: lambda.IVersion, eventType: cloudfront.LambdaEdgeEventType) {\n  list.push({ functionVersion, eventType });\n}',
  );
cdkTester.run('infra-unique-event-type (CDK edgeLambdas, push and helper)', uniqueEventType as never, {
  valid: [twice(RESPONSE)],
  invalid: [{ code: twice(ORIGIN), errors: [{ messageId: 'duplicate', ...at(twice(ORIGIN), ORIGIN, 2) }] }],
});

// Arrays that cannot be followed: nothing is guessed, nothing is reported, nothing crashes.
const unfollowed = (body: string[], tail = '') =>
  cdkStack([...functions("environment: { TABLE: 't' }, timeout: cdk.Duration.seconds(10)"), ...body, distribution].join('\n'), tail);
cdkTester.run('infra-no-environment (CDK edgeLambdas that cannot be followed)', noEnvironment as never, {
  valid: [
    // Built by a function of a package.
    unfollowed(["    const edgeLambdas = buildEdgeLambdas(edge);"], "import { buildEdgeLambdas } from 'edge-helpers';"),
    // Pushed inside a callback that is not a forEach/map.
    unfollowed(['    const edgeLambdas: cloudfront.EdgeLambda[] = [];', `    setTimeout(() => edgeLambdas.push({ functionVersion: edge.currentVersion, eventType: ${VIEWER} }));`]),
    // Iterating an array that is a constructor parameter nobody passes.
    unfollowed(['    const edgeLambdas: cloudfront.EdgeLambda[] = [];', `    (props as any).types.forEach((type: cloudfront.LambdaEdgeEventType) => edgeLambdas.push({ functionVersion: edge.currentVersion, eventType: type }));`]),
    // Only the regional function is pushed.
    unfollowed(['    const edgeLambdas: cloudfront.EdgeLambda[] = [];']).replace(
      'new cloudfront.Distribution',
      "new lambda.Function(this, 'Other', { handler: 'o.handler', code, environment: { A: 'b' } });\n    new cloudfront.Distribution",
    ),
  ],
  invalid: [],
});

// Spreads: an element's event type spread in from a shared object, and an array spread into
// the behavior's list.
const spreadElement = cdkStack(
  [
    ...functions('timeout: cdk.Duration.seconds(10)'),
    `    const common = { eventType: ${VIEWER} };`,
    "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [{ ...common, functionVersion: edge.currentVersion }] } });",
  ].join('\n'),
);
const spreadArray = cdkStack(
  [
    ...functions('timeout: cdk.Duration.seconds(10)'),
    `    const base = [{ functionVersion: edge.currentVersion, eventType: ${VIEWER} }];`,
    "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [...base] } });",
  ].join('\n'),
);
cdkTester.run('infra-limits (CDK edgeLambdas, spreads)', limits as never, {
  valid: [spreadElement.replace(VIEWER, ORIGIN), spreadArray.replace(VIEWER, ORIGIN)],
  invalid: [
    { code: spreadElement, errors: [{ messageId: 'timeout', ...at(spreadElement, 'cdk.Duration.seconds(10)', 2) }] },
    { code: spreadArray, errors: [{ messageId: 'timeout', ...at(spreadArray, 'cdk.Duration.seconds(10)', 2) }] },
  ],
});
