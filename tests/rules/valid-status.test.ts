import rule from '../../rules/valid-status.js';
import { byMessage, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('valid-status', rule, {
  valid: [
    // Valid strings, the edges of the range, through a const and a conditional.
    `const FOUND = '302';
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (request.uri === '/a') return { status: '200', statusDescription: 'OK' };
      if (request.uri === '/b') return { status: '599', statusDescription: 'Custom' };
      if (request.uri === '/c') return { status: FOUND, headers: { location: [{ value: '/' }] } };
      return request.uri === '/d' ? { status: request.headers.x ? '403' : '404' } : request;
    };`,
    // Numbers in range are no-numeric-status's concern, not this rule's.
    `exports.handler = async (event) => ({ status: 200, statusDescription: 'OK', body: 'x' });`,
    // Status not statically known.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const upstream = await fetch('https://origin.example.com' + request.uri);
      return { status: String(upstream.status), statusDescription: upstream.statusText, body: await upstream.text() };
    };`,
    // Updating the received response in origin-response.
    `exports.handler = (event, context, callback) => {
      const response = event.Records[0].cf.response;
      if (response.status >= '400') {
        response.status = '200';
        response.statusDescription = \`OK\`;
      }
      callback(null, response);
    };`,
    // API Gateway and CloudFront Functions use statusCode (any number) and are not Lambda@Edge responses.
    `exports.handler = async (event) => ({ statusCode: 100, body: '' });`,
    `function handler(event) { return { statusCode: 600, statusDescription: 404 }; }`,
    // Koa, Express, a logging object.
    `app.use(async (ctx) => { ctx.status = 'OK'; ctx.statusDescription = 1; });`,
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      console.log({ status: 'OK', statusDescription: 42 });
      return request;
    };`,
    // A test double.
    `const event = { Records: [{ cf: { response: { status: 'OK', statusDescription: 200 } } }] };
     it('x', () => handler(event));`,
  ],
  invalid: [
    {
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.authorization) return { status: '600', statusDescription: 'Nope' };
  return request;
};`,
      errors: [{ messageId: 'statusOutOfRange', data: { value: "'600'" }, line: 3, column: 56, endColumn: 61 }],
    },
    {
      // 1xx cannot be sent either; a number outside the range is reported too.
      code: `'use strict';
const CONTINUE = '100';
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'PUT') return callback(null, { status: CONTINUE });
  if (request.method === 'POST') return callback(null, { status: 199 });
  callback(null, request);
};`,
      errors: [
        { messageId: 'statusOutOfRange', data: { value: "'100'" }, line: 5, column: 65 },
        { messageId: 'statusOutOfRange', data: { value: '199' }, line: 6, column: 66 },
      ],
    },
    {
      // Text instead of a code, an empty status, the code with its reason phrase, a leading space.
      code: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  switch (request.uri) {
    case '/a': return { status: 'OK' };
    case '/b': return { status: '' };
    case '/c': return { status: '200 OK' };
    case '/d': return { status: " 301", headers: { location: [{ value: '/' }] } };
    default: return request;
  }
};`,
      errors: [
        { messageId: 'statusMalformed', data: { value: "'OK'" }, line: 4, column: 33, suggestions: [] },
        { messageId: 'statusMalformed', data: { value: "''" }, line: 5, column: 33, suggestions: [] },
        {
          messageId: 'statusMalformed',
          data: { value: "'200 OK'" },
          line: 6,
          column: 33,
          suggestions: [
            {
              messageId: 'useStatus',
              data: { status: '200' },
              output: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  switch (request.uri) {
    case '/a': return { status: 'OK' };
    case '/b': return { status: '' };
    case '/c': return { status: '200' };
    case '/d': return { status: " 301", headers: { location: [{ value: '/' }] } };
    default: return request;
  }
};`,
            },
          ],
        },
        {
          messageId: 'statusMalformed',
          data: { value: "' 301'" },
          line: 7,
          column: 33,
          suggestions: [
            {
              messageId: 'useStatus',
              data: { status: '301' },
              output: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  switch (request.uri) {
    case '/a': return { status: 'OK' };
    case '/b': return { status: '' };
    case '/c': return { status: '200 OK' };
    case '/d': return { status: "301", headers: { location: [{ value: '/' }] } };
    default: return request;
  }
};`,
            },
          ],
        },
      ],
    },
    {
      // Writes on the received response and on a generated one; one branch of a conditional.
      code: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.status = response.status === '404' ? '302' : '700';
  response.statusDescription = 302;
  return response;
};`,
      errors: [
        { messageId: 'statusOutOfRange', data: { value: "'700'" }, line: 4, column: 57 },
        {
          messageId: 'statusDescriptionNotString',
          data: { type: 'the number 302' },
          line: 5,
          column: 32,
          suggestions: [
            {
              messageId: 'quoteStatusDescription',
              output: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.status = response.status === '404' ? '302' : '700';
  response.statusDescription = '302';
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      // statusDescription of other types, in a spread base and in TypeScript.
      code: `import type { CloudFrontRequestHandler, CloudFrontResultResponse } from 'aws-lambda';
const base = { statusDescription: null, headers: {} };
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  const res: CloudFrontResultResponse = { ...base, status: '403' };
  if (request.uri === '/x') return { status: '410', statusDescription: { text: 'Gone' } as any };
  if (request.uri === '/y') return { status: '200', statusDescription: true as any };
  return request.uri === '/z' ? res : request;
};`,
      errors: [
        { messageId: 'statusDescriptionNotString', data: { type: 'null' }, line: 2, column: 35, suggestions: [] },
        { messageId: 'statusDescriptionNotString', data: { type: 'an object' }, line: 6, column: 72 },
        {
          messageId: 'statusDescriptionNotString',
          data: { type: 'the boolean true' },
          line: 7,
          column: 72,
          suggestions: [
            {
              messageId: 'quoteStatusDescription',
              output: `import type { CloudFrontRequestHandler, CloudFrontResultResponse } from 'aws-lambda';
const base = { statusDescription: null, headers: {} };
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  const res: CloudFrontResultResponse = { ...base, status: '403' };
  if (request.uri === '/x') return { status: '410', statusDescription: { text: 'Gone' } as any };
  if (request.uri === '/y') return { status: '200', statusDescription: 'true' as any };
  return request.uri === '/z' ? res : request;
};`,
            },
          ],
        },
      ],
    },
    {
      // A generated response held in a variable, its status assigned later; a float.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const res = { status: '200' };
  res.status = 200.5;
  return res;
};`,
      settings: { 'lambda-edge': { eventType: 'viewer-request' } },
      errors: [{ messageId: 'statusMalformed', data: { value: '200.5' }, line: 4, column: 16 }],
    },
  ],
});

/** The message for `statusCode` on a Lambda@Edge response, as the rule words it. */
const statusCodeMessage = (example: string, received = false) =>
  `\`statusCode\` is the API Gateway and CloudFront Functions field: a Lambda@Edge response takes its status from \`status\`, a string, and CloudFront ignores \`statusCode\`, so this status is never applied${
    received ? ' (the response keeps the status it came with)' : ' (`status` is the one required field of a generated response)'
  }. Write ${example} instead.`;

ruleTester.run('valid-status: statusCode on a Lambda@Edge response', rule, {
  valid: [
    // API Gateway handler: statusCode is its field.
    `exports.handler = async (event) => ({ statusCode: 401, body: JSON.stringify({ path: event.path }) });`,
    // CloudFront Functions use statusCode, in a generated response and on event.response.
    `function handler(event) { return { statusCode: 401, statusDescription: 'Unauthorized' }; }`,
    `function handler(event) {
      var response = event.response;
      response.statusCode = 404;
      return response;
    }`,
    // A multi-target adapter: the API Gateway branch after an early CloudFront return.
    `exports.handler = async (event) => {
      if ('Records' in event) return { status: '200', body: 'edge' };
      return { statusCode: 200, body: 'api' };
    };`,
    // ... as a conditional, through a constant test, and with the event fields of API Gateway.
    `exports.handler = async (event) => {
      const isEdge = Boolean(event.Records && event.Records[0].cf);
      return isEdge ? { status: '200' } : { statusCode: 200 };
    };`,
    `exports.handler = async (event) => {
      if (event.requestContext) {
        return { statusCode: 403, body: 'forbidden' };
      }
      return event.Records[0].cf.request;
    };`,
    `exports.handler = async (event) => {
      if (event.Records === undefined) return { statusCode: 400 };
      const request = event.Records[0].cf.request;
      return request;
    };`,
    // A shared helper whose statusCode branch depends on an argument the model cannot read.
    `function toResult(kind, code, body) {
      if (kind === 'apigateway') return { statusCode: code, body };
      return { status: String(code), body };
    }
    exports.handler = async (event) => {
      if (event.Records && event.Records[0].cf) return toResult('cloudfront', 200, 'ok');
      return toResult('apigateway', 200, 'ok');
    };`,
    // statusCode in objects that are not handed to CloudFront.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      console.log(JSON.stringify({ statusCode: 500, uri: request.uri }));
      await fetch('https://log.example.com', { method: 'POST', body: JSON.stringify({ statusCode: 500 }) });
      return request;
    };`,
    // Both fields: CloudFront reads status; statusCode is left alone.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      return { status: '403', statusCode: 403 };
    };`,
    // Reading the received response's statusCode (undefined there) is another matter.
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      if (response.statusCode === 404) console.log('never');
      return response;
    };`,
  ],
  invalid: [
    {
      // The handler reads Records[0].cf: its results go to CloudFront.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.authorization) {
    return { statusCode: 401, headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Basic' }] } };
  }
  return request;
};`,
      errors: [
        {
          ...byMessage({ message: statusCodeMessage("`status: '401'`"), line: 4, column: 14, endLine: 4, endColumn: 29 }),
          suggestions: [
            {
              messageId: 'useStatusField',
              data: { replacement: "`status: '401'`" },
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.authorization) {
    return { status: '401', headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Basic' }] } };
  }
  return request;
};`,
            },
          ],
        },
      ],
    },
    {
      // serverless-next.js#156: statusCode assigned on cf.response in an origin-response handler.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  if (response.status === '403') {
    response.statusCode = 404;
  }
  return response;
};`,
      errors: [
        {
          messageId: 'statusCodeField',
          data: { consequence: ' (the response keeps the status it came with)', example: "`response.status = '404'`" },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useStatusField',
              data: { replacement: "`response.status = '404'`" },
              output: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  if (response.status === '403') {
    response.status = '404';
  }
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      // In viewer-response a working status would be a forbidden status change: no suggestion.
      code: `// @lambda-edge-event viewer-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.statusCode = 302;
  return response;
};`,
      errors: [{ ...byMessage({ message: statusCodeMessage("`response.status = '302'`", true), line: 4, column: 3 }), suggestions: [] }],
    },
    {
      // Typed as a Lambda@Edge handler, without parameters; a non-literal code.
      code: `import type { CloudFrontRequestHandler } from 'aws-lambda';
declare const code: number;
export const handler: CloudFrontRequestHandler = async () => ({ statusCode: code, body: 'denied' } as any);`,
      errors: [
        {
          messageId: 'statusCodeField',
          line: 3,
          column: 65,
          suggestions: [
            {
              messageId: 'useStatusField',
              data: { replacement: '`status: String(code)`' },
              output: `import type { CloudFrontRequestHandler } from 'aws-lambda';
declare const code: number;
export const handler: CloudFrontRequestHandler = async () => ({ status: String(code), body: 'denied' } as any);`,
            },
          ],
        },
      ],
    },
    {
      // A declared file; a helper that always returns the API Gateway shape; shorthand.
      code: `// @lambda-edge-event viewer-request
function deny(statusCode) {
  return { statusCode, body: 'denied' };
}
exports.handler = (event, context, callback) => {
  callback(null, deny(403));
};`,
      errors: [
        {
          messageId: 'statusCodeField',
          line: 3,
          column: 12,
          suggestions: [
            {
              messageId: 'useStatusField',
              data: { replacement: '`status: String(statusCode)`' },
              output: `// @lambda-edge-event viewer-request
function deny(statusCode) {
  return { status: String(statusCode), body: 'denied' };
}
exports.handler = (event, context, callback) => {
  callback(null, deny(403));
};`,
            },
          ],
        },
      ],
    },
    {
      // A multi-target handler whose fallback returns the API Gateway shape for every event.
      code: `import type { APIGatewayProxyEventV2, CloudFrontRequestEvent } from 'aws-lambda';
export async function handler(event: APIGatewayProxyEventV2 | CloudFrontRequestEvent) {
  const isEdge = 'Records' in event;
  const path = isEdge ? event.Records[0].cf.request.uri : event.rawPath;
  if (path === '/') return isEdge ? { status: '200', body: 'home' } : { statusCode: 200, body: 'home' };
  return { statusCode: 404, body: 'Not found' };
}`,
      errors: [
        {
          messageId: 'statusCodeField',
          data: { consequence: ' (`status` is the one required field of a generated response)', example: "`status: '404'`" },
          line: 6,
          column: 12,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useStatusField',
              data: { replacement: "`status: '404'`" },
              output: `import type { APIGatewayProxyEventV2, CloudFrontRequestEvent } from 'aws-lambda';
export async function handler(event: APIGatewayProxyEventV2 | CloudFrontRequestEvent) {
  const isEdge = 'Records' in event;
  const path = isEdge ? event.Records[0].cf.request.uri : event.rawPath;
  if (path === '/') return isEdge ? { status: '200', body: 'home' } : { statusCode: 200, body: 'home' };
  return { status: '404', body: 'Not found' };
}`,
            },
          ],
        },
      ],
    },
  ],
});

// The responses view reads the same multi-target view as no-env-vars (analysis.targetAt).
ruleTester.run('valid-status: which target a statusCode result is for', rule, {
  valid: [
    // After `if ('Records' in event) return ...` inside a switch case: the other target's result.
    `exports.handler = async (event, context) => {
  switch (context.functionName) {
    case 'router':
      if ('Records' in event) return event.Records[0].cf.request;
      return { statusCode: 404, body: 'not found' };
    default:
      return event.Records[0].cf.request;
  }
};`,
  ],
  invalid: [
    {
      // Only response events have cf.response: without it the event is a CloudFront request event.
      code: `exports.handler = async (event) => {
  const { cf } = event.Records[0];
  if (cf.response) return cf.response;
  return { statusCode: 403, body: 'denied' };
};`,
      errors: [
        {
          messageId: 'statusCodeField',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useStatusField',
              data: { replacement: "`status: '403'`" },
              output: `exports.handler = async (event) => {
  const { cf } = event.Records[0];
  if (cf.response) return cf.response;
  return { status: '403', body: 'denied' };
};`,
            },
          ],
        },
      ],
    },
  ],
});
