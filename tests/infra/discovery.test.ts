import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearInfrastructureCache,
  getInfrastructureMap,
  getInfrastructureProblems,
  lookupFile,
} from '../../src/infra/index.js';
import { FIXTURES, discoverAt, options, project, rows } from './helpers.js';

beforeEach(() => clearInfrastructureCache());

const discovered = (kind: string) => discoverAt(join(FIXTURES, kind));

describe('AWS CDK', () => {
  it('reads a TypeScript app with a construct defined in another file', () => {
    const { map, rows: found } = discovered('cdk-ts');
    expect(found).toEqual([
      'edge/auth/index.ts#checkAuth origin-request body @lib/edge-stack.ts:51 [cdk]',
      'edge/redirect/index.js#handler viewer-request @lib/edge-stack.ts:37 [cdk]',
      'edge/security-headers.ts#handler origin-response @lib/edge-stack.ts:41 [cdk]',
    ]);
    expect(map.problems).toEqual([]);
  });

  it('reads a JavaScript (CommonJS) app with the legacy CloudFrontWebDistribution', () => {
    const { map, rows: found } = discovered('cdk-js');
    expect(found).toEqual(['functions/rewrite.js#handler origin-request @lib/cdn-stack.js:31 [cdk]']);
    expect(map.problems).toEqual([]);
  });
});

describe('Serverless Framework', () => {
  it('reads cloudFront events, the lambdaAtEdge plugin form and preExistingCloudFront', () => {
    const { map, rows: found } = discovered('serverless');
    expect(found).toEqual([
      'plugin-service/handlers/multi.ts#onRequest viewer-request @plugin-service/serverless.yaml:21 [serverless]',
      'plugin-service/handlers/multi.ts#onRequest origin-request @plugin-service/serverless.yaml:23 [serverless]',
      'plugin-service/handlers/multi.ts#onResponse viewer-response @plugin-service/serverless.yaml:30 [serverless]',
      'plugin-service/handlers/rewrite.js#handler origin-request @plugin-service/serverless.yaml:16 [serverless]',
      'src/edge/form.ts#handler origin-request body @serverless.yml:23 [serverless]',
      'src/edge/headers.mjs#addHeaders origin-response @serverless.yml:31 [serverless]',
      'src/edge/headers.mjs#addHeaders viewer-response @serverless.yml:34 [serverless]',
      'src/edge/redirect.js#handler viewer-request @serverless.yml:17 [serverless]',
    ]);
    expect(map.problems).toEqual([]);
  });
});

describe('SAM and CloudFormation', () => {
  it('reads a SAM template with short tags, AutoPublishAlias and a Lambda::Version', () => {
    const { map, rows: found } = discovered('sam');
    expect(found).toEqual([
      'edge/app.ts#originResponse origin-response @template.yaml:78 [sam]',
      'edge/app.ts#viewerRequest viewer-request @template.yaml:76 [sam]',
      'edge/image/index.mjs#handler origin-request body @template.yaml:85 [sam]',
      'edge/image/index.mjs#handler origin-response @template.yaml:92 [sam]',
    ]);
    expect(map.problems).toEqual([]);
  });

  it('reads a CloudFormation JSON template through Ref, GetAtt and Fn::Join', () => {
    const { map, rows: found } = discovered('cloudformation');
    expect(found).toEqual([
      'src/lambda/auth.js#check viewer-request @cloudformation/edge.template.json:57 [cloudformation]',
      'src/lambda/headers.js#handler viewer-response @cloudformation/edge.template.json:45 [cloudformation]',
    ]);
    expect(map.problems).toEqual([]);
  });
});

describe('Terraform', () => {
  it('reads default and ordered cache behaviors through archive_file source_file and source_dir', () => {
    const { map, rows: found } = discovered('terraform');
    expect(found).toEqual([
      'edge/auth/main.js#handler origin-request body @terraform/main.tf:40 [terraform]',
      'edge/redirect.js#handler viewer-request @terraform/main.tf:26 [terraform]',
    ]);
    expect(map.problems).toEqual([]);
  });

  /** A one-function Terraform module; `extra` goes into the aws_lambda_function block. */
  function edgeModule(extra: string, prefix = '', more = ''): Record<string, string> {
    return {
      'edge/index.js': 'exports.handler = async (event) => event.Records[0].cf.request;\n',
      'main.tf': [
        `${prefix}data "archive_file" "edge" {`,
        '  type        = "zip"',
        '  source_file = "${path.module}/edge/index.js"',
        '  output_path = "${path.module}/build/edge.zip"',
        '}',
        '',
        'resource "aws_lambda_function" "edge" {',
        '  function_name = "edge"',
        '  filename      = data.archive_file.edge.output_path',
        '  handler       = "index.handler"',
        '  runtime       = "nodejs22.x"',
        '  publish       = true',
        extra,
        '}',
        '',
        'resource "aws_cloudfront_distribution" "cdn" {',
        '  default_cache_behavior {',
        '    lambda_function_association {',
        '      event_type = "viewer-request"',
        '      lambda_arn = aws_lambda_function.edge.qualified_arn',
        '    }',
        '  }',
        '}',
        more,
      ].join('\n'),
    };
  }

  it('takes a filename written as the same path as an archive_file output, or hashed from one, for that archive', () => {
    for (const [filename, extra] of [
      ['"${path.module}/build/edge.zip"', ''],
      ['"${path.module}/out.zip"', '  source_code_hash = data.archive_file.edge.output_base64sha256'],
    ]) {
      const files = edgeModule(extra);
      files['main.tf'] = files['main.tf']!.replace('data.archive_file.edge.output_path', filename);
      const root = project(files);
      const map = getInfrastructureMap(options(root));
      expect(rows(map, root), filename).toEqual([`edge/index.js#handler viewer-request @main.tf:19 [terraform]`]);
      expect(map.problems).toEqual([]);
    }
    // Another path and no hash: a prebuilt archive, named relative to the project.
    const files = edgeModule('');
    files['main.tf'] = files['main.tf']!.replace('data.archive_file.edge.output_path', '"${path.module}/dist/prebuilt.zip"');
    const root = project(files);
    expect(getInfrastructureMap(options(root)).problems.map((p) => p.what)).toEqual([
      "aws_cloudfront_distribution.cdn default_cache_behavior lambda_function_association → aws_lambda_function.edge filename 'dist/prebuilt.zip' is a prebuilt archive; no source to lint.",
    ]);
  });

  // Each of these made codemirror-lang-hcl reject the whole file, so the binding was lost.
  it.each([
    ['a function call as an object value', '  tags = { Name = format("%s-edge", var.name) }'],
    ['timestamp()', '  description = "built ${timestamp()}"\n  source_code_hash = filebase64sha256(timestamp())'],
    ['a call inside a nested block', '  environment {\n    variables = { X = jsonencode(var.y) }\n  }'],
  ])('binds the handler in a file with %s', (_name, extra) => {
    const root = project(edgeModule(extra));
    const map = getInfrastructureMap(options(root));
    // event_type is on line 19 plus the lines `extra` adds after the first.
    const line = 19 + extra.split('\n').length - 1;
    expect(rows(map, root)).toEqual([`edge/index.js#handler viewer-request @main.tf:${line} [terraform]`]);
    expect(map.problems).toEqual([]);
  });

  it('binds the handler beside an object({...}) variable type, an attribute named in, and a BOM', () => {
    const root = project(
      edgeModule(
        '',
        '\uFEFF',
        'variable "v" {\n  type = object({ a = list(string), b = optional(bool, true) })\n}\n\nresource "x" "y" {\n  b { in = "QUERY" }\n}\n',
      ),
    );
    const map = getInfrastructureMap(options(root));
    expect(rows(map, root)).toEqual(['edge/index.js#handler viewer-request @main.tf:19 [terraform]']);
    expect(map.problems).toEqual([]);
  });

  it('names the line and column of a syntax error', () => {
    const root = project(edgeModule('  memory_size = 128 +\n'));
    const map = getInfrastructureMap(options(root));
    expect(rows(map, root)).toEqual([]);
    expect(map.problems.map((p) => p.message)).toEqual([
      'main.tf:13: does not parse as HCL (column 22: Invalid expression: expected the start of an expression, but found the end of the line.); its resources are not read.',
    ]);
  });
});

describe('lookupFile', () => {
  it('gives a handler file its event types per export and where they were declared', () => {
    const cwd = join(FIXTURES, 'sam');
    const info = lookupFile(options(cwd), join(cwd, 'edge/app.ts'));
    expect(info?.declaredIn).toBe('template.yaml:76, template.yaml:78');
    expect(Object.fromEntries([...info!.byExport].map(([k, v]) => [k, [...v]]))).toEqual({
      viewerRequest: ['viewer-request'],
      originResponse: ['origin-response'],
    });
    expect(info?.importedBy).toBeUndefined();
  });

  it('gives modules imported by handlers, transitively, the union of their event types', () => {
    const cwd = join(FIXTURES, 'cdk-ts');
    const o = options(cwd);
    const responses = lookupFile(o, join(cwd, 'edge/auth/responses.ts'));
    expect(responses?.byExport.size).toBe(0);
    expect([...responses!.importedBy!]).toEqual(['origin-request']);
    expect(responses?.declaredIn).toBe('imported from edge/auth/index.ts');
    // responses.ts imports '../shared/text' (no extension): followed one more level.
    expect([...lookupFile(o, join(cwd, 'edge/shared/text.ts'))!.importedBy!]).toEqual(['origin-request']);
    expect(lookupFile(o, join(cwd, 'edge/unused-helper.ts'))).toBeUndefined();
    expect(lookupFile(o, join(cwd, 'lib/edge-stack.ts'))).toBeUndefined();
  });

  it('follows require() in CommonJS handlers and unions the types of every importing handler', () => {
    const cwd = join(FIXTURES, 'sam');
    const rewrite = lookupFile(options(cwd), join(cwd, 'edge/lib/rewrite.ts'));
    expect([...rewrite!.importedBy!]).toEqual(['viewer-request', 'origin-response']);
    const tf = join(FIXTURES, 'terraform');
    expect([...lookupFile(options(tf), join(tf, 'edge/auth/deny.js'))!.importedBy!]).toEqual(['origin-request']);
  });

  it('does nothing when infrastructure is false', () => {
    const cwd = join(FIXTURES, 'sam');
    expect(lookupFile(options(cwd, { infrastructure: false }), join(cwd, 'edge/app.ts'))).toBeUndefined();
    expect(getInfrastructureMap(options(cwd, { infrastructure: false }))).toEqual({ bindings: [], problems: [] });
  });

  it('reads only the listed files and globs when infrastructure is a list', () => {
    const cwd = join(FIXTURES, 'serverless');
    const map = getInfrastructureMap(options(cwd, { infrastructure: ['plugin-service/*.yaml', 'missing/*.yml'] }));
    expect(rows(map, cwd).map((r) => r.split(' ')[0])).toEqual([
      'plugin-service/handlers/multi.ts#onRequest',
      'plugin-service/handlers/multi.ts#onRequest',
      'plugin-service/handlers/multi.ts#onResponse',
      'plugin-service/handlers/rewrite.js#handler',
    ]);
    expect(map.problems.map((p) => p.message)).toEqual([
      `settings['lambda-edge'].infrastructure entry 'missing/*.yml' matches no file under ${cwd}.`,
    ]);
  });

  it('uses a handlers map instead of discovery, and still follows its imports', () => {
    const cwd = join(FIXTURES, 'terraform');
    const o = options(cwd, {
      handlers: { 'edge/auth/main.js': { handler: ['viewer-request'] }, 'edge/gone.js': { handler: ['origin-request'] } },
    });
    const main = lookupFile(o, join(cwd, 'edge/auth/main.js'));
    expect([...main!.byExport.get('handler')!]).toEqual(['viewer-request']);
    expect(main?.declaredIn).toBe("settings['lambda-edge'].handlers");
    expect([...lookupFile(o, join(cwd, 'edge/auth/deny.js'))!.importedBy!]).toEqual(['viewer-request']);
    // The map replaces discovery: main.tf's binding of redirect.js is not used.
    expect(lookupFile(o, join(cwd, 'edge/redirect.js'))).toBeUndefined();
    expect(getInfrastructureProblems(o).map((p) => p.message)).toEqual([
      `settings['lambda-edge'].handlers names edge/gone.js, which does not exist (relative to ${cwd}).`,
    ]);
  });

  it('discovers once per (cwd, options) and answers later lookups from the cache', () => {
    const cwd = join(FIXTURES, 'cloudformation');
    const o = options(cwd);
    const first = getInfrastructureMap(o);
    expect(first.bindings).toHaveLength(2);
    expect(getInfrastructureMap({ ...o }).bindings).toBe(first.bindings);
    const a = lookupFile(o, join(cwd, 'src/lambda/auth.js'));
    expect(lookupFile({ ...o }, join(cwd, 'src/lambda/auth.js'))).toBe(a);
  });
});

describe('which code files are read for CDK', () => {
  const STACK = [
    "import * as path from 'node:path';",
    "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "const fn = new lambda.Function(stack, 'F', { handler: 'index.handler', code: lambda.Code.fromAsset(path.join(__dirname, 'fn')) });",
    "new cloudfront.Distribution(stack, 'D', { defaultBehavior: { origin, edgeLambdas: [",
    '  { functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE },',
    '] } });',
    '',
  ].join('\n');
  const HANDLER = 'exports.handler = async (e) => e.Records[0].cf.response;\n';
  const FOUND = 'infra/fn/index.js#handler origin-response @infra/stack.ts:6 [cdk]';
  const found = (cwd: string) => rows(getInfrastructureMap(options(cwd)), cwd);

  it('a project whose package.json files do not name CDK has no CDK code to read', () => {
    const cwd = project({
      'package.json': '{ "name": "site", "dependencies": { "express": "^5.0.0" } }',
      'infra/stack.ts': STACK,
      'infra/fn/index.js': HANDLER,
    });
    expect(found(cwd)).toEqual([]);
  });

  it('reads the code when a package.json of the project declares aws-cdk-lib', () => {
    const cwd = project({
      'package.json': '{ "name": "site", "workspaces": ["infra"] }',
      'infra/package.json': '{ "name": "infra", "dependencies": { "aws-cdk-lib": "^2.200.0" } }',
      'infra/stack.ts': STACK,
      'infra/fn/index.js': HANDLER,
    });
    expect(found(cwd)).toEqual([FOUND]);
  });

  it('reads the code when a package.json above the project (a monorepo root) declares CDK', () => {
    const root = project({
      'package.json': '{ "private": true, "devDependencies": { "aws-cdk-lib": "^2.200.0" } }',
      'packages/site/package.json': '{ "name": "site" }',
      'packages/site/infra/stack.ts': STACK,
      'packages/site/infra/fn/index.js': HANDLER,
    });
    expect(found(join(root, 'packages/site'))).toEqual([FOUND]);
  });

  it('reads the code when there is a cdk.json, whatever package.json says', () => {
    const cwd = project({
      'package.json': '{ "name": "site" }',
      'infra/cdk.json': '{ "app": "npx ts-node stack.ts" }',
      'infra/stack.ts': STACK,
      'infra/fn/index.js': HANDLER,
    });
    expect(found(cwd)).toEqual([FOUND]);
  });

  it('reads the code of a project without any package.json of its own', () => {
    const cwd = project({ 'infra/stack.ts': STACK, 'infra/fn/index.js': HANDLER });
    expect(found(cwd)).toEqual([FOUND]);
  });
});
