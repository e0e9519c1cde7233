import rule from '../../rules/no-numeric-status.js';
import { byMessage, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const message = (value: string) =>
  `Lambda@Edge documents a response's \`status\` as a string; write '${value}' instead of the number ${value}.`;

ruleTester.run('no-numeric-status', rule, {
  valid: [
    // A value handed to reject, and a promise the handler does not return, are not its result.
    `exports.handler = (event) => {
      const request = event.Records[0].cf.request;
      new Promise((resolve) => resolve({ status: 500 })).then(console.log);
      return new Promise((resolve, reject) => {
        if (!request.uri) reject({ status: 400 });
        resolve(request);
      });
    };`,
    // The second argument of callback(err, …) with an error: Lambda drops it, CloudFront never
    // sees it (the invocation fails instead).
    `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  try {
    callback(null, render(request));
  } catch (err) {
    callback(err, { status: 503 });
  }
  callback(new Error('late'), { status: 500 });
};
function render(request) { return { status: '200', body: request.uri }; }`,
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
    // The value a returned promise's executor resolves with is the handler's result.
    {
      code: `exports.handler = (event) => {
  return new Promise((resolve) => {
    const request = event.Records[0].cf.request;
    if (request.uri === '/old') return resolve({ status: 301, headers: { location: [{ value: '/new' }] } });
    resolve(request);
  });
};`,
      output: `exports.handler = (event) => {
  return new Promise((resolve) => {
    const request = event.Records[0].cf.request;
    if (request.uri === '/old') return resolve({ status: '301', headers: { location: [{ value: '/new' }] } });
    resolve(request);
  });
};`,
      errors: [{ messageId: 'numericStatus', data: { value: '301' }, line: 4, column: 58, endLine: 4, endColumn: 61 }],
    },
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

const copiedMessage = (what: string, text: string) =>
  `This \`status\` is copied from ${what}, which is a number; Lambda@Edge documents a response's \`status\` as a string. Write \`String(${text})\`.`;

ruleTester.run('no-numeric-status: a status copied from an HTTP client', rule, {
  valid: [
    // Converted to the documented string.
    `export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      const upstream = await fetch('https://api.example.com' + request.uri);
      return { status: String(upstream.status), statusDescription: upstream.statusText, body: await upstream.text() };
    };`,
    // Not awaited: a Promise has no status (another bug, not a number).
    `export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      const pending = fetch('https://api.example.com');
      return { status: pending.status, body: '' };
    };`,
    // A local function named fetch, and the field a Fetch Response does not have.
    `const fetch = async () => ({ status: '200' });
    export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      const local = await fetch();
      const real = await globalThis.fetch('https://x');
      return request.uri === '/a' ? { status: local.status } : { status: real.statusCode };
    };`,
    // Node.js: statusMessage is a string, res.status does not exist.
    `const https = require('https');
    exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      https.get('https://api.example.com', (res) => {
        callback(null, { status: res.status, statusDescription: res.statusMessage, body: '' });
      });
    };`,
    // A Response type of another package is not the Fetch one.
    `import type { Response } from 'express';
    import type { CloudFrontRequestEvent } from 'aws-lambda';
    declare function render(event: CloudFrontRequestEvent): Promise<Response>;
    export const handler = async (event: CloudFrontRequestEvent) => {
      const res: Response = await render(event);
      return { status: res.status, body: '' };
    };`,
    // An API Gateway handler copying a number is right there.
    `exports.handler = async (event) => {
      const res = await fetch('https://api.example.com');
      return { statusCode: res.status, body: await res.text() };
    };`,
  ],
  invalid: [
    {
      code: `// @lambda-edge-event origin-request
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const upstream = await fetch('https://api.example.com' + request.uri);
  return { status: upstream.status, body: await upstream.text() };
};`,
      errors: [
        {
          ...byMessage({ message: copiedMessage('the `status` of a Fetch `Response`', 'upstream.status'), line: 5, column: 20, endLine: 5, endColumn: 35 }),
          suggestions: [
            {
              messageId: 'wrapInString',
              data: { text: 'upstream.status' },
              output: `// @lambda-edge-event origin-request
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const upstream = await fetch('https://api.example.com' + request.uri);
  return { status: String(upstream.status), body: await upstream.text() };
};`,
            },
          ],
        },
      ],
    },
    {
      // fetch(...).then((res) => ...), node-fetch, inline await, a conditional.
      code: `import nodeFetch from 'node-fetch';
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return fetch('https://a').then((res) => ({ status: res.status, body: '' }));
  if (request.uri === '/b') return { status: (await nodeFetch('https://b')).status };
  const c = await nodeFetch('https://c');
  return { status: c.ok ? c.status : '502' };
};`,
      errors: [
        {
          messageId: 'numericStatusFrom',
          data: { what: 'the `status` of a Fetch `Response`', text: 'res.status' },
          line: 4,
          column: 80,
          suggestions: [
            {
              messageId: 'wrapInString',
              data: { text: 'res.status' },
              output: `import nodeFetch from 'node-fetch';
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return fetch('https://a').then((res) => ({ status: String(res.status), body: '' }));
  if (request.uri === '/b') return { status: (await nodeFetch('https://b')).status };
  const c = await nodeFetch('https://c');
  return { status: c.ok ? c.status : '502' };
};`,
            },
          ],
        },
        {
          messageId: 'numericStatusFrom',
          data: { what: 'the `status` of a Fetch `Response`', text: "(await nodeFetch('https://b')).status" },
          line: 5,
          column: 46,
          suggestions: [
            {
              messageId: 'wrapInString',
              data: { text: "(await nodeFetch('https://b')).status" },
              output: `import nodeFetch from 'node-fetch';
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return fetch('https://a').then((res) => ({ status: res.status, body: '' }));
  if (request.uri === '/b') return { status: String((await nodeFetch('https://b')).status) };
  const c = await nodeFetch('https://c');
  return { status: c.ok ? c.status : '502' };
};`,
            },
          ],
        },
        {
          messageId: 'numericStatusFrom',
          data: { what: 'the `status` of a Fetch `Response`', text: 'c.status' },
          line: 7,
          column: 27,
          suggestions: [
            {
              messageId: 'wrapInString',
              data: { text: 'c.status' },
              output: `import nodeFetch from 'node-fetch';
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return fetch('https://a').then((res) => ({ status: res.status, body: '' }));
  if (request.uri === '/b') return { status: (await nodeFetch('https://b')).status };
  const c = await nodeFetch('https://c');
  return { status: c.ok ? String(c.status) : '502' };
};`,
            },
          ],
        },
      ],
    },
    {
      // Node.js https.get: res.statusCode in the callback, assigned on cf.response.
      code: `const https = require('node:https');
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  https.get('https://fallback.example.com', (res) => {
    response.status = res.statusCode;
    callback(null, response);
  });
};`,
      errors: [
        {
          messageId: 'numericStatusFrom',
          data: { what: 'the `statusCode` of a Node.js `http.IncomingMessage`', text: 'res.statusCode' },
          line: 5,
          column: 23,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'wrapInString',
              data: { text: 'res.statusCode' },
              output: `const https = require('node:https');
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  https.get('https://fallback.example.com', (res) => {
    response.status = String(res.statusCode);
    callback(null, response);
  });
};`,
            },
          ],
        },
      ],
    },
    {
      // Declared with the global Fetch Response type (a framework's server answering a Request).
      code: `import type { CloudFrontRequestEvent } from 'aws-lambda';
declare const app: { respond(request: Request): Promise<Response> };
export const handler = async (event: CloudFrontRequestEvent) => {
  const response: Response = await app.respond(new Request('https://x' + event.Records[0].cf.request.uri));
  return { status: response.status, body: await response.text() };
};`,
      errors: [
        {
          messageId: 'numericStatusFrom',
          data: { what: 'the `status` of a Fetch `Response`', text: 'response.status' },
          line: 5,
          column: 20,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'wrapInString',
              data: { text: 'response.status' },
              output: `import type { CloudFrontRequestEvent } from 'aws-lambda';
declare const app: { respond(request: Request): Promise<Response> };
export const handler = async (event: CloudFrontRequestEvent) => {
  const response: Response = await app.respond(new Request('https://x' + event.Records[0].cf.request.uri));
  return { status: String(response.status), body: await response.text() };
};`,
            },
          ],
        },
      ],
    },
    {
      // undici request() destructured, and axios.
      code: `import { request as send } from 'undici';
import axios from 'axios';
export const handler = async (event) => {
  const cf = event.Records[0].cf;
  const { statusCode } = await send('https://a');
  const res = await axios.get('https://b');
  return cf.request.uri === '/a' ? { status: statusCode } : { status: res.status };
};`,
      errors: [
        {
          messageId: 'numericStatusFrom',
          data: { what: "the `statusCode` of undici's `request()` result", text: 'statusCode' },
          line: 7,
          column: 46,
          suggestions: [
            {
              messageId: 'wrapInString',
              data: { text: 'statusCode' },
              output: `import { request as send } from 'undici';
import axios from 'axios';
export const handler = async (event) => {
  const cf = event.Records[0].cf;
  const { statusCode } = await send('https://a');
  const res = await axios.get('https://b');
  return cf.request.uri === '/a' ? { status: String(statusCode) } : { status: res.status };
};`,
            },
          ],
        },
        {
          messageId: 'numericStatusFrom',
          data: { what: 'the `status` of an axios response', text: 'res.status' },
          line: 7,
          column: 71,
          suggestions: [
            {
              messageId: 'wrapInString',
              data: { text: 'res.status' },
              output: `import { request as send } from 'undici';
import axios from 'axios';
export const handler = async (event) => {
  const cf = event.Records[0].cf;
  const { statusCode } = await send('https://a');
  const res = await axios.get('https://b');
  return cf.request.uri === '/a' ? { status: statusCode } : { status: String(res.status) };
};`,
            },
          ],
        },
      ],
    },
  ],
});

const passedMessage = (value: string, param: string, helper: string) =>
  `The number ${value} reaches a response's \`status\` through the parameter \`${param}\` of \`${helper}\`; Lambda@Edge documents a response's \`status\` as a string. Pass '${value}', or write \`status: String(${param})\` in \`${helper}\`.`;

ruleTester.run('no-numeric-status (a helper\'s parameter)', rule, {
  valid: [
    // The helper makes the string itself, or is given strings.
    `const respond = (code, body) => ({ status: String(code), body });
const reply = ({ status, body }) => ({ status, body });
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return respond(404, 'a');
  if (request.uri === '/b') return reply({ status: '410', body: 'b' });
  return request;
};`,
    // The helper is handed on (to a router), so other callers may pass anything: not followed.
    `const respond = (status) => ({ status, body: '' });
router.fallback(respond);
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return respond(404);
  return request;
};`,
    // The parameter is reassigned before it is used.
    `function respond(status) { status = String(status); return { status, body: '' }; }
exports.handler = async (event) => (event.Records[0].cf.request.uri === '/a' ? respond(404) : event.Records[0].cf.request);`,
    // An API Gateway helper: numbers are right there.
    `const respond = (statusCode) => ({ statusCode, body: '' });
exports.handler = async (event) => respond(404);`,
  ],
  invalid: [
    {
      // Positional and object-pattern parameters, and a default; each literal once.
      code: `const respond = (status, body) => ({ status, statusDescription: 'x', body });
function reply({ status = 503, body }) {
  return { status, body };
}
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return respond(404, 'nope');
  if (request.uri === '/b') return reply({ status: 301, body: '' });
  if (request.uri === '/c') return reply({ body: 'down' });
  return request;
};`,
      errors: [
        {
          ...byMessage({ message: passedMessage('503', 'status', 'reply'), line: 2, column: 27, endLine: 2, endColumn: 30 }),
          suggestions: [
            {
              messageId: 'quoteArgument',
              data: { value: '503', param: 'status', helper: 'reply' },
              output: `const respond = (status, body) => ({ status, statusDescription: 'x', body });
function reply({ status = '503', body }) {
  return { status, body };
}
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return respond(404, 'nope');
  if (request.uri === '/b') return reply({ status: 301, body: '' });
  if (request.uri === '/c') return reply({ body: 'down' });
  return request;
};`,
            },
          ],
        },
        {
          ...byMessage({ message: passedMessage('404', 'status', 'respond'), line: 7, column: 44, endLine: 7, endColumn: 47 }),
          suggestions: [
            {
              messageId: 'quoteArgument',
              data: { value: '404', param: 'status', helper: 'respond' },
              output: `const respond = (status, body) => ({ status, statusDescription: 'x', body });
function reply({ status = 503, body }) {
  return { status, body };
}
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return respond('404', 'nope');
  if (request.uri === '/b') return reply({ status: 301, body: '' });
  if (request.uri === '/c') return reply({ body: 'down' });
  return request;
};`,
            },
          ],
        },
        {
          ...byMessage({ message: passedMessage('301', 'status', 'reply'), line: 8, column: 52, endLine: 8, endColumn: 55 }),
          suggestions: [
            {
              messageId: 'quoteArgument',
              data: { value: '301', param: 'status', helper: 'reply' },
              output: `const respond = (status, body) => ({ status, statusDescription: 'x', body });
function reply({ status = 503, body }) {
  return { status, body };
}
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return respond(404, 'nope');
  if (request.uri === '/b') return reply({ status: '301', body: '' });
  if (request.uri === '/c') return reply({ body: 'down' });
  return request;
};`,
            },
          ],
        },
      ],
    },
    {
      // A helper that sets the received response's status from its parameter.
      code: `function update(response, status) { response.status = status; return response; }
exports.handler = async (event) => update(event.Records[0].cf.response, 404);`,
      errors: [
        {
          ...byMessage({ message: passedMessage('404', 'status', 'update'), line: 2, column: 73, endLine: 2, endColumn: 76 }),
          suggestions: [
            {
              messageId: 'quoteArgument',
              data: { value: '404', param: 'status', helper: 'update' },
              output: `function update(response, status) { response.status = status; return response; }
exports.handler = async (event) => update(event.Records[0].cf.response, '404');`,
            },
          ],
        },
      ],
    },
  ],
});
