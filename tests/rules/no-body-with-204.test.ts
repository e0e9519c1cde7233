import rule from '../../rules/no-body-with-204.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const viewerRequest = { 'lambda-edge': { eventType: 'viewer-request' } };
const originRequest = { 'lambda-edge': { eventType: 'origin-request' } };

ruleTester.run('no-body-with-204', rule, {
  valid: [
    // 204 without a body.
    {
      code: `exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        if (request.method === 'OPTIONS') return { status: '204', headers: { 'access-control-allow-origin': [{ value: '*' }] } };
        return request;
      };`,
      settings: viewerRequest,
    },
    // A body with another status.
    `exports.handler = async (event) => ({ status: '200', body: '' , statusDescription: 'OK' });`,
    // body: undefined / null is dropped or empty: not the key CloudFront rejects.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      return { status: '204', body: undefined };
    };`,
    // API Gateway: statusCode 204 with an empty body is fine there.
    `exports.handler = async (event) => ({ statusCode: 204, body: '' });`,
    // CloudFront Functions.
    `function handler(event) { return { statusCode: 204, statusDescription: 'No Content', body: '' }; }`,
    // Koa and Express.
    `app.use(async (ctx) => { ctx.status = 204; ctx.body = ''; });`,
    `app.delete('/x', (req, res) => { res.status = 204; res.body = ''; res.end(); });`,
    // Status unknown statically.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const status = request.uri === '/' ? '204' : '200';
      return { status, body: '' };
    };`,
    // Status and body set on different branches of the received response.
    `// @lambda-edge-event origin-response
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      if (response.status === '404') {
        response.status = '204';
      } else {
        response.body = 'kept';
      }
      return response;
    };`,
    // The 204 branch returns before the body is set.
    `// @lambda-edge-event origin-response
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      if (response.headers['x-empty']) {
        response.status = '204';
        return response;
      }
      response.body = 'replaced';
      return response;
    };`,
    // The status is overwritten before the response leaves.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const res = { status: '204' };
      res.status = '200';
      res.body = 'hello';
      return res;
    };`,
    // The body is deleted from a copy that becomes 204.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const res = { status: '204' };
      delete res.body;
      return res;
    };`,
    // A test double: a hand-written response with 204 and a body is test data, not a response.
    `const event = { Records: [{ cf: { response: { status: '204', body: '' } } }] };
     test('x', async () => { await handler(event); });`,
    // fetch options in a Lambda@Edge handler.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      await fetch('https://example.com/log', { method: 'POST', body: '' , status: 204 });
      return request;
    };`,
  ],
  invalid: [
    {
      // The serverless-next.js#436 shape: an empty body with 204, in viewer-request.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'DELETE') {
    return { status: '204', statusDescription: 'No Content', body: '' };
  }
  return request;
};`,
      settings: viewerRequest,
      errors: [
        {
          messageId: 'bodyWith204Viewer',
          line: 4,
          column: 62,
          endLine: 4,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'removeBody',
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'DELETE') {
    return { status: '204', statusDescription: 'No Content' };
  }
  return request;
};`,
            },
          ],
        },
      ],
    },
    {
      // Number status through a const, event type unknown, callback style, multi-line literal.
      code: `'use strict';
const NO_CONTENT = 204;
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  callback(null, {
    body: JSON.stringify({ ok: true }),
    status: NO_CONTENT,
  });
};`,
      errors: [
        {
          messageId: 'bodyWith204',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'removeBody',
              output: `'use strict';
const NO_CONTENT = 204;
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  callback(null, {
    status: NO_CONTENT,
  });
};`,
            },
          ],
        },
      ],
    },
    {
      // Body from a spread base object: reported on the base's body, no suggestion.
      code: `const base = { body: '', headers: { 'cache-control': [{ value: 'no-store' }] } };
// @lambda-edge-event viewer-request
export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  if (request.uri === '/ping') return { ...base, status: '204' };
  return request;
};`,
      errors: [{ messageId: 'bodyWith204Viewer', line: 1, column: 16, endColumn: 24, suggestions: [] }],
    },
    {
      // The reverse: status from the spread, body own.
      code: `const EMPTY = { status: '204', statusDescription: 'No Content' };
export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  return request.uri === '/beacon' ? { ...EMPTY, body: 'ok' } : request;
};`,
      settings: originRequest,
      errors: [
        {
          messageId: 'bodyWith204',
          line: 4,
          column: 50,
          suggestions: [
            {
              messageId: 'removeBody',
              output: `const EMPTY = { status: '204', statusDescription: 'No Content' };
export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  return request.uri === '/beacon' ? { ...EMPTY } : request;
};`,
            },
          ],
        },
      ],
    },
    {
      // Assignments on a generated response held in a variable.
      code: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const res = { status: '200', statusDescription: 'OK' };
  res.status = '204';
  res.body = '';
  return res;
};`,
      settings: viewerRequest,
      errors: [{ messageId: 'bodyWith204Viewer', line: 5, column: 3, endColumn: 16, suggestions: [] }],
    },
    {
      // A received origin-response updated to 204 with a body (the message is not the viewer one).
      code: `exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  if (response.status === '404') {
    response.status = '204';
    response.statusDescription = 'No Content';
  }
  response.body = '';
  callback(null, response);
};`,
      errors: [{ messageId: 'bodyWith204', line: 7, column: 3 }],
    },
    {
      // Body set first, status changed afterwards in a branch.
      code: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const { response } = event.Records[0].cf;
  response.body = '<p>gone</p>';
  if (response.status === '410') response.status = '204';
  return response;
};`,
      errors: [{ messageId: 'bodyWith204', line: 4, column: 3 }],
    },
    {
      // TypeScript with aws-lambda types: a helper typed CloudFrontResultResponse.
      code: `import type { CloudFrontRequestHandler, CloudFrontResultResponse } from 'aws-lambda';
const noContent = (): CloudFrontResultResponse => ({ status: '204', body: '' as string });
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'OPTIONS') return noContent();
  return request;
};`,
      errors: [
        {
          messageId: 'bodyWith204',
          line: 2,
          column: 69,
          suggestions: [
            {
              messageId: 'removeBody',
              output: `import type { CloudFrontRequestHandler, CloudFrontResultResponse } from 'aws-lambda';
const noContent = (): CloudFrontResultResponse => ({ status: '204' });
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'OPTIONS') return noContent();
  return request;
};`,
            },
          ],
        },
      ],
    },
    {
      // Event type narrowed by a check of cf.config.eventType.
      code: `exports.handler = async (event) => {
  const cf = event.Records[0].cf;
  if (cf.config.eventType === 'viewer-request' && cf.request.method === 'OPTIONS') {
    return { status: '204', body: \`\` };
  }
  return cf.request;
};`,
      errors: [
        {
          messageId: 'bodyWith204Viewer',
          line: 4,
          column: 29,
          suggestions: [
            {
              messageId: 'removeBody',
              output: `exports.handler = async (event) => {
  const cf = event.Records[0].cf;
  if (cf.config.eventType === 'viewer-request' && cf.request.method === 'OPTIONS') {
    return { status: '204' };
  }
  return cf.request;
};`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-body-with-204: API Gateway shape in a Lambda@Edge handler', rule, {
  valid: [
    // statusCode is not the status CloudFront reads: valid-status reports this object, not this rule.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      return { statusCode: 204, body: '' };
    };`,
  ],
  invalid: [],
});
