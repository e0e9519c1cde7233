import rule from '../../rules/no-numeric-status.js';
import { byMessage, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const message = (value: string) =>
  `Lambda@Edge documents a response's \`status\` as a string; write '${value}' instead of the number ${value}.`;

ruleTester.run('no-numeric-status', rule, {
  valid: [
    // String status in a generated response.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      return { status: '302', headers: { location: [{ value: '/x' }] } };
    };`,
    // API Gateway lambda: statusCode is a number there, and it is not Lambda@Edge.
    `exports.handler = async (event) => ({ statusCode: 200, headers: { 'Content-Type': 'text/plain' }, body: 'ok' });`,
    // CloudFront Functions: numeric statusCode, no exports.
    `function handler(event) { return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/' } } }; }`,
    // fetch options inside a Lambda@Edge handler are not a response.
    `export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      await fetch('https://example.com', { method: 'POST', status: 200 });
      return request;
    };`,
    // Koa / Express code.
    `app.use(async (ctx) => { ctx.status = 204; });`,
    `app.get('/', (req, res) => { res.status = 200; res.send('x'); });`,
    // Comparing the received status with numbers is fine.
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      if (Number(response.status) >= 400) response.status = '200';
      return response;
    };`,
    // A test double: a hand-written event with numbers in it.
    `const event = { Records: [{ cf: { response: { status: 200 } } }] };
     test('x', async () => { await handler(event); });`,
  ],
  invalid: [
    {
      // Literal in a response returned from an async handler.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return { status: 302, headers: { location: [{ key: 'Location', value: '/new' }] } };
};`,
      output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return { status: '302', headers: { location: [{ key: 'Location', value: '/new' }] } };
};`,
      errors: [{ messageId: 'numericStatus', line: 3, column: 20, endLine: 3, endColumn: 23 }],
    },
    {
      // Callback style, response built in a helper and in a module-level constant.
      code: `'use strict';
const NOT_FOUND = { status: 404, statusDescription: 'Not Found' };
function redirect(url) {
  return { status: 301, headers: { location: [{ value: url }] } };
}
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/old') return callback(null, redirect('/new'));
  callback(null, NOT_FOUND);
};`,
      output: `'use strict';
const NOT_FOUND = { status: '404', statusDescription: 'Not Found' };
function redirect(url) {
  return { status: '301', headers: { location: [{ value: url }] } };
}
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/old') return callback(null, redirect('/new'));
  callback(null, NOT_FOUND);
};`,
      errors: [
        { messageId: 'numericStatus', line: 2, column: 29, data: { value: '404' } },
        { messageId: 'numericStatus', line: 4, column: 20, data: { value: '301' } },
      ],
    },
    {
      // In a conditional, and assigned later through a variable.
      code: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  const res = { status: request.uri ? 200 : 500, body: 'hi' };
  res.status = 204;
  return request.uri === '/' ? res : request;
};`,
      output: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  const res = { status: request.uri ? '200' : '500', body: 'hi' };
  res.status = '204';
  return request.uri === '/' ? res : request;
};`,
      errors: [
        { messageId: 'numericStatus', line: 3, column: 39 },
        { messageId: 'numericStatus', line: 3, column: 45 },
        { messageId: 'numericStatus', line: 4, column: 16 },
      ],
    },
    {
      // Updating the received response in origin-response (the AWS sample's pattern).
      code: `exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  if (response.status >= '400') {
    response.status = 200;
  }
  callback(null, response);
};`,
      output: `exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  if (response.status >= '400') {
    response.status = '200';
  }
  callback(null, response);
};`,
      errors: [byMessage({ message: message('200'), line: 4, column: 23 })],
    },
    {
      // TypeScript with the aws-lambda types.
      code: `import type { CloudFrontRequestHandler, CloudFrontResultResponse } from 'aws-lambda';
const forbidden = (): CloudFrontResultResponse => ({ status: 403 as any, body: 'no' });
export const handler: CloudFrontRequestHandler = async (event) => {
  if (!event.Records[0].cf.request.headers.authorization) return forbidden();
  return event.Records[0].cf.request;
};`,
      output: `import type { CloudFrontRequestHandler, CloudFrontResultResponse } from 'aws-lambda';
const forbidden = (): CloudFrontResultResponse => ({ status: '403' as any, body: 'no' });
export const handler: CloudFrontRequestHandler = async (event) => {
  if (!event.Records[0].cf.request.headers.authorization) return forbidden();
  return event.Records[0].cf.request;
};`,
      errors: [{ messageId: 'numericStatus', line: 2, column: 62 }],
    },
  ],
});
