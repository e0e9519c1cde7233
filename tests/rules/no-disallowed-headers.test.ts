import rule from '../../rules/no-disallowed-headers.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-disallowed-headers', rule, {
  valid: [
    // The same when the variable holding the received response is replaced by the new one.
    `// @lambda-edge-event origin-response
    exports.handler = async (event, context, callback) => {
      let response = event.Records[0].cf.response;
      if (response.status === '404') {
        const headers = {};
        headers['transfer-encoding'] = response.headers['transfer-encoding'];
        response = { status: '404', headers, body: 'Not here' };
      }
      callback(null, response);
    };`,
    // A read-only header of the received response carried over unchanged into a new response.
    `// @lambda-edge-event origin-response
    exports.handler = async (event) => {
      const { response } = event.Records[0].cf;
      const headers = { 'content-type': [{ key: 'Content-Type', value: 'text/html' }], via: response.headers.via };
      headers['transfer-encoding'] = response.headers['transfer-encoding'];
      return { status: '200', headers, body: '<h1>Sorry</h1>' };
    };`,
    // Names lowercased as they become keys (`headers[name.toLowerCase()]`) are read as the
    // table spells them: none of these is disallowed or read-only here, and deleting a
    // disallowed one is harmless.
    `// @lambda-edge-event origin-response
    const SECURITY = { 'Strict-Transport-Security': 'max-age=63072000', 'X-Frame-Options': 'DENY' };
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      for (const [name, value] of Object.entries(SECURITY)) response.headers[name.toLowerCase()] = [{ key: name, value }];
      for (const name of ['X-Cache', 'Server']) delete response.headers[name.toLowerCase()];
      return response;
    };`,
    // A custom header that the request headers do not hold, or one whose request header the
    // same function deletes; and a request header set by another handler.
    `// @lambda-edge-event origin-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.headers['x-tenant'] = [{ value: 'a' }];
      delete request.headers['x-origin-token'];
      request.origin.custom.customHeaders['x-origin-token'] = [{ value: process.env.TOKEN }];
      request.origin.custom.customHeaders['x-edge'] = [{ value: '1' }];
      return request;
    };
    exports.other = async (event) => {
      const request = event.Records[0].cf.request;
      request.headers['x-edge'] = [{ value: '1' }];
      return request;
    };`,
    // Origin custom headers go to the origin only: the read-only request list does not apply.
    `// @lambda-edge-event origin-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.origin = {
        custom: {
          domainName: 'api.example.com', port: 443, protocol: 'https', path: '', sslProtocols: ['TLSv1.2'],
          readTimeout: 30, keepaliveTimeout: 5,
          customHeaders: { 'x-origin-token': [{ key: 'X-Origin-Token', value: 'abc' }], 'content-length': [{ value: '0' }] },
        },
      };
      return request;
    };`,
    // Reading disallowed and read-only headers is fine.
    `// @lambda-edge-event viewer-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const proto = request.headers['x-forwarded-proto'];
      const length = request.headers['content-length'] && request.headers['content-length'][0].value;
      if ('via' in request.headers || proto || length) console.log(request.headers.host[0].value);
      const { host, 'cdn-loop': loop } = request.headers;
      return request;
    };`,
    // Host is writable in origin-request (the usual origin switch).
    `// @lambda-edge-event origin-request
    exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      request.origin = { custom: { domainName: 'eu.example.com', port: 443, protocol: 'https', path: '', sslProtocols: ['TLSv1.2'], readTimeout: 5, keepaliveTimeout: 5, customHeaders: {} } };
      request.headers.host = [{ key: 'Host', value: 'eu.example.com' }];
      callback(null, request);
    };`,
    // CloudFront viewer headers may be added outside viewer-request.
    {
      code: `exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        request.headers['cloudfront-viewer-country'] = [{ value: 'US' }];
        return request;
      };`,
      settings: { 'lambda-edge': { eventType: 'origin-request' } },
    },
    // content-encoding is writable in origin-response (read-only only in viewer-response).
    {
      code: `exports.handler = async (event) => {
        const response = event.Records[0].cf.response;
        response.headers['content-encoding'] = [{ value: 'gzip' }];
        delete response.headers['content-length'];
        return response;
      };`,
      settings: { 'lambda-edge': { eventType: 'origin-response' } },
    },
    // Unknown event type (the result comes from an imported function): the read-only lists
    // never apply.
    `import { rewrite } from './rewrite.js';
    exports.handler = async (event) => {
      const { request } = event.Records[0].cf;
      request.headers['content-length'] = [{ value: '0' }];
      request.headers.host = [{ value: 'example.com' }];
      return rewrite(request);
    };`,
    // Mixed events: host is read-only only in viewer-request, so a request handler that could
    // run in origin-request is not reported.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.headers.host = [{ value: 'example.com' }];
      return request;
    };`,
    // Deleting a disallowed header is a no-op, not an error.
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      delete response.headers['x-cache'];
      return response;
    };`,
    // API Gateway, CloudFront Functions, Express, fetch: not Lambda@Edge header maps.
    `exports.handler = async (event) => ({ statusCode: 200, headers: { connection: 'keep-alive', 'content-length': '2' }, body: '{}' });`,
    `function handler(event) {
      var request = event.request;
      request.headers['x-forwarded-proto'] = { value: 'https' };
      return request;
    }`,
    `app.get('/', (req, res) => { res.set('Connection', 'close'); res.setHeader('X-Cache', 'HIT'); res.end(); });`,
    `export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      await fetch('https://origin.example.com', { headers: { connection: 'keep-alive', 'x-forwarded-proto': 'https' } });
      return request;
    };`,
    // A hand-built test event.
    `const event = { Records: [{ cf: { config: { eventType: 'viewer-request' }, request: { headers: { via: [{ value: '1.1' }], connection: [{ value: 'x' }] } } } }] };
     test('handler', async () => { await handler(event); });`,
  ],
  invalid: [
    {
      // Another header's value, or the request's, is a change.
      code: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  response.headers['transfer-encoding'] = response.headers['content-type'];
  response.headers.via = request.headers.via;
  return response;
};`,
      errors: [
        { messageId: 'readOnly', data: { name: 'transfer-encoding', event: 'origin-response', change: 'assignment' }, line: 4, column: 20 },
        { messageId: 'readOnly', data: { name: 'via', event: 'origin-response', change: 'assignment' }, line: 5, column: 20 },
      ],
    },
    {
      // A table copied into the response with the key lowercased on the way in: the names
      // still reach the map, so read-only and disallowed ones are reported at the table's keys.
      code: `// @lambda-edge-event viewer-response
const EXTRA = {
  'Content-Length': '0',
  'X-Frame-Options': 'DENY',
  'Transfer-Encoding': 'chunked',
  'X-Cache': 'HIT',
};
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(EXTRA)) {
    response.headers[name.toLowerCase()] = [{ key: name, value }];
  }
  return response;
};`,
      errors: [
        { messageId: 'readOnly', data: { name: 'Content-Length', event: 'viewer-response', change: 'assignment' }, line: 3, column: 3 },
        { messageId: 'readOnly', data: { name: 'Transfer-Encoding', event: 'viewer-response', change: 'assignment' }, line: 5, column: 3 },
        { messageId: 'disallowed', data: { name: 'X-Cache', event: 'here: viewer-response' }, line: 6, column: 3 },
      ],
    },
    {
      // The same through Object.keys(...).forEach, for-in over a constant table, a constant
      // name and a list of names, in a request event: each lowercased key is still that header.
      code: `// @lambda-edge-event viewer-request
const FORWARD = { 'CloudFront-Viewer-Country': 'DE', 'X-Tenant': 'a' };
const PROXY = { 'Transfer-Encoding': 'chunked' };
const HOST = 'Host';
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  Object.keys(FORWARD).forEach((name) => {
    request.headers[name.toLowerCase()] = [{ key: name, value: FORWARD[name] }];
  });
  for (const name in PROXY) request.headers[name.toLowerCase()] = [{ key: name, value: PROXY[name] }];
  request.headers[HOST.toLowerCase()] = [{ key: HOST, value: 'example.com' }];
  for (const name of ['X-Amz-Cf-Pop', 'Upgrade']) request.headers[name.toLowerCase()] = [{ value: '1' }];
  return request;
};`,
      errors: [
        { messageId: 'cloudFrontHeaderInViewerRequest', data: { name: 'CloudFront-Viewer-Country' }, line: 2, column: 19 },
        { messageId: 'readOnly', data: { name: 'Transfer-Encoding', event: 'viewer-request', change: 'assignment' }, line: 3, column: 17 },
        { messageId: 'readOnly', data: { name: 'Host', event: 'viewer-request', change: 'assignment' }, line: 4, column: 14 },
        { messageId: 'disallowed', data: { name: 'X-Amz-Cf-Pop', event: 'here: viewer-request' }, line: 12, column: 23 },
        { messageId: 'disallowed', data: { name: 'Upgrade', event: 'here: viewer-request' }, line: 12, column: 39 },
      ],
    },
    {
      // An origin custom header may not repeat a request header name (lambda-event-structure): here the
      // function sets x-tenant in both, in different spellings and forms.
      code: `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-tenant'] = [{ key: 'X-Tenant', value: 'acme' }];
  request.origin = {
    custom: {
      domainName: 'acme.example.com',
      customHeaders: { 'X-Tenant': [{ value: 'acme' }], 'x-secret': [{ value: 's' }] },
    },
  };
  request.origin.custom.customHeaders['x-tenant'] = [{ value: 'acme' }];
  return request;
};`,
      errors: [
        { messageId: 'customHeaderInRequest', data: { name: 'X-Tenant' }, line: 8, column: 24 },
        { messageId: 'customHeaderInRequest', data: { name: 'x-tenant' }, line: 11, column: 39 },
      ],
    },
    {
      // Origin custom headers may not hold a disallowed header either (lambda-event-structure), whether
      // the origin object is assigned whole or its customHeaders are written.
      code: `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/api/')) {
    request.origin = {
      custom: {
        domainName: 'api.example.com',
        customHeaders: { 'x-forwarded-proto': [{ value: 'https' }] },
      },
    };
  } else {
    request.origin.s3.customHeaders['x-amz-cf-secret'] = [{ value: 's3cr3t' }];
  }
  return request;
};`,
      errors: [
        { messageId: 'disallowed', data: { name: 'x-forwarded-proto', event: 'here: origin-request' }, line: 8, column: 26 },
        { messageId: 'disallowed', data: { name: 'x-amz-cf-secret', event: 'here: origin-request' }, line: 12, column: 37 },
      ],
    },
    {
      // opennextjs/opennextjs-aws#392 and #427: a generated response in origin-request that
      // carries Keep-Alive (disallowed) and Content-Length (read-only there).
      code: `// @lambda-edge-event origin-request
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const body = await render(request.uri);
  return {
    status: '200',
    headers: {
      'content-type': [{ value: 'text/html' }],
      'content-length': [{ value: String(Buffer.byteLength(body)) }],
      'Keep-Alive': [{ value: 'timeout=5' }],
    },
    body,
  };
};`,
      errors: [
        {
          messageId: 'readOnly',
          data: { name: 'content-length', event: 'origin-request', change: 'assignment' },
          line: 9,
          column: 7,
        },
        { messageId: 'disallowed', data: { name: 'Keep-Alive', event: 'here: origin-request' }, line: 10, column: 7 },
      ],
    },
    {
      // aws-samples/amazon-cloudfront-cache-graphql#7 / PR #8: copying the origin's headers
      // (X-Cache, X-Amz-Cf-*) into a generated response.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const res = await fetch('https://api.example.com/graphql', { method: 'POST', body: request.body.data });
  const headers = {
    'content-type': [{ value: res.headers.get('content-type') }],
    'x-cache': [{ key: 'X-Cache', value: res.headers.get('x-cache') }],
    'x-amz-cf-pop': [{ key: 'X-Amz-Cf-Pop', value: res.headers.get('x-amz-cf-pop') }],
    'x-amz-cf-id': [{ key: 'X-Amz-Cf-Id', value: res.headers.get('x-amz-cf-id') }],
  };
  return { status: String(res.status), headers, body: await res.text() };
};`,
      errors: [
        { messageId: 'disallowed', data: { name: 'x-cache', event: 'in any event' }, line: 6, column: 5 },
        { messageId: 'disallowed', data: { name: 'x-amz-cf-pop', event: 'in any event' }, line: 7, column: 5 },
        { messageId: 'disallowed', data: { name: 'x-amz-cf-id', event: 'in any event' }, line: 8, column: 5 },
      ],
    },
    {
      // CodeGenieApp/serverless-express#369: deleting Transfer-Encoding in origin-response.
      code: `exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  delete response.headers['transfer-encoding'];
  response.headers.via[0].value = 'edge';
  callback(null, response);
};`,
      settings: { 'lambda-edge': { eventType: 'origin-response' } },
      errors: [
        { messageId: 'readOnly', data: { name: 'transfer-encoding', event: 'origin-response', change: 'delete' }, line: 3, column: 27 },
        { messageId: 'readOnly', data: { name: 'via', event: 'origin-response', change: 'change' }, line: 4, column: 20 },
      ],
    },
    {
      // Kludex/mangum#262 pattern: an adapter helper that copies content-length into the
      // response generated in origin-request; header names compare case-insensitively.
      code: `function toCloudFront(status, rawHeaders, body) {
  const headers = {};
  headers['Content-Length'] = [{ value: String(body.length) }];
  headers['x-accel-buffering'] = [{ value: 'no' }];
  return { status: String(status), headers, body };
}
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (event.Records[0].cf.config.eventType !== 'origin-request') return request;
  return toCloudFront(200, {}, 'ok');
};`,
      errors: [
        // The response is returned only in origin-request (early return above), so that event's
        // read-only list applies to the helper's writes.
        { messageId: 'readOnly', data: { name: 'Content-Length', event: 'origin-request', change: 'assignment' }, line: 3, column: 11 },
        { messageId: 'disallowed', data: { name: 'x-accel-buffering', event: 'here: origin-request' }, line: 4, column: 11 },
      ],
    },
    {
      // The same adapter with a known event: the read-only list applies too.
      code: `// @lambda-edge-event origin-request
function toCloudFront(status, body) {
  const headers = {};
  headers['Content-Length'] = [{ value: String(body.length) }];
  return { status: String(status), headers, body };
}
exports.handler = async (event) => toCloudFront(200, 'ok');`,
      errors: [{ messageId: 'readOnly', data: { name: 'Content-Length', event: 'origin-request', change: 'assignment' }, line: 4, column: 11 }],
    },
    {
      // viewer-request: host is read-only, CloudFront-Viewer-Country cannot be added,
      // and x-forwarded-proto is disallowed everywhere. Event type narrowed by a check.
      code: `export const handler = async (event) => {
  const { config, request } = event.Records[0].cf;
  if (config.eventType === 'viewer-request') {
    request.headers.host = [{ value: 'origin.example.com' }];
    request.headers['cloudfront-viewer-country'] = [{ key: 'CloudFront-Viewer-Country', value: 'US' }];
    request.headers['x-forwarded-proto'] = [{ value: 'https' }];
  }
  return request;
};`,
      errors: [
        { messageId: 'readOnly', data: { name: 'host', event: 'viewer-request', change: 'assignment' }, line: 4, column: 21 },
        { messageId: 'cloudFrontHeaderInViewerRequest', data: { name: 'cloudfront-viewer-country' }, line: 5, column: 21 },
        { messageId: 'disallowed', line: 6, column: 21 },
      ],
    },
    {
      // Read-only in both request events: reported for a handler known to serve either.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers.via = [{ value: '1.1 my-proxy' }];
  request.headers['cloudfront-is-mobile-viewer'] = [{ value: 'true' }];
  return request;
};`,
      errors: [{ messageId: 'readOnly', data: { name: 'via', event: 'viewer-request or origin-request', change: 'assignment' }, line: 3, column: 19 }],
    },
    {
      // TypeScript viewer-response handler: Content-Encoding and Warning are read-only there;
      // the header map comes from a helper merged with Object.assign.
      code: `import type { CloudFrontHeaders, CloudFrontResponseHandler } from 'aws-lambda';
const compressed = (): CloudFrontHeaders => ({ 'content-encoding': [{ value: 'br' }], vary: [{ value: 'Accept-Encoding' }] });
/** @lambda-edge-event viewer-response */
export const handler: CloudFrontResponseHandler = async (event) => {
  const { response } = event.Records[0].cf;
  Object.assign(response.headers, compressed());
  response.headers.warning = [{ value: '110 - stale' }];
  return response;
};`,
      errors: [
        { messageId: 'readOnly', data: { name: 'content-encoding', event: 'viewer-response', change: 'assignment' }, line: 2, column: 48 },
        { messageId: 'readOnly', data: { name: 'warning', event: 'viewer-response', change: 'assignment' }, line: 7, column: 20 },
      ],
    },
    {
      // Disallowed prefixes, changed in place or pushed to, with a callback handler.
      code: `exports.handler = (event, context, callback) => {
  const headers = event.Records[0].cf.request.headers;
  headers['x-edge-origin-shield'] = [{ value: 'on' }];
  headers['x-amzn-trace-id'] = [{ value: 'Root=1' }];
  headers['x-real-ip'].push({ value: '10.0.0.1' });
  callback(null, event.Records[0].cf.request);
};`,
      errors: [
        { messageId: 'disallowed', data: { name: 'x-edge-origin-shield', event: 'here: viewer-request or origin-request' }, line: 3, column: 11 },
        { messageId: 'disallowed', data: { name: 'x-real-ip', event: 'here: viewer-request or origin-request' }, line: 5, column: 11 },
      ],
    },
    {
      // Header names as data (issue 13), reported at the literal that spells them (once, though
      // two loops copy the table): a table copied in a helper called from origin-response, a list of names
      // deleted with forEach ('via' is read-only there; deleting the disallowed x-amz-cf-id is
      // harmless), and a setHeader helper whose call passes a CloudFront-added name.
      code: `// @lambda-edge-event origin-response
const extra = { 'X-Cache': 'Hit', 'x-frame-options': 'DENY' };
function addAll(headers) {
  for (const name of Object.keys(extra)) headers[name] = [{ value: extra[name] }];
  for (const [name, value] of Object.entries(extra)) headers[name] = [{ value }];
}
exports.handler = async (event) => {
  const { response } = event.Records[0].cf;
  addAll(response.headers);
  ['server', 'via', 'x-amz-cf-id'].forEach((name) => delete response.headers[name]);
  return response;
};`,
      errors: [
        { messageId: 'disallowed', data: { name: 'X-Cache', event: 'here: origin-response' }, line: 2, column: 17 },
        { messageId: 'readOnly', data: { name: 'via', event: 'origin-response', change: 'delete' }, line: 10, column: 14 },
      ],
    },
    {
      // A helper called with literal names: each call is checked in the events of its caller.
      code: `// @lambda-edge-event viewer-request
const COUNTRY = 'CloudFront-Viewer-Country';
function setHeader(headers, name, value) {
  headers[name] = [{ value }];
}
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  setHeader(request.headers, COUNTRY, 'DE');
  setHeader(request.headers, 'Content-Length', '0');
  setHeader(request.headers, 'x-country', 'DE');
  return request;
};`,
      errors: [
        { messageId: 'cloudFrontHeaderInViewerRequest', data: { name: 'CloudFront-Viewer-Country' }, line: 2, column: 17 },
        { messageId: 'readOnly', data: { name: 'Content-Length', event: 'viewer-request', change: 'assignment' }, line: 9, column: 30 },
      ],
    },
  ],
});
