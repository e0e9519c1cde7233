import { beforeEach, describe, expect, it } from 'vitest';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import { HANDLER_JS, discoverFiles } from './helpers.js';

/**
 * CDK functions whose code is a source file of the project read at synth time and given as
 * inline code (`Code.fromInline(fs.readFileSync(path, 'utf8'))`, `new InlineCode(…)`), as on a
 * real repository (2026-12-04). CloudFormation writes inline Node.js code as `index.js`, so the
 * handler is `index.<export>`; the relative path is read from the CDK app folder.
 */
beforeEach(() => clearInfrastructureCache());

const stack = (imports: string, code: string, handler = 'index.handler') => ({
  'cdk.json': '{}',
  'src/edge/headers.js': HANDLER_JS,
  'lib/stack.ts': [
    "import * as cdk from 'aws-cdk-lib';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
    "import * as path from 'path';",
    imports,
    'export class EdgeStack extends cdk.Stack {',
    '  constructor(scope: cdk.App, id: string) {',
    '    super(scope, id);',
    `    const fn = new cloudfront.experimental.EdgeFunction(this, 'Headers', { runtime: lambda.Runtime.NODEJS_22_X, handler: '${handler}', code: ${code} });`,
    '    new cloudfront.Distribution(this, "Cdn", { defaultBehavior: { origin: undefined as any, edgeLambdas: [',
    '      { functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE },',
    '    ] } });',
    '  }',
    '}',
    '',
  ].join('\n'),
});

function discover(files: Record<string, string>) {
  const { rows, problems } = discoverFiles(files);
  return { rows, problems };
}

describe('CDK: inline code read from a file of the project', () => {
  it.each([
    ["import * as fs from 'fs';", "lambda.Code.fromInline(fs.readFileSync('src/edge/headers.js', 'utf8'))"],
    ["import fs = require('fs');", "new lambda.InlineCode(fs.readFileSync('src/edge/headers.js', { encoding: 'utf-8' }))"],
    ["import { readFileSync } from 'node:fs';", "lambda.Code.fromInline(readFileSync(path.join(__dirname, '../src/edge/headers.js'), 'utf8'))"],
  ])('binds the file (%s)', (imports, code) => {
    expect(discover(stack(imports, code))).toEqual({ rows: ['src/edge/headers.js#handler origin-response @lib/stack.ts:11 [cdk]'], problems: [] });
  });

  it('reports a handler that is not index.<export>, a file that is not there, and inline text', () => {
    const found = [
      discover(stack("import * as fs from 'fs';", "lambda.Code.fromInline(fs.readFileSync('src/edge/headers.js', 'utf8'))", 'headers.handler')),
      discover(stack("import * as fs from 'fs';", "lambda.Code.fromInline(fs.readFileSync('src/edge/gone.js', 'utf8'))")),
      discover(stack('', "lambda.Code.fromInline('exports.handler = async (e) => e.Records[0].cf.request;')")),
    ];
    expect(found.map((f) => f.rows)).toEqual([[], [], []]);
    expect(found[0]!.problems).toEqual([
      "lib/stack.ts:11: defaultBehavior.edgeLambdas functionVersion cannot be followed to a function's code: inline code is written as index.js, and the handler 'headers.handler' names another module.",
    ]);
    expect(found[1]!.problems).toEqual([
      "lib/stack.ts:11: defaultBehavior.edgeLambdas functionVersion cannot be followed to a function's code: the inline code reads src/edge/gone.js, which does not exist.",
    ]);
    expect(found[2]!.problems).toEqual([]);
  });
});
