import rule from '../../rules/no-origin-body-in-response-trigger.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const originResponse = { 'lambda-edge': { eventType: 'origin-response' } };

ruleTester.run('no-origin-body-in-response-trigger', rule, {
  valid: [
    // Replacing the body with generated content (the documented way).
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      response.body = '<h1>Maintenance</h1>';
      response.headers['content-type'] = [{ value: 'text/html' }];
      return response;
    };`,
    // Clearing the body, and deleting it.
    `exports.handler = (event, context, callback) => {
      const { response } = event.Records[0].cf;
      if (response.status === '404') response.body = '';
      else delete response.body;
      callback(null, response);
    };`,
    // Reading the body the function itself has just set.
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      response.body = JSON.stringify({ ok: true });
      response.headers['x-body-size'] = [{ value: String(response.body.length) }];
      return response;
    };`,
    // Reading status and headers of the received response is fine.
    `exports.handler = async (event) => {
      const { status, headers } = event.Records[0].cf.response;
      console.log(status, headers['content-type']);
      return event.Records[0].cf.response;
    };`,
    // A response generated in a request trigger: its body is the code's own.
    {
      code: `exports.handler = async (event) => {
        const res = { status: '200', body: 'hello' };
        res.body = res.body.toUpperCase();
        return res;
      };`,
      settings: { 'lambda-edge': { eventType: 'origin-request' } },
    },
    // Event type unknown and not inferable: a handler that never touches cf.response.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      return request;
    };`,
    // Declared as a request trigger even though it names cf.response in a guard.
    `// @lambda-edge-event origin-request
    exports.handler = async (event) => {
      const cf = event.Records[0].cf;
      if (cf.response) console.log(cf.response.body);
      return cf.request;
    };`,
    // CloudFront Functions viewer-response: the body is not L@E's concern here.
    `function handler(event) {
      var response = event.response;
      if (response.body) response.body = { data: 'x', encoding: 'text' };
      return response;
    }`,
    // API Gateway lambda reading a fetched response's body.
    `exports.handler = async (event) => {
      const response = await fetch('https://example.com');
      const body = await response.text();
      return { statusCode: 200, body };
    };`,
    // A fetch inside an origin-response handler: that body is the code's own HTTP call.
    {
      code: `export const handler = async (event) => {
        const response = event.Records[0].cf.response;
        const upstream = await fetch('https://example.com/banner');
        response.body = await upstream.text();
        const parsed = JSON.parse(upstream.body ?? '{}');
        return response;
      };`,
      settings: originResponse,
    },
    // Test double: a hand-built event object.
    `const event = { Records: [{ cf: { response: { status: '200', body: 'x' } } }] };
     it('works', async () => { expect(event.Records[0].cf.response.body).toBe('x'); });`,
    // An emulator's cache: methods of an exported class that store the body its own origin
    // fetch produced are an API for the emulator, not handlers CloudFront calls.
    `class ResponseCache {
      constructor(store) { this.store = store; }
      save(event) {
        const { request, response } = event.Records[0].cf;
        this.store.set(request.uri, response.body);
      }
    }
    module.exports = { ResponseCache };`,
    // An emulator building the next event from a result.
    `export function nextEvent(previous, result) {
      return { Records: [{ cf: { ...previous.Records[0].cf, response: { ...result, body: previous.Records[0].cf.response.body } } }] };
    }`,
  ],
  invalid: [
    {
      // A method of a class the file only instantiates itself, handed to Lambda through bind:
      // still taken for the handler.
      code: `class Rewriter {
  handle(event) {
    const response = event.Records[0].cf.response;
    response.body = response.body.replace('http:', 'https:');
    return response;
  }
}
const rewriter = new Rewriter();
exports.handler = rewriter.handle.bind(rewriter);`,
      errors: [{ messageId: 'originBody', data: { event: 'origin-response or viewer-response' }, line: 4, column: 21, endColumn: 34 }],
    },
    {
      // Inferred response event (touches cf.response), member read passed on.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.body = transform(response.body);
  return response;
};`,
      errors: [
        {
          messageId: 'originBody',
          data: { event: 'origin-response or viewer-response' },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 42,
        },
      ],
    },
    {
      // Computed key, JSON.parse, from the comment.
      code: `// @lambda-edge-event origin-response
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  const data = JSON.parse(response['body']);
  data.extra = true;
  response.body = JSON.stringify(data);
  callback(null, response);
};`,
      errors: [{ messageId: 'originBody', data: { event: 'origin-response' }, line: 4, column: 27 }],
    },
    {
      // Destructuring, including a default value, with the type from settings.
      code: `export const handler = async (event) => {
  const { response } = event.Records[0].cf;
  const { body = '', headers } = response;
  headers['x-len'] = [{ value: String(body.length) }];
  return response;
};`,
      settings: originResponse,
      errors: [{ messageId: 'originBody', line: 3, column: 11, endLine: 3, endColumn: 20 }],
    },
    {
      // Nested destructuring straight out of cf.
      code: `export const handler = async ({ Records: [{ cf }] }) => {
  const { response: { body, status } } = cf;
  return { ...cf.response, body: body + '<!-- edge -->', status };
};`,
      settings: originResponse,
      errors: [{ messageId: 'originBody', line: 2, column: 23 }],
    },
    {
      // The common `const { cf } = event.Records[0]` shape, no type declared: inferred.
      code: `exports.handler = async (event, context, callback) => {
  const { cf } = event.Records[0];
  const { request, response } = cf;
  if (response.status === '404' && request.uri.endsWith('/')) {
    response.body = response.body.replace('Not Found', 'Try /index.html');
  }
  return response;
};`,
      errors: [{ messageId: 'originBody', data: { event: 'origin-response or viewer-response' }, line: 5, column: 21 }],
    },
    {
      // Appending reads the (undefined) body first.
      code: `// @lambda-edge-event viewer-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.body += '<script src="/analytics.js"></script>';
  return response;
};`,
      errors: [{ messageId: 'originBody', data: { event: 'viewer-response' }, line: 4, column: 3 }],
    },
    {
      // Read in a local helper that receives the response.
      code: `function injectBanner(res) {
  res.body = res.body.replace('<body>', '<body><div class="banner"></div>');
  return res;
}
exports.handler = async (event) => injectBanner(event.Records[0].cf.response);`,
      settings: originResponse,
      errors: [{ messageId: 'originBody', line: 2, column: 14 }],
    },
    {
      // Self-referencing default: `response.body = response.body || ...`.
      code: `export const handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.body = response.body || 'fallback';
  return response;
};`,
      settings: originResponse,
      errors: [{ messageId: 'originBody', line: 3, column: 19 }],
    },
    {
      // TypeScript with the aws-lambda types: a response handler and an aliased response.
      code: `import type { CloudFrontResponseHandler, CloudFrontResponse } from 'aws-lambda';
export const handler: CloudFrontResponseHandler = async (event) => {
  const res: CloudFrontResponse = event.Records[0].cf.response;
  const html = (res as any).body as string;
  return { ...res, body: html.toUpperCase() } as any;
};`,
      errors: [{ messageId: 'originBody', line: 4, column: 16 }],
    },
    {
      // Narrowed by an eventType check in a handler attached to several events.
      code: `export const handler = async (event) => {
  const { config, request, response } = event.Records[0].cf;
  if (config.eventType === 'origin-response') {
    console.log(response.body);
    return response;
  }
  return request;
};`,
      errors: [{ messageId: 'originBody', data: { event: 'origin-response' }, line: 4, column: 17 }],
    },
  ],
});
