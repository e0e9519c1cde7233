import rule from '../../rules/valid-status.js';
import { createRuleTester } from '../rule-tester.js';

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
