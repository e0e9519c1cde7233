import rule from '../../rules/no-env-vars.js';
import * as path from 'node:path';
import { FIXTURES, byMessage, createRuleTester } from '../rule-tester.js';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterEach, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearBuildDefines } from '../../src/build-defines.js';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import { project } from '../infra/helpers.js';

const ruleTester = createRuleTester();

ruleTester.run('no-env-vars', rule, {
  valid: [
    // A local object named `process` is not Node's.
    {
      code: `const process = { env: { STAGE: 'prod' } };
exports.handler = async (event) => {
  console.log(process.env.STAGE);
  return event.Records[0].cf.request;
};`,
      languageOptions: { globals: { process: 'readonly' } },
    },
    // A computed key that is a constant naming a runtime variable (bundled AWS SDK code).
    `var ENV_REGION = 'AWS_REGION';
var KEY = 'AWS_ACCESS_KEY_ID';
exports.handler = async (event) => {
  const region = process.env[ENV_REGION];
  const id = process.env[KEY];
  return event.Records[0].cf.request;
};`,
    // Logging the whole environment reads no configuration.
    `const log = (label, value) => console.log(label, JSON.stringify(value));
exports.handler = (event, context, callback) => {
  log('process.env', process.env);
  console.debug(process.env);
  logger.info({ env: JSON.stringify(process.env) });
  callback(null, event.Records[0].cf.request);
};`,
    // The whole environment inside a value that is serialised or logged: a dump.
    `exports.handler = (event, context, callback) => {
  console.log({ event, env: process.env });
  callback(null, { status: '500', body: JSON.stringify({ error: 'denied', debug: [process.env] }) });
};`,
    // API Gateway lambda in the same repository: environment variables are fine there.
    `exports.handler = async (event) => {
      const table = process.env.TABLE_NAME;
      return { statusCode: 200, body: JSON.stringify({ table, id: event.requestContext.requestId }) };
    };`,
    // An S3-triggered lambda also has Records, but no cf.
    `exports.handler = async (event) => {
      const bucket = process.env.BUCKET;
      for (const record of event.Records) console.log(bucket, record.s3.object.key);
    };`,
    // CloudFront Functions: not Lambda@Edge (and there is no process at all there).
    `function handler(event) { var request = event.request; return request; }`,
    // Runtime variables do exist in Lambda@Edge.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      console.log(process.env.AWS_REGION, process.env['AWS_LAMBDA_FUNCTION_NAME']);
      const { AWS_LAMBDA_FUNCTION_VERSION: version, TZ } = process.env;
      return request;
    };`,
    // Configuration compiled in; a value the code sets itself and reads back.
    `import config from './config.json' with { type: 'json' };
    process.env.AWS_NODEJS_CONNECTION_REUSE_ENABLED = '1';
    export const handler = async (event) => {
      const { request } = event.Records[0].cf;
      if (process.env.AWS_NODEJS_CONNECTION_REUSE_ENABLED) request.headers['x-origin'] = [{ value: config.origin }];
      return request;
    };`,
    // Names listed in the allow option (replaced by the bundler's define).
    {
      code: `exports.handler = async (event) => {
        if (process.env.NODE_ENV !== 'production') console.log(event.Records[0].cf.request.uri);
        return event.Records[0].cf.request;
      };`,
      options: [{ allow: ['NODE_ENV'] }],
    },
    // Switches whose undefined side is production: at the edge NODE_ENV is unset, equals no test or
    // development value, and the code takes the branch written for production.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (process.env.NODE_ENV !== 'TEST') request.headers['x-edge'] = [{ key: 'X-Edge', value: '1' }];
  if (process.env.NODE_ENV === 'development') console.log(event);
  const verbose = process.env.APP_ENV == 'local' ? true : false;
  switch (process.env.STAGE) {
    case 'dev':
    case 'testing':
      console.log('debug build');
      break;
    default:
      break;
  }
  return verbose ? request : request;
};`,
    // Through a const, a destructuring and an alias; a default that is production.
    `const isTest = process.env.NODE_ENV === 'test';
const { NODE_ENV } = process.env;
const env = process.env;
const mode = env.MODE;
const stage = process.env.STAGE || 'production';
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!isTest && NODE_ENV !== 'development' && mode !== 'dev' && stage === 'production') request.uri = '/live';
  return request;
};`,
    // A multi-target adapter (typed for API Gateway and CloudFront): the environment handed to
    // the framework is shared by every target, and the API Gateway branch is not edge code.
    {
      code: `import type { APIGatewayProxyEventV2, CloudFrontRequestEvent } from 'aws-lambda';
declare const app: { init(o: { env: Record<string, string | undefined> }): void; run(p: string): string };
app.init({ env: process.env });
export async function handler(event: APIGatewayProxyEventV2 | CloudFrontRequestEvent) {
  if ('Records' in event) return { status: '200', body: app.run(event.Records[0].cf.request.uri) };
  return { statusCode: 200, body: app.run(event.rawPath), headers: { 'x-table': process.env.TABLE_NAME } };
}`,
      filename: 'adapter.ts',
    },
    // A regional API Gateway handler that builds a CloudFront-typed value (a converter): the
    // CloudFront type does not make the file edge code; the handler's own type says where it runs.
    {
      code: `import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, CloudFrontResultResponse } from 'aws-lambda';
const verbose = process.env.DEBUG === '1';
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const fallback: CloudFrontResultResponse = { status: '503', body: 'unavailable' };
  if (verbose) console.log(event.rawPath);
  return { statusCode: Number(fallback.status), body: fallback.body };
};`,
      filename: 'converter.ts',
    },
    // The same, typed through the handler's variable (a namespace import) or the generic Handler.
    {
      code: `import type * as lambda from 'aws-lambda';
const table = process.env.TABLE;
export const handler: lambda.ALBHandler = async (event) => {
  const headers: lambda.CloudFrontHeaders = { 'x-table': [{ key: 'X-Table', value: String(table) }] };
  return { statusCode: 200, body: JSON.stringify(headers) };
};`,
      filename: 'alb.ts',
    },
    {
      code: `import type { Handler, SQSEvent, CloudFrontHeaders } from 'aws-lambda';
const queue = process.env.QUEUE;
export const handler: Handler<SQSEvent> = async (event) => {
  const headers: CloudFrontHeaders = {};
  console.log(queue, headers, event.Records.length);
};`,
      filename: 'sqs.ts',
    },
    // A test file whose only CloudFront code is a typed fixture: not edge code (the swap of
    // process.env around each test is the test's own business).
    {
      code: `import type { CloudFrontRequest } from 'aws-lambda';
import { sign } from './signer';
const saved = process.env;
beforeEach(() => { process.env = { ...process.env, AWS_ACCESS_KEY_ID: 'test' }; });
afterEach(() => { process.env = { ...saved }; });
test('signs', async () => {
  const request: CloudFrontRequest = { clientIp: '203.0.113.1', method: 'GET', uri: '/', querystring: '', headers: {} };
  await sign(request);
});`,
      filename: 'src/signer.test.ts',
    },
    // A local development server that serves the edge code: it listens on a port, which a
    // Lambda@Edge function never does, so a CloudFront-typed value does not make it edge code.
    {
      code: `import express from 'express';
import type { CloudFrontHeaders } from 'aws-lambda';
const port = process.env.PORT || 3000;
const headers: CloudFrontHeaders = { 'x-dev': [{ key: 'X-Dev', value: '1' }] };
express().get('/', (req, res) => res.json(headers)).listen(port);`,
      filename: 'src/dev/server.ts',
    },
    // A key from a frozen constant object naming a variable the runtime sets.
    {
      code: `export const EnvVars = { FUNCTION_NAME: 'AWS_LAMBDA_FUNCTION_NAME' } as const;
const Regions = Object.freeze({ current: 'AWS_REGION' });
export const handler = async (event: any) => {
  console.log(process.env[EnvVars.FUNCTION_NAME], process.env[Regions.current]);
  return event.Records[0].cf.request;
};`,
      filename: 'edge.ts',
    },
    // A function that loads its packaged .env file at cold start (dotenv, in each form).
    `require('dotenv').config();
const allowed = (process.env.ALLOWED_IPS || '').split(',');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return allowed.includes(request.clientIp) ? request : { status: '403' };
};`,
    {
      code: `import 'dotenv/config';
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-stage'] = [{ key: 'X-Stage', value: process.env.STAGE }];
  return request;
};`,
      languageOptions: { parserOptions: { sourceType: 'module' } },
    },
    {
      code: `import dotenv from 'dotenv';
dotenv.config({ path: new URL('./.env', import.meta.url) });
export const handler = async (event) => (process.env.MAINTENANCE === 'on' ? { status: '503' } : event.Records[0].cf.request);`,
      languageOptions: { parserOptions: { sourceType: 'module' } },
    },
    // The other target's branch, however the event's shape is tested.
    `exports.handler = async (event) => {
  const isEdge = event.Records !== undefined && Array.isArray(event.Records);
  const origin = isEdge ? event.Records[0].cf.request.uri : process.env.ORIGIN_PATH;
  if (!isEdge) console.log(process.env.STAGE);
  if ('requestContext' in event) return { statusCode: 200, body: process.env.GREETING };
  const token = event.httpMethod && process.env.API_TOKEN;
  if (!event.Records?.[0]?.cf) {
    return { statusCode: 404, body: process.env.NOT_FOUND_PAGE };
  } else {
    return event.Records[0].cf.request;
  }
};`,
    // Compiled output whose declaration file beside it types the handler for both targets.
    {
      code: `import { convertFrom, formatCloudFront } from './event-mapper.js';
const app = makeServer();
await app.init({ env: process.env });
export async function handler(event) {
  const internal = convertFrom(event);
  return internal.type === 'cf' ? formatCloudFront(event.Records[0].cf.request) : { statusCode: 200 };
}`,
      filename: path.join(FIXTURES, 'multi-target', 'handler.js'),
    },
    // A local variable called process / env is not the global.
    `exports.handler = async (event, process) => {
      const env = { API: 'x' };
      console.log(process.env.API, env.API);
      return event.Records[0].cf.request;
    };`,
    // A test file building a Lambda@Edge event for the handler under test.
    `const { handler } = require('../src/edge');
    const event = { Records: [{ cf: { request: { uri: '/', headers: {} } } }] };
    test('rewrites', async () => {
      process.env.DEBUG = '1';
      expect((await handler(event)).uri).toBe('/index.html');
      expect(process.env.CI).toBeDefined();
    });`,
  ],
  invalid: [
    {
      // process reached with no "process" in the text: computed names, an alias of require.
      code: `exports.handler = async (event) => {
  const a = globalThis['pro' + 'cess'].env.A;
  const req = require;
  const b = req('node:' + 'pro' + 'cess').env.B;
  const { C } = require(\`pro\${'cess'}\`).env;
  return event.Records[0].cf.request;
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.A' }, line: 2, column: 13, endLine: 2, endColumn: 45 },
        { messageId: 'envVar', data: { name: 'process.env.B' }, line: 4, column: 13, endLine: 4, endColumn: 48 },
        { messageId: 'envVar', data: { name: 'process.env.C' }, line: 5, column: 11, endLine: 5, endColumn: 12 },
      ],
    },
    {
      // Escapes in an import source and in an identifier name still name process.
      code: `import * as proc from 'node:pro\\u0063ess';
export const handler = async (event) => {
  const a = proc.env.A;
  const b = \\u0070rocess.env.B;
  return event.Records[0].cf.request;
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.A' }, line: 3, column: 13, endLine: 3, endColumn: 23 },
        { messageId: 'envVar', data: { name: 'process.env.B' }, line: 4, column: 13, endLine: 4, endColumn: 31 },
      ],
    },
    {
      // A constant key naming a user variable is reported by name.
      code: `const BUCKET_VAR = 'ASSET_BUCKET';
exports.handler = async (event) => {
  const bucket = process.env[BUCKET_VAR];
  return event.Records[0].cf.request;
};`,
      errors: [{ messageId: 'envVar', data: { name: 'process.env.ASSET_BUCKET' }, line: 3, column: 18 }],
    },
    {
      // Handing the environment to a config reader is reading configuration from it.
      code: `exports.handler = async (event) => {
  const settings = loadConfig(process.env);
  return event.Records[0].cf.request;
};`,
      errors: [{ messageId: 'envObject', line: 2, column: 31, endColumn: 42 }],
    },
    {
      // The basic-auth mistake: credentials from environment variables (viewer-request).
      code: `'use strict';
const USER = process.env.STAGING_USER;
const PASS = process.env['STAGING_PASSWORD'];
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  callback(null, request);
};`,
      errors: [
        {
          messageId: 'envVar',
          data: { name: 'process.env.STAGING_USER' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 38,
        },
        { messageId: 'envVar', data: { name: 'process.env.STAGING_PASSWORD' }, line: 3, column: 14 },
      ],
    },
    {
      // Destructuring, a rest element, and a dynamic lookup; ESM + TypeScript.
      code: `import type { CloudFrontRequestHandler } from 'aws-lambda';
const { API_URL, AWS_REGION, ...rest } = process.env;
const get = (name: string) => process.env[name]!;
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-api'] = [{ key: 'X-Api', value: API_URL ?? get('FALLBACK') }];
  return request;
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.API_URL' }, line: 2, column: 9 },
        { messageId: 'dynamicEnvVar', line: 2, column: 30 },
        { messageId: 'dynamicEnvVar', line: 3, column: 31 },
      ],
    },
    {
      // node:process imports and require('process').
      code: `import { env } from 'node:process';
import proc from 'process';
const { env: { SECRET } } = require('process');
export const handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['x-build'] = [{ value: env.BUILD_ID + proc.env.STAGE + require('node:process').env.COMMIT + SECRET }];
  return response;
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.SECRET' }, line: 3, column: 16 },
        { messageId: 'envVar', data: { name: 'process.env.BUILD_ID' }, line: 6, column: 43 },
        { messageId: 'envVar', data: { name: 'process.env.STAGE' }, line: 6, column: 58 },
        { messageId: 'envVar', data: { name: 'process.env.COMMIT' }, line: 6, column: 75 },
      ],
    },
    {
      // A helper module marked as viewer-request code by a file-level comment; an alias of process.env.
      code: `// @lambda-edge-event viewer-request
const env = process.env;
export function isMaintenance() {
  return env.MAINTENANCE === 'on';
}
export function config() {
  return { ...process.env };
}`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.MAINTENANCE' }, line: 4, column: 10 },
        { messageId: 'envObject', line: 7, column: 15, endColumn: 26 },
      ],
    },
    {
      // The event type from settings; NODE_ENV is not a Lambda variable, and comparing it with
      // 'production' takes the non-production side at the edge.
      code: `module.exports.handler = async (event) => {
  if (process.env.NODE_ENV === 'production') console.log(event);
  return event.Records[0].cf.request;
};`,
      settings: { 'lambda-edge': { eventType: 'origin-request' } },
      errors: [
        byMessage({
          message:
            "`process.env.NODE_ENV` is never set in Lambda@Edge (edge functions cannot have environment variables), so comparing it with 'production' takes the non-production side in production. Compare with a build-time constant (a bundler `define`), or test for the non-production value instead (`process.env.NODE_ENV !== 'development'`), so that the unset value means production.",
          line: 2,
          column: 7,
          endColumn: 27,
        }),
      ],
    },
    {
      // Through a const, a destructuring and a reversed comparison: each production check reported.
      code: `const stage = process.env.STAGE;
const { NODE_ENV } = process.env;
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (stage !== 'prod') request.headers['x-debug'] = [{ value: '1' }];
  if ('Production' == NODE_ENV) request.uri = '/live' + request.uri;
  return request;
};`,
      errors: [
        { messageId: 'productionCheck', data: { name: 'process.env.STAGE', value: 'prod' }, line: 1, column: 15 },
        { messageId: 'productionCheck', data: { name: 'process.env.NODE_ENV', value: 'Production' }, line: 2, column: 9 },
      ],
    },
    {
      // Not a test or development value: 'staging' unset at the edge leaves staging unprotected;
      // a switch with a production case; a default that is not production; a const also used raw.
      code: `const mode = process.env.MODE;
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (process.env.STAGE === 'staging') request.headers['x-auth'] = [{ value: 'required' }];
  switch (process.env.NODE_ENV) {
    case 'test': break;
    case 'production': request.uri = '/live'; break;
  }
  const level = process.env.LOG_LEVEL || 'info';
  if (mode === 'test') return request;
  request.headers['x-mode'] = [{ value: mode }];
  return request;
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.MODE' }, line: 1, column: 14 },
        { messageId: 'envVar', data: { name: 'process.env.STAGE' }, line: 4, column: 7 },
        { messageId: 'envVar', data: { name: 'process.env.NODE_ENV' }, line: 5, column: 11 },
        { messageId: 'envVar', data: { name: 'process.env.LOG_LEVEL' }, line: 9, column: 17 },
      ],
    },
    {
      // In a multi-target adapter the read on the edge branch is reported. `API` is read only after
      // the edge branch returned: at the edge its read yields undefined at module load and nothing
      // on the CloudFront path uses it, so it is not reported.
      code: `const API = process.env.API_URL;
exports.handler = async (event) => {
  if ('Records' in event) {
    const request = event.Records[0].cf.request;
    request.headers['x-origin'] = [{ value: process.env.ORIGIN_HOST }];
    return request;
  }
  return { statusCode: 200, body: API };
};`,
      errors: [{ messageId: 'envVar', data: { name: 'process.env.ORIGIN_HOST' }, line: 5, column: 45 }],
    },
    {
      // A frozen constant naming a variable the edge does not have is read like the name itself;
      // a plain object (its members may be reassigned) is not followed.
      code: `const Keys = { TABLE: 'TABLE_NAME' } as const;
const mutable = { TABLE: 'TABLE_NAME' };
export const handler = async (event: any) => {
  console.log(process.env[Keys.TABLE], process.env[mutable.TABLE]);
  return event.Records[0].cf.request;
};`,
      filename: 'edge.ts',
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.TABLE_NAME' }, line: 4, column: 15, endColumn: 38 },
        { messageId: 'dynamicEnvVar', line: 4, column: 40, endColumn: 66 },
      ],
    },
    {
      // Importing only dotenv's types loads nothing.
      code: `import type { DotenvConfigOutput } from 'dotenv';
export const handler = async (event: any) => {
  const out: DotenvConfigOutput | undefined = undefined;
  console.log(out);
  return process.env.STAGE === 'prod' ? event.Records[0].cf.request : { status: '503' };
};`,
      filename: 'edge.ts',
      errors: [{ messageId: 'productionCheck', data: { name: 'process.env.STAGE', value: 'prod' }, line: 5, column: 10 }],
    },
    {
      // The generic Handler typed for CloudFront is an edge handler's type: a typed object still
      // makes the file edge code.
      code: `import type { Handler, CloudFrontRequestEvent, CloudFrontResultResponse } from 'aws-lambda';
const stage = process.env.STAGE;
export const handler: Handler<CloudFrontRequestEvent> = async () => {
  const reply: CloudFrontResultResponse = { status: '200', body: String(stage) };
  return reply;
};`,
      filename: 'generic.ts',
      errors: [{ messageId: 'envVar', data: { name: 'process.env.STAGE' }, line: 2, column: 15, endColumn: 32 }],
    },
    {
      // Only CloudFront in the type: not an adapter, so the hand-off is reported.
      code: `import type { CloudFrontRequestEvent } from 'aws-lambda';
declare const app: { init(o: { env: unknown }): void };
app.init({ env: process.env });
export async function handler(event: CloudFrontRequestEvent) {
  return event.Records[0].cf.request;
}`,
      filename: 'edge.ts',
      errors: [{ messageId: 'envObject', line: 3, column: 17, endColumn: 28 }],
    },
    {
      // The same compiled code whose declaration file names CloudFront alone.
      code: `import { convertFrom, formatCloudFront } from './event-mapper.js';
const app = makeServer();
await app.init({ env: process.env });
export async function handler(event) {
  const internal = convertFrom(event);
  return internal.type === 'cf' ? formatCloudFront(event.Records[0].cf.request) : { statusCode: 200 };
}`,
      filename: path.join(FIXTURES, 'multi-target', 'edge-only.js'),
      errors: [{ messageId: 'envObject', line: 3, column: 23, endColumn: 34 }],
    },
    {
      // The allow option adds names; others are still reported.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-version'] = [{ value: process.env.VERSION + process.env.STAGE }];
  return request;
};`,
      options: [{ allow: ['VERSION'] }],
      errors: [{ messageId: 'envVar', data: { name: 'process.env.STAGE' }, line: 3, column: 66 }],
    },
    {
      // `process` declared as a global (languageOptions.globals, as with globals.node): still followed.
      code: `exports.handler = async (event) => {
  const { STAGE } = process.env;
  return event.Records[0].cf.request;
};`,
      languageOptions: { globals: { process: 'readonly', require: 'readonly' } },
      errors: [{ messageId: 'envVar', data: { name: 'process.env.STAGE' }, line: 2, column: 11 }],
    },
    {
      // Declared with a comment, then aliased.
      code: `/* global process */
exports.handler = async (event) => {
  const env = process.env;
  console.log(env.TABLE);
  return event.Records[0].cf.request;
};`,
      errors: [{ messageId: 'envVar', data: { name: 'process.env.TABLE' }, line: 4, column: 15 }],
    },
    {
      // require('node:process') with a declared `require`, and a named ESM import of env.
      code: `import { env } from 'node:process';
const proc = require('node:process');
export const handler = async (event) => {
  console.log(proc.env.A, env.B);
  return event.Records[0].cf.request;
};`,
      languageOptions: { globals: { process: 'readonly', require: 'readonly' } },
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.A' }, line: 4, column: 15 },
        { messageId: 'envVar', data: { name: 'process.env.B' }, line: 4, column: 27 },
      ],
    },
  ],
});

// Where the two multi-target readings of the past disagreed, now one view (analysis.targetAt):
// a field test counts only on the handler's event, `a && b` says nothing when false unless both
// halves do, `||` and `Boolean(...)` are read, API Gateway fields beyond the first six count, and
// the whole environment is the edge's to fix on the CloudFront branch.
ruleTester.run('no-env-vars: which target runs the code', rule, {
  valid: [
    // Other-target fields (queryStringParameters, stageVariables), `||` of two, and Boolean(event.Records).
    `exports.handler = async (event) => {
  if (event.queryStringParameters) return { statusCode: 200, body: process.env.GREETING };
  const stage = event.stageVariables && process.env.STAGE_OVERRIDE;
  if (event.httpMethod || event.requestContext) return { statusCode: 405, body: process.env.NOT_ALLOWED + stage };
  const isEdge = Boolean(event.Records);
  if (!isEdge) console.log(process.env.DEBUG_TARGET);
  return event.Records[0].cf.request;
};`,
    // After the edge branch returned, in a switch case: the other target's code.
    `exports.handler = async (event, context) => {
  switch (context.functionName) {
    case 'router':
      if ('Records' in event) return event.Records[0].cf.request;
      return { statusCode: 404, body: process.env.NOT_FOUND_PAGE };
    default:
      return event.Records[0].cf.request;
  }
};`,
  ],
  invalid: [
    {
      // 'Records' in a decoded body says nothing about the trigger: the code after it is edge code.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const payload = JSON.parse(Buffer.from(request.body.data, 'base64').toString());
  if ('Records' in payload) return request;
  request.headers['x-stage'] = [{ value: process.env.STAGE }];
  return request;
};`,
      errors: [{ messageId: 'envVar', data: { name: 'process.env.STAGE' }, line: 5, column: 42, endLine: 5, endColumn: 59 }],
    },
    {
      // False for a CloudFront event whose URI is not '/': the negation is not the other target.
      code: `exports.handler = async (event) => {
  const isRoot = 'Records' in event && event.Records[0].cf.request.uri === '/';
  const request = event.Records[0].cf.request;
  if (!isRoot) request.uri = process.env.INDEX_PAGE;
  return request;
};`,
      errors: [{ messageId: 'envVar', data: { name: 'process.env.INDEX_PAGE' }, line: 4, column: 30, endLine: 4, endColumn: 52 }],
    },
    {
      // A check on CloudFront's own request does not make the file a multi-target adapter.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request) app.configure({ env: process.env });
  return request;
};`,
      errors: [{ messageId: 'envObject', line: 3, column: 37, endLine: 3, endColumn: 48 }],
    },
    {
      // In an adapter, the hand-off on the CloudFront branch is edge code; the API Gateway one is not.
      code: `import type { APIGatewayProxyEventV2, CloudFrontRequestEvent } from 'aws-lambda';
declare const edgeApp: { init(o: { env: unknown }): void };
export async function handler(event: APIGatewayProxyEventV2 | CloudFrontRequestEvent) {
  if ('Records' in event) {
    edgeApp.init({ env: process.env });
    return event.Records[0].cf.request;
  }
  return { statusCode: 200, body: JSON.stringify(process.env) };
}`,
      filename: 'adapter.ts',
      errors: [{ messageId: 'envObject', line: 5, column: 25, endLine: 5, endColumn: 36 }],
    },
  ],
});

// A module-scope read in a multi-target adapter whose binding only the other target's code reads:
// at the edge it loads undefined and no CloudFront path uses it. Any other use keeps the finding.
ruleTester.run('no-env-vars: module-scope reads only another target uses', rule, {
  valid: [
    // A const, an `||` default, nested object literals, destructuring (renamed, defaulted), a
    // `let` and a `var` never reassigned: read only after the edge branch returned.
    `const API = process.env.API_URL || 'http://localhost:3000';
const config = { db: { table: process.env.TABLE_NAME }, retries: 3 };
const { STAGE, LOG_LEVEL: level = 'info' } = process.env;
let origin = process.env.API_ORIGIN;
var legacy = process.env.LEGACY_FLAG;
exports.handler = async (event) => {
  if ('Records' in event) {
    return event.Records[0].cf.request;
  }
  console.log(level, origin, legacy);
  return { statusCode: 200, body: JSON.stringify({ api: API, table: config.db.table, stage: STAGE }) };
};`,
    // A typed adapter: casts, an aliased environment, the else branch and a ternary inside it.
    {
      code: `import type { APIGatewayProxyEvent, CloudFrontRequestEvent } from 'aws-lambda';
const TABLE = process.env.TABLE_NAME as string;
const env = process.env;
const QUEUE = env.QUEUE_URL!;
export async function handler(event: APIGatewayProxyEvent | CloudFrontRequestEvent) {
  if ('Records' in event) {
    return event.Records[0].cf.request;
  } else {
    return { statusCode: 200, body: event.httpMethod === 'GET' ? TABLE : QUEUE };
  }
}`,
      filename: 'adapter.ts',
    },
    // The other target's fields decide: `event.requestContext && …`, and the branch of `if (event.httpMethod)`.
    `const GREETING = process.env.GREETING;
const { TOKEN } = process.env;
exports.handler = (event, context, callback) => {
  const who = event.requestContext && TOKEN;
  if (event.httpMethod) return callback(null, { statusCode: 200, body: GREETING + who });
  callback(null, event.Records[0].cf.request);
};`,
  ],
  invalid: [
    {
      // Used on the edge branch, on the path every target shares, on both branches, reassigned,
      // inside a function (a helper, or one declared after the edge branch returned, hoisted and
      // called on that branch), or never used: reported.
      code: `const ORIGIN = process.env.ORIGIN_DOMAIN;
const config = { table: process.env.TABLE_NAME };
const { STAGE } = process.env;
let api = process.env.API_URL;
const QUEUE = process.env.QUEUE_URL;
const UNUSED = process.env.UNUSED_VALUE;
const HOOK = process.env.HOOK_URL;
const describeQueue = () => ({ queue: QUEUE });
exports.handler = async (event) => {
  console.log(STAGE);
  if ('Records' in event) {
    const request = event.Records[0].cf.request;
    request.headers['x-origin'] = [{ value: ORIGIN + config.table + hookOf(request) }];
    return request;
  }
  if (!api) api = 'http://localhost';
  return { statusCode: 200, body: JSON.stringify({ table: config.table, api, ...describeQueue() }) };
  function hookOf(request) {
    return HOOK + request.uri;
  }
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.ORIGIN_DOMAIN' }, line: 1, column: 16, endLine: 1, endColumn: 41 },
        { messageId: 'envVar', data: { name: 'process.env.TABLE_NAME' }, line: 2, column: 25, endLine: 2, endColumn: 47 },
        { messageId: 'envVar', data: { name: 'process.env.STAGE' }, line: 3, column: 9, endLine: 3, endColumn: 14 },
        { messageId: 'envVar', data: { name: 'process.env.API_URL' }, line: 4, column: 11, endLine: 4, endColumn: 30 },
        { messageId: 'envVar', data: { name: 'process.env.QUEUE_URL' }, line: 5, column: 15, endLine: 5, endColumn: 36 },
        { messageId: 'envVar', data: { name: 'process.env.UNUSED_VALUE' }, line: 6, column: 16, endLine: 6, endColumn: 40 },
        { messageId: 'envVar', data: { name: 'process.env.HOOK_URL' }, line: 7, column: 14, endLine: 7, endColumn: 34 },
      ],
    },
    {
      // Exported, directly or by name: another module may read it on the CloudFront path.
      code: `export const BUCKET = process.env.BUCKET_NAME;
const TABLE = process.env.TABLE_NAME;
export { TABLE };
export const handler = async (event) => {
  if ('Records' in event) return event.Records[0].cf.request;
  return { statusCode: 200, body: BUCKET + TABLE };
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.BUCKET_NAME' }, line: 1, column: 23, endLine: 1, endColumn: 46 },
        { messageId: 'envVar', data: { name: 'process.env.TABLE_NAME' }, line: 2, column: 15, endLine: 2, endColumn: 37 },
      ],
    },
    {
      // A CloudFront-only file (a guard on CloudFront's own event parts makes no adapter): every
      // module-scope read stays reported, even one read only where the guard failed.
      code: `const FALLBACK = process.env.FALLBACK_BODY;
exports.handler = async (event) => {
  if (!event.Records?.[0]?.cf) return { statusCode: 400, body: FALLBACK };
  return event.Records[0].cf.request;
};`,
      errors: [{ messageId: 'envVar', data: { name: 'process.env.FALLBACK_BODY' }, line: 1, column: 18, endLine: 1, endColumn: 43 }],
    },
  ],
});

// A variable named for a non-production mode (IS_OFFLINE, IS_LOCAL, IS_DEVELOP, DEV_MODE, …)
// whose value only decides a condition: at the edge it is unset, the condition is false, and
// the branch written for production runs, as intended. Followed directly, through a `const` it
// fills, and through a property of a `const` object literal used only by reading its properties.
ruleTester.run('no-env-vars: a non-production mode tested for truthiness', rule, {
  valid: [
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (process.env.IS_OFFLINE) console.log('offline', request.uri);
  const origin = process.env.IS_LOCAL ? 'localhost' : 'example.com';
  if (!process.env.DEV_MODE && request.uri === '/') request.uri = '/index.html';
  request.headers['x-origin'] = [{ value: origin }];
  return request;
};`,
    `const { IS_TEST } = process.env;
const dev = process.env.IS_DEV;
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (dev || IS_TEST) request.uri = '/debug' + request.uri;
  callback(null, request);
};`,
    {
      code: `import type { CloudFrontRequestEvent } from 'aws-lambda';
const state = {
  develop: process.env.IS_DEVELOP as string | undefined,
  source: null as string | null,
};
async function pickSource(): Promise<string> {
  if (state.source !== null) return state.source;
  state.source = state.develop ? 'local file' : 'secret store';
  return state.source;
}
export const handler = async (event: CloudFrontRequestEvent) => {
  const request = event.Records[0].cf.request;
  request.headers['x-source'] = [{ key: 'X-Source', value: await pickSource() }];
  return request;
};`,
      filename: 'auth.ts',
    },
  ],
  invalid: [
    {
      // Names that are settings, not a mode: a feature flag or debug switch never turns on.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (process.env.ENABLE_CACHE) request.headers['x-cache'] = [{ value: '1' }];
  if (process.env.DEBUG) console.log(request);
  return request;
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.ENABLE_CACHE' }, line: 3, column: 7, endLine: 3, endColumn: 31 },
        { messageId: 'envVar', data: { name: 'process.env.DEBUG' }, line: 4, column: 7, endLine: 4, endColumn: 24 },
      ],
    },
    {
      // A mode name whose value is also used as a value, directly or through its const.
      code: `const local = process.env.IS_LOCAL;
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (local) request.uri = '/local' + request.uri;
  request.headers['x-dev'] = [{ value: process.env.IS_DEV }];
  request.headers['x-local'] = [{ value: local }];
  return request;
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.IS_LOCAL' }, line: 1, column: 15, endLine: 1, endColumn: 35 },
        { messageId: 'envVar', data: { name: 'process.env.IS_DEV' }, line: 5, column: 40, endLine: 5, endColumn: 58 },
      ],
    },
    {
      // The object is handed away, written to, or exported: its property may be read as a value.
      code: `const flags = { offline: process.env.IS_OFFLINE };
const modes = { dev: process.env.IS_DEV };
export const settings = { test: process.env.IS_TEST };
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  configure(flags);
  if (flags.offline || modes.dev) request.uri = '/dev' + request.uri;
  modes.dev = 'yes';
  return request;
};`,
      errors: [
        { messageId: 'envVar', data: { name: 'process.env.IS_OFFLINE' }, line: 1, column: 26, endLine: 1, endColumn: 48 },
        { messageId: 'envVar', data: { name: 'process.env.IS_DEV' }, line: 2, column: 22, endLine: 2, endColumn: 40 },
        { messageId: 'envVar', data: { name: 'process.env.IS_TEST' }, line: 3, column: 33, endLine: 3, endColumn: 52 },
      ],
    },
  ],
});

// A CDK app whose NodejsFunction `bundling.define` is computed by a function of the app or built
// inline with `Object.fromEntries`, under keys `process.env.${name}`: the build replaces the names
// it lists, which the plugin cannot enumerate, so no read in that function's bundle is reported.
// A define helper that builds no `process.env.` keys, or a function outside the distribution,
// changes nothing.
describe('no-env-vars with a CDK define map computed by the app', () => {
  const cdkStack = (defineExpr: string, helper: string) => `import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
${helper}
const gate = new NodejsFunction(this, 'Gate', {
  entry: 'edge/gate.ts',
  runtime: lambda.Runtime.NODEJS_22_X,
  bundling: { format: 'cjs', define: ${defineExpr} },
});
new cloudfront.Distribution(this, 'Site', { defaultBehavior: { origin, edgeLambdas: [
  { functionVersion: gate.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST },
] } });
`;
  const gate = `import { check } from './check';
const secret = process.env.GATE_SECRET;
export const handler = async (event: any) => check(secret, process.env.GATE_REALM, event.Records[0].cf.request);
`;
  const lintGate = (helper: string, defineExpr: string) => {
    const root = project({ 'cdk.json': '{ "app": "npx tsx infra/app.ts" }', 'infra/app.ts': cdkStack(defineExpr, helper), 'edge/gate.ts': gate });
    const linter = new Linter({ configType: 'flat', cwd: root });
    return linter
      .verify(gate, [{ ...plugin.configs.recommended, files: ['**/*.ts'] }, { files: ['**/*.ts'], languageOptions: { parser: tsParser } }], path.join(root, 'edge/gate.ts'))
      .filter((m) => m.ruleId === 'lambda-edge/no-env-vars')
      .map((m) => `${m.line}:${m.column}`);
  };
  afterEach(() => {
    clearBuildDefines();
    clearInfrastructureCache();
  });

  it('accepts every read when a helper of the app builds the define keys from names', () => {
    const helper = `function secretsAsDefines(names: string[]) {
  if (names.length === 0) return {};
  const out: Record<string, string> = {};
  for (const n of names) out[\`process.env.\${n}\`] = JSON.stringify(process.env[n] ?? '');
  return out;
}`;
    expect(lintGate(helper, "secretsAsDefines(['GATE_SECRET', 'GATE_REALM'])")).toEqual([]);
  });

  it('accepts every read when the define is built inline from entries', () => {
    expect(lintGate('const names = loadNames();', "Object.fromEntries(names.map((n) => ['process.env.' + n, JSON.stringify(process.env[n])]))")).toEqual([]);
  });

  it('accepts every read when an object literal holds a computed process.env key', () => {
    expect(lintGate('const realm = pickRealm();', "{ [`process.env.${realm}`]: '\"x\"', 'process.env.GATE_SECRET': '\"s\"' }")).toEqual([]);
  });

  it('still reports when the computed define has no process.env keys', () => {
    const helper = `function flags() {
  if (Math.random() > 2) return {};
  return { DEBUG: 'false' };
}`;
    expect(lintGate(helper, 'flags()')).toEqual(['2:16', '3:60']);
  });
});
