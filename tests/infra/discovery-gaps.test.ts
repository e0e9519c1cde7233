import { beforeEach, describe, expect, it } from 'vitest';
import { clearInfrastructureCache, getInfrastructureMap } from '../../src/infra/index.js';
import { options, project, rows } from './helpers.js';

/**
 * Forms seen on real repositories that discovery once dropped silently or misreported:
 * each is now bound, or reported as a problem naming the file and line.
 */
beforeEach(() => clearInfrastructureCache());

function discover(files: Record<string, string>) {
  const cwd = project(files);
  const map = getInfrastructureMap(options(cwd));
  return { rows: rows(map, cwd), problems: map.problems.map((p) => p.message) };
}

const HANDLER_JS = 'exports.handler = async (event) => event.Records[0].cf.request;\n';
const CDK_HEAD = [
  "import * as cdk from 'aws-cdk-lib';",
  "import * as lambda from 'aws-cdk-lib/aws-lambda';",
  "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
  'export class EdgeStack extends cdk.Stack {',
  '  constructor(scope: cdk.App, id: string) {',
  '    super(scope, id);',
  "    const fn = new cloudfront.experimental.EdgeFunction(this, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('edge') });",
];
const cdkApp = (body: string[], tail: string[] = []) => ({
  'cdk.json': '{}',
  'edge/index.js': HANDLER_JS,
  'lib/stack.ts': [...CDK_HEAD, ...body, '  }', '}', ...tail, ''].join('\n'),
});

describe('CDK edgeLambdas built up rather than written in place', () => {
  it('follows push() in the constructor and inside a forEach callback over a known array', () => {
    const found = discover(
      cdkApp([
        '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
        '    edgeLambdas.push({ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST });',
        '    [fn].forEach((f) => edgeLambdas.push({ functionVersion: f.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST }));',
        "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas } });",
      ]),
    );
    expect(found).toEqual({
      // Sorted by where declared, as text.
      rows: ['edge/index.js#handler origin-request @lib/stack.ts:10 [cdk]', 'edge/index.js#handler viewer-request @lib/stack.ts:9 [cdk]'],
      problems: [],
    });
  });

  it('follows a helper that pushes onto the array it is given, and one that returns the association', () => {
    const found = discover(
      cdkApp(
        [
          '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
          '    addEdge(edgeLambdas, fn, cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST);',
          "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas } });",
          "    new cloudfront.Distribution(this, 'Cdn2', { defaultBehavior: { origin, edgeLambdas: [association(fn, cloudfront.LambdaEdgeEventType.VIEWER_RESPONSE)] } });",
        ],
        [
          'function addEdge(list: cloudfront.EdgeLambda[], f: cloudfront.experimental.EdgeFunction, eventType: cloudfront.LambdaEdgeEventType): void {',
          '  list.push({ functionVersion: f.currentVersion, eventType, includeBody: true });',
          '}',
          'function association(f: cloudfront.experimental.EdgeFunction, eventType: cloudfront.LambdaEdgeEventType): cloudfront.EdgeLambda {',
          '  return { functionVersion: f.currentVersion, eventType };',
          '}',
        ],
      ),
    );
    expect(found).toEqual({
      // The lines of the association objects, inside the helpers.
      rows: ['edge/index.js#handler origin-request body @lib/stack.ts:15 [cdk]', 'edge/index.js#handler viewer-response @lib/stack.ts:18 [cdk]'],
      problems: [],
    });
  });

  it('follows edgeLambdas made by .map(callback) over a known array', () => {
    const found = discover(
      cdkApp([
        "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas: [fn].map((f) => ({ functionVersion: f.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE })) } });",
      ]),
    );
    expect(found).toEqual({ rows: ['edge/index.js#handler origin-response @lib/stack.ts:8 [cdk]'], problems: [] });
  });

  it('reports edgeLambdas it cannot follow instead of dropping them', () => {
    const found = discover(
      cdkApp([
        '    const edgeLambdas: cloudfront.EdgeLambda[] = [];',
        '    const later = () => edgeLambdas.push({ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST });',
        '    later();',
        "    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, edgeLambdas } });",
        "    new cloudfront.Distribution(this, 'Cdn2', { defaultBehavior: { origin, edgeLambdas: props.ready ? edgeLambdas : [] } });",
      ]),
    );
    expect(found).toEqual({
      rows: [],
      problems: [
        'lib/stack.ts:11: defaultBehavior.edgeLambdas has an element that cannot be followed: the push at lib/stack.ts:9 is inside a function that is not a forEach/map callback.',
        'lib/stack.ts:12: defaultBehavior.edgeLambdas cannot be followed: the value at lib/stack.ts:12 depends on a condition.',
      ],
    });
  });
});
