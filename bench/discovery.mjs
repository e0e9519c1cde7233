// Discovery benchmark: generates a project with 50 Lambda@Edge functions spread over a
// CDK app, two Serverless services, a SAM template and a Terraform module, then measures
// discovery in fresh processes (cold: module loading included) and in a warm process.
// Run with `npm run bench:discovery` (it builds first: this file imports dist/).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const INFRA = pathToFileURL(join(here, '../dist/src/infra/index.js')).href;
const EVENTS = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'];
const CDK_EVENTS = ['VIEWER_REQUEST', 'ORIGIN_REQUEST', 'ORIGIN_RESPONSE', 'VIEWER_RESPONSE'];
const COUNTS = { cdk: 14, serverless: 12, sam: 12, terraform: 12 };
const TARGET_COLD_MS = 300;

function write(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function handler(root, path, exportName = 'handler') {
  write(root, path, `import { pass } from '../shared/pass.js';\nexport const ${exportName} = async (event) => pass(event.Records[0].cf);\n`);
}

/** Writes the generated app; returns how many handler bindings discovery must find. */
function generate(root) {
  write(root, 'shared/pass.js', "export const pass = (cf) => cf.response ?? cf.request;\n");
  // Ordinary application code that discovery scans past.
  for (let i = 0; i < 40; i++) write(root, `src/app/module${i}.ts`, `export const value${i} = ${i};\n`);

  // CDK: a stack with EdgeFunction and NodejsFunction, half through a construct in another file.
  write(root, 'cdk/cdk.json', '{ "app": "npx ts-node bin/app.ts" }\n');
  write(root, 'cdk/bin/app.ts', "import * as cdk from 'aws-cdk-lib';\nimport { EdgeStack } from '../lib/edge-stack';\nnew EdgeStack(new cdk.App(), 'Edge');\n");
  write(root, 'cdk/lib/edge-fn.ts', [
    "import { Construct } from 'constructs';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
    'export class EdgeFn extends Construct {',
    '  public readonly version: lambda.IVersion;',
    '  constructor(scope: Construct, id: string, props: { entry: string }) {',
    '    super(scope, id);',
    "    const fn = new NodejsFunction(this, 'Fn', { entry: props.entry });",
    "    this.version = new lambda.Version(this, 'V', { lambda: fn });",
    '  }',
    '}',
    '',
  ].join('\n'));
  const fns = [];
  const lambdas = [];
  for (let i = 0; i < COUNTS.cdk; i++) {
    if (i % 2 === 0) {
      handler(root, `cdk/edge/f${i}/index.ts`);
      fns.push(`    const f${i} = new cloudfront.experimental.EdgeFunction(this, 'F${i}', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromAsset(path.join(__dirname, '../edge/f${i}')) });`);
      lambdas.push(`{ functionVersion: f${i}.currentVersion, eventType: cloudfront.LambdaEdgeEventType.${CDK_EVENTS[i % 4]} }`);
    } else {
      handler(root, `cdk/edge/f${i}.ts`);
      fns.push(`    const f${i} = new EdgeFn(this, 'F${i}', { entry: path.join(__dirname, '../edge/f${i}.ts') });`);
      lambdas.push(`{ functionVersion: f${i}.version, eventType: cloudfront.LambdaEdgeEventType.${CDK_EVENTS[i % 4]} }`);
    }
  }
  const behaviors = [];
  for (let i = 0; i < lambdas.length; i += 2) {
    behaviors.push(`        'p${i}/*': { origin, edgeLambdas: [${lambdas.slice(i, i + 2).join(', ')}] },`);
  }
  write(root, 'cdk/lib/edge-stack.ts', [
    "import * as path from 'node:path';",
    "import { Stack } from 'aws-cdk-lib';",
    "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
    "import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import { EdgeFn } from './edge-fn';",
    'export class EdgeStack extends Stack {',
    '  constructor(scope: any, id: string) {',
    '    super(scope, id);',
    ...fns,
    "    const origin = new origins.HttpOrigin('example.com');",
    "    new cloudfront.Distribution(this, 'Cdn', {",
    '      defaultBehavior: { origin },',
    '      additionalBehaviors: {',
    ...behaviors,
    '      },',
    '    });',
    '  }',
    '}',
    '',
  ].join('\n'));

  // Serverless: two services.
  for (const service of ['site', 'api']) {
    const lines = [`service: ${service}`, 'provider:', '  name: aws', '  runtime: nodejs20.x', 'functions:'];
    for (let i = 0; i < COUNTS.serverless / 2; i++) {
      handler(root, `services/${service}/edge/f${i}.js`);
      lines.push(`  f${i}:`, `    handler: edge/f${i}.handler`, '    events:', '      - cloudFront:', `          eventType: ${EVENTS[i % 4]}`, '          origin: ${self:custom.origin}');
    }
    write(root, `services/${service}/serverless.yml`, `${lines.join('\n')}\n`);
  }

  // SAM: functions with AutoPublishAlias, on the default and extra cache behaviors.
  const resources = [];
  const associations = [];
  for (let i = 0; i < COUNTS.sam; i++) {
    handler(root, `sam/edge/f${i}/app.ts`, 'lambdaHandler');
    resources.push(`  F${i}:`, '    Type: AWS::Serverless::Function', '    Properties:', `      CodeUri: edge/f${i}/`, '      Handler: app.lambdaHandler', '      AutoPublishAlias: live');
    associations.push(`      - PathPattern: /s${i}/*`, '        LambdaFunctionAssociations:', `          - EventType: ${EVENTS[i % 4]}`, `            LambdaFunctionARN: !Ref F${i}.Version`);
  }
  write(root, 'sam/template.yaml', [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    ...resources,
    '  Cdn:',
    '    Type: AWS::CloudFront::Distribution',
    '    Properties:',
    '      DistributionConfig:',
    '        DefaultCacheBehavior: { TargetOriginId: o }',
    '        CacheBehaviors:',
    ...associations.map((l) => `    ${l}`),
    '',
  ].join('\n'));

  // Terraform: archive_file per function, ordered cache behaviors.
  const tf = [];
  const ordered = [];
  for (let i = 0; i < COUNTS.terraform; i++) {
    handler(root, `edge-tf/f${i}/index.js`);
    tf.push(
      `data "archive_file" "f${i}" {`, '  type = "zip"', `  source_dir = "\${path.module}/../edge-tf/f${i}"`, `  output_path = "\${path.module}/build/f${i}.zip"`, '}',
      `resource "aws_lambda_function" "f${i}" {`, `  function_name = "f${i}"`, '  handler = "index.handler"', '  runtime = "nodejs20.x"', `  filename = data.archive_file.f${i}.output_path`, '  publish = true', '}',
    );
    ordered.push('  ordered_cache_behavior {', `    path_pattern = "/t${i}/*"`, '    lambda_function_association {', `      event_type = "${EVENTS[i % 4]}"`, `      lambda_arn = aws_lambda_function.f${i}.qualified_arn`, '    }', '  }');
  }
  write(root, 'terraform/lambda.tf', `${tf.join('\n')}\n`);
  write(root, 'terraform/cdn.tf', ['resource "aws_cloudfront_distribution" "cdn" {', '  enabled = true', ...ordered, '}', ''].join('\n'));
  return COUNTS.cdk + COUNTS.serverless + COUNTS.sam + COUNTS.terraform;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function child(root, withParser) {
  // As inside ESLint on a TypeScript project: the parser (and its typescript) is already loaded.
  if (withParser) await import('@typescript-eslint/parser');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const infra = await import(INFRA);
  const t1 = performance.now();
  const map = infra.getInfrastructureMap({ cwd: root, infrastructure: undefined, handlers: undefined });
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ load: t1 - t0, discover: t2 - t1, cpu: (cpu.user + cpu.system) / 1000, bindings: map.bindings.length, problems: map.problems.map((p) => p.message) }));
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'lambda-edge-bench-'));
  try {
    const expected = generate(root);
    const runCold = (...extra) => {
      const runs = [];
      for (let i = 0; i < 5; i++) {
        const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', root, ...extra], { encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
        runs.push(JSON.parse(run.stdout));
      }
      return runs;
    };
    const cold = runCold();
    const coldInEslint = runCold('--with-parser');
    if (cold[0].bindings !== expected || cold[0].problems.length > 0) {
      throw new Error(`expected ${expected} bindings and no problems, got ${cold[0].bindings}: ${cold[0].problems.join('; ')}`);
    }

    const infra = await import(INFRA);
    const opts = { cwd: root, infrastructure: undefined, handlers: undefined };
    infra.getInfrastructureMap(opts);
    const warm = [];
    for (let i = 0; i < 10; i++) {
      infra.clearInfrastructureCache();
      const t = performance.now();
      infra.getInfrastructureMap(opts);
      warm.push(performance.now() - t);
    }
    const file = join(root, 'sam/edge/f3/app.ts');
    const lookups = 100_000;
    const t = performance.now();
    for (let i = 0; i < lookups; i++) infra.lookupFile(opts, file);
    const perLookupUs = ((performance.now() - t) / lookups) * 1000;

    const coldTotal = median(cold.map((c) => c.load + c.discover));
    console.log(`discovery of ${expected} functions (CDK ${COUNTS.cdk}, Serverless ${COUNTS.serverless}, SAM ${COUNTS.sam}, Terraform ${COUNTS.terraform})`);
    console.log(`  cold, fresh process (median of 5): ${coldTotal.toFixed(0)} ms = module load ${median(cold.map((c) => c.load)).toFixed(0)} ms + discovery ${median(cold.map((c) => c.discover)).toFixed(0)} ms`);
    console.log(`  cold CPU time (median of 5): ${median(cold.map((c) => c.cpu)).toFixed(0)} ms (wall time grows when the machine is busy: load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
    const coldEslintTotal = median(coldInEslint.map((c) => c.load + c.discover));
    console.log(`  cold, fresh process with @typescript-eslint/parser loaded first, as in ESLint on a TypeScript project (median of 5): ${coldEslintTotal.toFixed(0)} ms`);
    console.log(`  warm, cache cleared (median of 10): ${median(warm).toFixed(0)} ms`);
    console.log(`  lookupFile after discovery: ${perLookupUs.toFixed(2)} µs per call`);
    console.log(`  target: cold under ${TARGET_COLD_MS} ms: ${coldEslintTotal < TARGET_COLD_MS ? 'met' : 'NOT met'} inside ESLint on a TypeScript project, ${coldTotal < TARGET_COLD_MS ? 'met' : 'NOT met'} in a bare process`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4] === '--with-parser');
else await main();
