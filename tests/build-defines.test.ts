import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterEach, describe, expect, it } from 'vitest';
import { EVERY_VARIABLE, clearBuildDefines, defineNamesIn, projectDefines } from '../src/build-defines.js';
import { clearInfrastructureCache, lookupFile } from '../src/infra/index.js';
import plugin from '../src/index.js';
import { options, project } from './infra/helpers.js';

// Every configuration below is written for this test: the shapes bundler configs take.

afterEach(() => {
  clearBuildDefines();
  clearInfrastructureCache();
});

describe('defineNamesIn', () => {
  it('reads esbuild, rollup replace, Vite and tsup define keys', () => {
    const esbuild = `import { build } from 'esbuild';
await build({
  entryPoints: ['src/edge.ts'],
  define: { 'process.env.USER_POOL_ID': JSON.stringify(pool), "process.env.STAGE": '"prod"', [\`process.env.\${dyn}\`]: '1' },
});`;
    expect(defineNamesIn('build.mjs', esbuild).sort()).toEqual(['STAGE', 'USER_POOL_ID']);
    const rollup = `import replace from '@rollup/plugin-replace';
export default { plugins: [replace({ preventAssignment: true, values: { 'process.env.API_HOST': JSON.stringify(host) } })] };`;
    expect(defineNamesIn('rollup.config.js', rollup)).toEqual(['API_HOST']);
  });

  it('reads webpack DefinePlugin in both spellings and EnvironmentPlugin', () => {
    const webpack = `const webpack = require('webpack');
module.exports = {
  plugins: [
    new webpack.DefinePlugin({ 'process.env.ORIGIN': JSON.stringify(o), 'process.env': { BUILD_ID: '"1"', REGION } }),
    new webpack.EnvironmentPlugin(['COMMIT']),
    new EnvironmentPlugin({ BRANCH: 'main' }),
  ],
};`;
    expect(defineNamesIn('webpack.config.js', webpack).sort()).toEqual(['BRANCH', 'BUILD_ID', 'COMMIT', 'ORIGIN', 'REGION']);
  });

  it('reads the text replacements of a gulpfile or build script (a string or a regex of the name as written)', () => {
    const gulp = `const { src, dest } = require('gulp');
const replace = require('gulp-replace');
exports.build = () => src('index.js')
  .pipe(replace('process.env.ORIGIN_HOST', JSON.stringify(cfg.host)))
  .pipe(replace(/process\\.env\\.BOT_PATTERN/g, JSON.stringify(cfg.bots)))
  .pipe(dest('dist'));`;
    expect(defineNamesIn('gulpfile.js', gulp).sort()).toEqual(['BOT_PATTERN', 'ORIGIN_HOST']);
    const script = `const code = fs.readFileSync('src/edge.js', 'utf8').replaceAll('process.env.STAGE', '"prod"');`;
    expect(defineNamesIn('build.mjs', script)).toEqual(['STAGE']);
    // Another search text, a replacement that reads the environment, a regex of something else.
    const other = "const a = s.replace('process.env', 'x'); const b = t.replace('X', process.env.Y); const c = u.replace(/process\\.env\\.[A-Z]+/g, f);";
    expect(defineNamesIn('build.js', other)).toEqual([]);
  });

  it('reads nothing from a file that only reads the environment or defines other names', () => {
    expect(defineNamesIn('build.js', `const stage = process.env.STAGE; build({ define: { DEBUG: 'false' } });`)).toEqual([]);
    expect(defineNamesIn('build.js', `module.exports = {};`)).toEqual([]);
  });

  it('reads a define of every variable of the build environment as the wildcard', () => {
    const loop = `import { build } from 'esbuild';
const define = {};
for (const k in process.env) define[\`process.env.\${k}\`] = JSON.stringify(process.env[k]);
await build({ entryPoints: ['src/index.ts'], define });`;
    expect(defineNamesIn('esbuild.mjs', loop)).toEqual([EVERY_VARIABLE]);
    const concatenated = `const define = {};\nObject.keys(process.env).forEach((k) => { define['process.env.' + k] = JSON.stringify(process.env[k]); });`;
    expect(defineNamesIn('build.js', concatenated)).toEqual([EVERY_VARIABLE]);
    // Another prefix, or a read of the environment under a computed name, defines nothing.
    expect(defineNamesIn('build.js', `const o = {}; for (const k in process.env) o[\`env.\${k}\`] = 1; const v = process.env[\`X_\${n}\`];`)).toEqual([]);
  });

  it('reads dotenv-webpack as a define of every variable (it inlines every process.env.X from .env)', () => {
    expect(defineNamesIn('webpack.config.js', "const Dotenv = require('dotenv-webpack');\nmodule.exports = { plugins: [new Dotenv({ path: './.env.prod' })] };")).toEqual([EVERY_VARIABLE]);
    expect(defineNamesIn('webpack.config.mjs', "import DotenvPlugin from 'dotenv-webpack';\nexport default { plugins: [new DotenvPlugin()] };")).toEqual([EVERY_VARIABLE]);
    expect(defineNamesIn('webpack.config.js', "module.exports = { plugins: [new (require('dotenv-webpack'))()] };")).toEqual([EVERY_VARIABLE]);
    // Named in a comment or a string, or imported and not used: nothing.
    expect(defineNamesIn('webpack.config.js', "// we used dotenv-webpack once\nconst name = 'dotenv-webpack';\nmodule.exports = {};")).toEqual([]);
    expect(defineNamesIn('webpack.config.js', "const Dotenv = require('dotenv-webpack');\nmodule.exports = { plugins: [] };")).toEqual([]);
  });

  it('reads what it can of a file cut short (the parser recovers), without throwing', () => {
    expect(defineNamesIn('build.js', `const x = { 'process.env.A': `)).toEqual(['A']);
    expect(defineNamesIn('build.js', `process.env )(}{ 'process.env.`)).toEqual([]);
  });
});

describe('projectDefines', () => {
  it('reads configuration files from the file up to cwd, and their scripts folders, never above cwd', () => {
    const root = project({
      'webpack.config.js': `module.exports = { plugins: [new DefinePlugin({ 'process.env.ROOT_NAME': '"r"' })] };`,
      'packages/edge/scripts/build.mjs': `build({ define: { 'process.env.PKG_NAME': '"p"' } });`,
      'packages/edge/src/handler.js': `exports.handler = async (event) => event.Records[0].cf.request;`,
      'packages/edge/src/vite.config.d.ts': `declare const x: { 'process.env.TYPES_ONLY': string };`,
      'packages/other/esbuild.config.mjs': `build({ define: { 'process.env.OTHER': '"o"' } });`,
      'packages/edge/gulpfile.js': `exports.default = () => src('src/*.js').pipe(replace('process.env.GULP_NAME', '"g"'));`,
    });
    const file = join(root, 'packages/edge/src/handler.js');
    expect([...projectDefines(root, file)].sort()).toEqual(['GULP_NAME', 'PKG_NAME', 'ROOT_NAME']);
    expect([...projectDefines(join(root, 'packages/edge'), file)].sort()).toEqual(['GULP_NAME', 'PKG_NAME']);
    expect([...projectDefines(join(root, 'packages/other'), file)]).toEqual([]);
  });
});

describe('the folder listing cache', () => {
  it('keeps the listing until the infrastructure cache is cleared, then sees a bundler config written since', () => {
    const root = project({ 'edge/handler.js': `exports.handler = async (event) => event.Records[0].cf.request;` });
    const file = join(root, 'edge/handler.js');
    expect([...projectDefines(root, file)]).toEqual([]);
    writeFileSync(join(root, 'esbuild.config.mjs'), `build({ define: { 'process.env.ADDED_LATER': '"x"' } });`);
    // The folder was listed once: a new file is not seen until the caches are cleared.
    expect([...projectDefines(root, file)]).toEqual([]);
    clearInfrastructureCache();
    expect([...projectDefines(root, file)]).toEqual(['ADDED_LATER']);
  });
});

describe('CDK NodejsFunction bundling.define', () => {
  const stack = `import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
const fn = new NodejsFunction(this, 'Auth', {
  entry: 'edge/auth.ts',
  runtime: lambda.Runtime.NODEJS_22_X,
  bundling: { define: { 'process.env.USER_POOL_ID': JSON.stringify(pool.userPoolId), 'process.env.CLIENT_ID': JSON.stringify(id) } },
});
new cloudfront.Distribution(this, 'D', { defaultBehavior: { origin, edgeLambdas: [
  { functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST },
] } });
`;
  const files = {
    'cdk.json': '{ "app": "npx ts-node lib/stack.ts" }',
    'lib/stack.ts': stack,
    'edge/auth.ts': `import { poolId } from './config';\nexport const handler = async (event: any) => (poolId, event.Records[0].cf.request);\n`,
    'edge/config.ts': `export const poolId = process.env.USER_POOL_ID;\nexport const region = process.env.POOL_REGION;\n`,
  };

  it('gives the entry and the modules it imports the defined names', () => {
    const root = project(files);
    expect([...(lookupFile(options(root), join(root, 'edge/auth.ts'))?.defines ?? [])].sort()).toEqual(['CLIENT_ID', 'USER_POOL_ID']);
    expect([...(lookupFile(options(root), join(root, 'edge/config.ts'))?.defines ?? [])].sort()).toEqual(['CLIENT_ID', 'USER_POOL_ID']);
  });

  it('silences no-env-vars for every name when a bundler configuration defines every variable', () => {
    const root = project({
      'package.json': '{}',
      'esbuild.mjs': "const define = {};\nfor (const k in process.env) define[`process.env.${k}`] = JSON.stringify(process.env[k]);\n",
      'src/index.js': "const HOST = process.env.REDIRECT_HOST;\nexports.handler = async (event) => ({ status: '302', headers: { location: [{ value: HOST + event.Records[0].cf.request.uri }] } });\n",
    });
    const linter = new Linter({ configType: 'flat', cwd: root });
    const messages = linter.verify(readFileSync(join(root, 'src/index.js'), 'utf8'), [plugin.configs.recommended], join(root, 'src/index.js'));
    expect(messages.filter((m) => m.ruleId === 'lambda-edge/no-env-vars')).toEqual([]);
    // The same file without that configuration is reported.
    writeFileSync(join(root, 'esbuild.mjs'), 'export default {};\n');
    clearBuildDefines();
    const again = linter.verify(readFileSync(join(root, 'src/index.js'), 'utf8'), [plugin.configs.recommended], join(root, 'src/index.js'));
    expect(again.filter((m) => m.ruleId === 'lambda-edge/no-env-vars').map((m) => `${m.line}:${m.column}`)).toEqual(['1:14']);
  });

  it('silences no-env-vars for those names only', () => {
    const root = project(files);
    const linter = new Linter({ configType: 'flat', cwd: root });
    const messages = linter.verify(
      files['edge/config.ts'],
      [
        { ...plugin.configs.recommended, files: ['**/*.ts'] },
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      ],
      join(root, 'edge/config.ts'),
    );
    expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message.slice(0, 36)}`)).toEqual([
      'lambda-edge/no-env-vars 2:23 `process.env.POOL_REGION` is not set',
    ]);
  });
});

describe('CDK Code.fromAsset bundling command', () => {
  it('gives the handler the names an esbuild --define: flag of the asset bundling command replaces', () => {
    const root = project({
      'cdk.json': '{}',
      'lib/stack.ts': `import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
const fn = new cloudfront.experimental.EdgeFunction(this, 'Fn', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset('edge', {
    bundling: {
      image: lambda.Runtime.NODEJS_22_X.bundlingImage,
      command: ['bash', '-c', \`npx esbuild index.ts --bundle --define:process.env.GREETING="'hello'" --outfile=/asset-output/index.js\`],
    },
  }),
});
new cloudfront.Distribution(this, 'D', { defaultBehavior: { origin, edgeLambdas: [
  { functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST },
] } });
`,
      'edge/index.ts': `export const handler = async (event: any) => { event.Records[0].cf.request.headers['x-greeting'] = [{ value: process.env.GREETING ?? '' }]; return event.Records[0].cf.request; };\n`,
    });
    expect([...(lookupFile(options(root), join(root, 'edge/index.ts'))?.defines ?? [])]).toEqual(['GREETING']);
  });

  it('reads a command written as a list of shell steps joined, in a construct a method of the stack returns', () => {
    const root = project({
      'cdk.json': '{}',
      'lib/stack.ts': `import * as cdk from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
export class EdgeStack extends cdk.Stack {
  constructor(scope: any, id: string) {
    super(scope, id);
    const edge = this.makeEdge();
    new cloudfront.Distribution(this, 'D', { defaultBehavior: { origin, edgeLambdas: [
      { functionVersion: edge.currentVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST },
    ] } });
  }
  private makeEdge(): cloudfront.experimental.EdgeFunction {
    const fn = new cloudfront.experimental.EdgeFunction(this, 'Fn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('edge', {
        bundling: {
          image: lambda.Runtime.NODEJS_22_X.bundlingImage,
          command: ['bash', '-c', ['npm ci', \`npx esbuild index.ts --bundle --define:process.env.BUCKET="'b'" --outfile=index.js\`, 'cp index.js /asset-output'].join(' && ')],
        },
      }),
    });
    return fn;
  }
}
new EdgeStack(app, 'S');
`,
      'edge/index.ts': `export const handler = async (event: any) => { const r = event.Records[0].cf.request; r.headers['x-b'] = [{ value: process.env.BUCKET ?? '' }]; return r; };\n`,
    });
    const entry = lookupFile(options(root), join(root, 'edge/index.ts'));
    expect([...(entry?.byExport.get('handler') ?? [])]).toEqual(['origin-request']);
    expect([...(entry?.defines ?? [])]).toEqual(['BUCKET']);
  });
});
