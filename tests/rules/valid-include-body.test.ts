import rule from '../../rules/valid-include-body.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const viewerRequest = { 'lambda-edge': { eventType: 'viewer-request' } };
const originResponse = { 'lambda-edge': { eventType: 'origin-response' } };

ruleTester.run('valid-include-body', rule, {
  valid: [
    // An adapter for every trigger: the response is only handed on to the framework (undefined
    // in request events), so it does not make the handler a response trigger's.
    `const toRequest = (event) => {
  const req = event.Records[0].cf.request;
  const body = req.body && req.body.data ? req.body.data : undefined;
  return new Request('https://example.com' + req.uri, { method: req.method, body });
};
export const wrap = (app) => async (event) => {
  const res = await app.fetch(toRequest(event), { request: event.Records[0].cf.request, response: event.Records[0].cf.response });
  return { status: String(res.status), body: await res.text() };
};`,
    // The documented replace pattern (the AWS example).
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      if (request.method === 'POST') {
        const body = Buffer.from(request.body.data, 'base64').toString();
        const params = new URLSearchParams(body);
        params.set('edited', 'true');
        request.body.action = 'replace';
        request.body.encoding = 'base64';
        request.body.data = Buffer.from(params.toString()).toString('base64');
      }
      callback(null, request);
    };`,
    // Text encoding, action set before the data, through a destructured alias.
    {
      code: `export const handler = async (event) => {
        const { request } = event.Records[0].cf;
        const { body } = request;
        if (body.inputTruncated) return { status: '413', statusDescription: 'Payload Too Large' };
        body.action = 'replace';
        body.encoding = 'text';
        body.data = JSON.stringify({ ...JSON.parse(Buffer.from(body.data, 'base64').toString()), edge: true });
        return request;
      };`,
      settings: viewerRequest,
    },
    // Action chosen at run time: it may be 'replace'.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.body.action = shouldRewrite(request) ? 'replace' : 'read-only';
      request.body.data = rewrite(request.body.data);
      return request;
    };`,
    // Replacing with base64 data and the default encoding; or an encoding chosen at run time.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.body.action = 'replace';
      if (request.uri === '/form') {
        request.body.data = Buffer.from(JSON.stringify({ a: 1 })).toString('base64');
      } else {
        request.body.data = 'aGVsbG8=';
      }
      return request;
    };`,
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.body.action = 'replace';
      request.body.encoding = process.argv.length ? 'text' : 'base64';
      request.body.data = JSON.stringify({ a: 1 });
      return request;
    };`,
    // Reading only: default read-only action.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const size = request.body.data.length;
      if (request.body.encoding === 'base64' && !request.body.inputTruncated) console.log(size);
      return request;
    };`,
    // A whole new body object with action replace.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.body = { ...request.body, action: 'replace', encoding: 'text', data: 'hello' };
      return request;
    };`,
    // Body read in a handler whose event type is unknown.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      console.log(request.body && request.body.data);
      return request;
    };`,
    // Koa, Express and API Gateway bodies are strings or parsed objects.
    `app.use(async (ctx) => { const body = JSON.parse(ctx.request.body); ctx.body = body.length; });`,
    `app.post('/', (req, res) => { res.send(req.body.trim()); });`,
    `exports.handler = async (event) => {
      const data = JSON.parse(event.body);
      return { statusCode: 200, body: JSON.stringify({ n: data.items.length }) };
    };`,
    // CloudFront Functions: no request body at all, response body object is theirs.
    `function handler(event) {
      var response = event.response;
      response.body = { encoding: 'text', data: 'hi' };
      return response;
    }`,
    // A generated response's body in a request trigger is a string, not the request body.
    {
      code: `exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        const res = { status: '200', body: 'ok' };
        return request.body.data.length > 100 ? res : request;
      };`,
      settings: viewerRequest,
    },
    // Test double.
    `const event = { Records: [{ cf: { request: { body: { data: 'eA==', action: 'read-only' } } } }] };
     it('x', () => { expect(JSON.parse(JSON.stringify(event.Records[0].cf.request.body)).action).toBe('read-only'); });`,
  ],
  invalid: [
    {
      // The received response handed to callback: a response trigger, read from the code.
      code: `exports.handler = (event, context, callback) => {
  const { request } = event.Records[0].cf;
  console.log(request.body);
  callback(null, event.Records[0].cf.response);
};`,
      errors: [{ messageId: 'notInResponseEvent', data: { event: 'origin-response or viewer-response' }, line: 3, column: 15, endColumn: 27 }],
    },
    {
      // Invalid action and encoding values, with suggestions.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.body.action = 'rewrite';
  request.body.encoding = 'utf8';
  request.body.data = 'hello';
  return request;
};`,
      errors: [
        {
          messageId: 'invalidAction',
          data: { value: 'rewrite' },
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'useValue',
              data: { value: 'replace' },
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.body.action = 'replace';
  request.body.encoding = 'utf8';
  request.body.data = 'hello';
  return request;
};`,
            },
            {
              messageId: 'useValue',
              data: { value: 'read-only' },
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.body.action = 'read-only';
  request.body.encoding = 'utf8';
  request.body.data = 'hello';
  return request;
};`,
            },
          ],
        },
        {
          messageId: 'invalidEncoding',
          data: { value: 'utf8' },
          line: 4,
          column: 27,
          suggestions: [
            {
              messageId: 'useValue',
              data: { value: 'text' },
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.body.action = 'rewrite';
  request.body.encoding = 'text';
  request.body.data = 'hello';
  return request;
};`,
            },
            {
              messageId: 'useValue',
              data: { value: 'base64' },
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.body.action = 'rewrite';
  request.body.encoding = 'base64';
  request.body.data = 'hello';
  return request;
};`,
            },
          ],
        },
        // 'rewrite' is static and not 'replace': the data change is ignored.
        {
          messageId: 'dataWithoutReplace',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addReplace',
              data: { body: 'request.body' },
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.body.action = 'rewrite';
  request.body.encoding = 'utf8';
  request.body.data = 'hello';
  request.body.action = 'replace';
  return request;
};`,
            },
          ],
        },
      ],
    },
    {
      // Data written without action = 'replace', with the suggestion.
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'POST') {
    request.body.encoding = 'text';
    request.body.data = JSON.stringify({ sanitized: true });
  }
  callback(null, request);
};`,
      errors: [
        {
          messageId: 'dataWithoutReplace',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addReplace',
              data: { body: 'request.body' },
              output: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'POST') {
    request.body.encoding = 'text';
    request.body.data = JSON.stringify({ sanitized: true });
    request.body.action = 'replace';
  }
  callback(null, request);
};`,
            },
          ],
        },
      ],
    },
    {
      // Action 'replace' set in another handler of the same file does not count.
      code: `export const viewer = async (event) => {
  const request = event.Records[0].cf.request;
  request.body.action = 'replace';
  request.body.data = 'eA==';
  return request;
};
export const origin = async (event) => {
  const { body } = event.Records[0].cf.request;
  body.data = 'eQ==';
  return event.Records[0].cf.request;
};`,
      settings: viewerRequest,
      errors: [
        {
          messageId: 'dataWithoutReplace',
          line: 9,
          column: 3,
          suggestions: [
            {
              messageId: 'addReplace',
              data: { body: 'body' },
              output: `export const viewer = async (event) => {
  const request = event.Records[0].cf.request;
  request.body.action = 'replace';
  request.body.data = 'eA==';
  return request;
};
export const origin = async (event) => {
  const { body } = event.Records[0].cf.request;
  body.data = 'eQ==';
  body.action = 'replace';
  return event.Records[0].cf.request;
};`,
            },
          ],
        },
      ],
    },
    {
      // A new body object without action, and Object.assign without action.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') request.body = { encoding: 'text', data: 'a=1' };
  else Object.assign(request.body, { data: 'Yj0y' });
  return request;
};`,
      errors: [
        { messageId: 'dataWithoutReplace', line: 3, column: 64, suggestions: [] },
        { messageId: 'dataWithoutReplace', line: 4, column: 38, suggestions: [] },
      ],
    },
    {
      // Text data with the default base64 encoding.
      code: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  request.body.action = 'replace';
  request.body.data = JSON.stringify({ user: 'edge' });
  if (request.uri === '/login') request.body = { action: 'replace', data: 'user=edge&role=admin' };
  return request;
};`,
      errors: [
        {
          messageId: 'textDataAsBase64',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'addTextEncoding',
              data: { body: 'request.body' },
              output: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  request.body.action = 'replace';
  request.body.data = JSON.stringify({ user: 'edge' });
  request.body.encoding = 'text';
  if (request.uri === '/login') request.body = { action: 'replace', data: 'user=edge&role=admin' };
  return request;
};`,
            },
          ],
        },
        { messageId: 'textDataAsBase64', line: 5, column: 75, suggestions: [] },
      ],
    },
    {
      // Writing inputTruncated.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.body.inputTruncated = false;
  return request;
};`,
      errors: [{ messageId: 'readOnlyTruncated', line: 3, column: 3 }],
    },
    {
      // Using the body as a string (the serverless-http#192 mistake).
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const payload = JSON.parse(request.body);
  const raw = Buffer.from(request.body, 'base64');
  if (request.body.length > 1000 || request.body.includes('password')) return request;
  const form = new URLSearchParams(request.body);
  return request;
};`,
      errors: [
        { messageId: 'bodyAsString', data: { use: '`JSON.parse()`' }, line: 3, column: 30 },
        { messageId: 'bodyAsString', data: { use: '`Buffer.from()`' }, line: 4, column: 27 },
        { messageId: 'bodyAsString', data: { use: '`.length`' }, line: 5, column: 7 },
        { messageId: 'bodyAsString', data: { use: '`.includes`' }, line: 5, column: 37 },
        { messageId: 'bodyAsString', data: { use: '`new URLSearchParams()`' }, line: 6, column: 36 },
      ],
    },
    {
      // Through an alias, and assigning a string body.
      code: `const querystring = require('querystring');
exports.handler = async (event) => {
  const { request } = event.Records[0].cf;
  const body = request.body;
  const fields = querystring.parse(body);
  request.body = JSON.stringify(fields);
  return request;
};`,
      errors: [
        { messageId: 'bodyAsString', data: { use: '`querystring.parse()`' }, line: 5, column: 36 },
        { messageId: 'stringAssigned', line: 6, column: 18 },
      ],
    },
    {
      // request.body in origin-response: Include Body cannot be set on response events.
      code: `exports.handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  const data = request.body && request.body.data;
  return response;
};`,
      settings: originResponse,
      errors: [
        { messageId: 'notInResponseEvent', data: { event: 'origin-response' }, line: 3, column: 16 },
        { messageId: 'notInResponseEvent', data: { event: 'origin-response' }, line: 3, column: 32 },
      ],
    },
    {
      // TypeScript with the aws-lambda types.
      code: `import type { CloudFrontRequestHandler } from 'aws-lambda';
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.body) {
    request.body.action = 'replace' as const;
    request.body.encoding = 'plain' as any;
    request.body.data = 'dGVzdA==';
  }
  return request;
};`,
      errors: [
        {
          messageId: 'invalidEncoding',
          data: { value: 'plain' },
          line: 6,
          column: 29,
          suggestions: [
            { messageId: 'useValue', data: { value: 'text' }, output: `import type { CloudFrontRequestHandler } from 'aws-lambda';
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.body) {
    request.body.action = 'replace' as const;
    request.body.encoding = 'text' as any;
    request.body.data = 'dGVzdA==';
  }
  return request;
};` },
            { messageId: 'useValue', data: { value: 'base64' }, output: `import type { CloudFrontRequestHandler } from 'aws-lambda';
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.body) {
    request.body.action = 'replace' as const;
    request.body.encoding = 'base64' as any;
    request.body.data = 'dGVzdA==';
  }
  return request;
};` },
          ],
        },
      ],
    },
  ],
});
