import rule from '../../rules/no-read-only-request-fields.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const originRequest = { 'lambda-edge': { eventType: 'origin-request' } };
const originResponse = { 'lambda-edge': { eventType: 'origin-response' } };

ruleTester.run('no-read-only-request-fields', rule, {
  valid: [
    // Routing by method and logging the viewer's address: reads are fine.
    `// @lambda-edge-event viewer-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const { clientIp } = request;
      if (request.method === 'POST' || request['method'] === 'PUT') {
        return { status: '405', statusDescription: 'Method Not Allowed' };
      }
      console.log(clientIp, request.clientIp.startsWith('10.'));
      return request;
    };`,
    // Reading the config: destructuring, logging, branching on eventType.
    `exports.handler = async (event) => {
      const { config, request } = event.Records[0].cf;
      const { distributionId, requestId } = config;
      console.log(distributionId, requestId, config.distributionDomainName);
      if (config.eventType === 'origin-request') request.headers['x-edge'] = [{ value: '1' }];
      return request;
    };`,
    // The common directory-index rewrite in viewer-request.
    `// @lambda-edge-event viewer-request
    exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      request.uri = request.uri.replace(/\\/$/, '/index.html');
      callback(null, request);
    };`,
    // Query string and URI rewrites in origin-request (from settings).
    {
      code: `export const handler = async (event) => {
        const request = event.Records[0].cf.request;
        const params = new URLSearchParams(request.querystring);
        params.delete('utm_source');
        request.querystring = params.toString();
        request.uri += request.uri.endsWith('/') ? 'index.html' : '';
        delete request.headers['x-debug'];
        return request;
      };`,
      settings: originRequest,
    },
    // Inferred request event: the handler returns the request it rewrote.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (!request.uri.includes('.')) request.uri = '/index.html';
      return request;
    };`,
    // Unknown event (the handler checks eventType, so it serves several events): not reported.
    `exports.handler = async (event) => {
      const { config, request } = event.Records[0].cf;
      request.uri = request.uri.toLowerCase();
      console.log('running in', config.eventType);
      return request;
    };`,
    // Mixed events, and a write narrowed to the request event of them.
    `// @lambda-edge-event viewer-request, origin-response
    exports.handler = async (event) => {
      const cf = event.Records[0].cf;
      cf.request.querystring = '';
      if (cf.config.eventType === 'viewer-request') {
        cf.request.uri = '/v2' + cf.request.uri;
        return cf.request;
      }
      return cf.response;
    };`,
    // Reading uri and querystring in a response trigger.
    {
      code: `exports.handler = async (event) => {
        const { request, response } = event.Records[0].cf;
        if (request.uri.endsWith('.html') && request.querystring === '') {
          response.headers['cache-control'] = [{ value: 'max-age=60' }];
        }
        return response;
      };`,
      settings: originResponse,
    },
    // Treating the query string as an object is another rule's report (no-querystring-object).
    {
      code: `exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        request.querystring.lang = 'en';
        return event.Records[0].cf.response;
      };`,
      settings: originResponse,
    },
    // Express middleware: not Lambda@Edge (even behind CloudFront).
    `// Runs behind CloudFront.
    app.use((req, res, next) => {
      if (req.method === 'HEAD') req.method = 'GET';
      req.url = req.url.replace(/\\/$/, '');
      next();
    });`,
    // Koa middleware.
    `// Behind CloudFront
    app.use(async (ctx, next) => {
      if (ctx.get('x-http-method-override')) ctx.request.method = ctx.get('x-http-method-override');
      ctx.request.ip = ctx.get('cloudfront-viewer-address');
      await next();
    });`,
    // Test doubles: events the test builds, including a typed one, changed before calling the handler.
    {
      code: `import type { CloudFrontRequestEvent } from 'aws-lambda';
      import { handler } from '../src/handler';
      const event: CloudFrontRequestEvent = {
        Records: [{ cf: { config: { eventType: 'origin-response' }, request: { method: 'GET', clientIp: '1.2.3.4', uri: '/', querystring: '', headers: {} } } }],
      } as any;
      it('rejects POST', async () => {
        event.Records[0].cf.request.method = 'POST';
        event.Records[0].cf.request.clientIp = '203.0.113.9';
        event.Records[0].cf.request.uri = '/a';
        event.Records[0].cf.config.eventType = 'viewer-request';
        expect(await handler(event, {} as any, () => {})).toMatchObject({ status: '405' });
      });`,
      filename: 'tests/handler.test.ts',
      settings: originResponse,
    },
    `const fakeEvent = { Records: [{ cf: { request: { method: 'GET', uri: '/' } } }] };
     fakeEvent.Records[0].cf.request.method = 'DELETE';
     it('works', async () => { expect(await handler(fakeEvent)).toBeDefined(); });`,
    // A test harness that builds events and exports setters that fill them in: no handler in it.
    `function recordOf(event) { return event.Records[0].cf; }
    function makeEvent(type) {
      const event = { Records: [{ cf: { config: { eventType: type }, request: { method: 'GET', clientIp: '127.0.0.1', uri: '/', headers: {} } } }] };
      return event;
    }
    class FakeViewerRequest {
      constructor() { this.event = makeEvent('viewer-request'); }
      withMethod(verb) { recordOf(this.event).request.method = verb; return this; }
      withDistribution(id) { recordOf(this.event).config.distributionId = id; return this; }
    }
    function useCustomOrigin(event, host) {
      recordOf(event).request.origin = { domainName: host };
      recordOf(event).request.clientIp = '10.0.0.1';
    }
    module.exports = { FakeViewerRequest, useCustomOrigin };`,
    // CloudFront Functions: a different event shape (and another product).
    `function handler(event) {
      var request = event.request;
      request.uri = request.uri.endsWith('/') ? request.uri + 'index.html' : request.uri;
      request.querystring = {};
      return request;
    }`,
    // The docs' correct examples: answer other methods, pass the address on in a header of its own.
    `// @lambda-edge-event viewer-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return { status: '405', statusDescription: 'Method Not Allowed' };
      }
      request.uri = request.uri.replace(/\\/$/, '/index.html');
      request.headers['x-viewer-ip'] = [{ value: request.clientIp }];
      return request;
    };`,
    `// @lambda-edge-event origin-request, origin-response
    exports.handler = async (event) => {
      const { config, request, response } = event.Records[0].cf;
      if (config.eventType === 'origin-request') {
        request.querystring = new URLSearchParams({ lang: 'en' }).toString();
        return request;
      }
      response.headers['x-request-uri'] = [{ value: request.uri }];
      return response;
    };`,
    // A request the code returns in a new object keeps the received method.
    `// @lambda-edge-event origin-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      return { ...request, uri: '/api' + request.uri, method: request.method };
    };`,
  ],
  invalid: [
    {
      // A handler export in a file that also builds a sample event stays a handler.
      code: `function sampleEvent() {
  return { Records: [{ cf: { request: { method: 'GET', uri: '/' } } }] };
}
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.method = 'GET';
  return request;
};`,
      errors: [{ messageId: 'readOnlyMethod', data: { name: 'method' }, line: 6 }],
    },
    {
      // Changing the method in a viewer-request trigger.
      code: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'HEAD') request.method = 'GET';
  return request;
};`,
      errors: [
        { messageId: 'readOnlyMethod', data: { name: 'method' }, line: 4, column: 34, endLine: 4, endColumn: 48 },
      ],
    },
    {
      // Unknown event type: the method is read-only everywhere, so `delete` is still reported.
      code: `exports.handler = async (event) => {
  const { config, request } = event.Records[0].cf;
  console.log(config.eventType);
  delete request.method;
  return request;
};`,
      errors: [{ messageId: 'readOnlyMethod', data: { name: 'method' }, line: 4, column: 10, endLine: 4, endColumn: 24 }],
    },
    {
      // Overwriting the client IP with a forwarded address, in origin-request (settings).
      code: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const forwarded = request.headers['x-forwarded-for'];
  if (forwarded) request['clientIp'] = forwarded[0].value.split(',')[0];
  return request;
};`,
      settings: originRequest,
      errors: [{ messageId: 'readOnlyClientIp', data: { name: 'clientIp' }, line: 4, column: 18, endLine: 4, endColumn: 37 }],
    },
    {
      // Config fields: direct, destructured config, and through the full path.
      code: `exports.handler = async (event) => {
  const cf = event.Records[0].cf;
  cf.config.eventType = 'origin-request';
  const { config } = cf;
  config.distributionId = 'E2EXAMPLE';
  event.Records[0].cf.config.requestId += '-retry';
  return cf.request;
};`,
      errors: [
        { messageId: 'readOnlyConfig', data: { name: 'eventType' }, line: 3, column: 3, endLine: 3, endColumn: 22 },
        { messageId: 'readOnlyConfig', data: { name: 'distributionId' }, line: 5, column: 3 },
        { messageId: 'readOnlyConfig', data: { name: 'requestId' }, line: 6, column: 3 },
      ],
    },
    {
      // Unknown event type: config and clientIp writes are reported anyway (the docs' example).
      code: `exports.handler = async (event) => {
  const { config, request } = event.Records[0].cf;
  config.eventType = 'origin-request';
  request.clientIp = request.headers['x-forwarded-for'][0].value;
  return request;
};`,
      errors: [
        { messageId: 'readOnlyConfig', data: { name: 'eventType' }, line: 3, column: 3 },
        { messageId: 'readOnlyClientIp', data: { name: 'clientIp' }, line: 4, column: 3 },
      ],
    },
    {
      // URI and query string in origin-response (settings).
      code: `exports.handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  if (response.status === '404') {
    request.uri = '/404.html';
    request.querystring = '';
  }
  return response;
};`,
      settings: originResponse,
      errors: [
        {
          messageId: 'readOnlyInResponse',
          data: { name: 'uri', event: 'origin-response', what: 'URI' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 16,
        },
        {
          messageId: 'readOnlyInResponse',
          data: { name: 'querystring', event: 'origin-response', what: 'query string' },
          line: 5,
          column: 5,
        },
      ],
    },
    {
      // Appending to the query string in viewer-response (comment).
      code: `// @lambda-edge-event viewer-response
exports.handler = (event, context, callback) => {
  const cf = event.Records[0].cf;
  cf.request.querystring += '&v=2';
  callback(null, cf.response);
};`,
      errors: [
        {
          messageId: 'readOnlyInResponse',
          data: { name: 'querystring', event: 'viewer-response', what: 'query string' },
          line: 4,
          column: 3,
        },
      ],
    },
    {
      // Inferred response event (touches cf.response).
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const response = event.Records[0].cf.response;
  request.uri = request.uri.replace(/\\/$/, '/index.html');
  return response;
};`,
      errors: [
        {
          messageId: 'readOnlyInResponse',
          data: { name: 'uri', event: 'origin-response or viewer-response', what: 'URI' },
          line: 4,
          column: 3,
        },
      ],
    },
    {
      // A multi-event handler: the write after the request-event branch runs only in origin-response.
      code: `// @lambda-edge-event origin-request, origin-response
exports.handler = async (event) => {
  const { config, request, response } = event.Records[0].cf;
  if (config.eventType === 'origin-request') return request;
  request.uri = '/cached' + request.uri;
  return response;
};`,
      errors: [
        { messageId: 'readOnlyInResponse', data: { name: 'uri', event: 'origin-response', what: 'URI' }, line: 5, column: 3 },
      ],
    },
    {
      // A local helper that receives the request.
      code: `function normalize(req) {
  req.method = req.method.toUpperCase();
  return req;
}
exports.handler = async (event) => normalize(event.Records[0].cf.request);`,
      errors: [{ messageId: 'readOnlyMethod', line: 2, column: 3, endLine: 2, endColumn: 13 }],
    },
    {
      // TypeScript, typed request, with a cast hiding the write.
      code: `import type { CloudFrontRequest, CloudFrontRequestHandler } from 'aws-lambda';
export const handler: CloudFrontRequestHandler = async (event) => {
  const request: CloudFrontRequest = event.Records[0].cf.request;
  (request as any).clientIp = '127.0.0.1';
  request.method! = 'GET';
  return request;
};`,
      errors: [
        { messageId: 'readOnlyClientIp', line: 4, column: 3, endLine: 4, endColumn: 28 },
        { messageId: 'readOnlyMethod', line: 5, column: 3 },
      ],
    },
  ],
});
