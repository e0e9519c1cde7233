import rule from '../../rules/valid-header-shape.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('valid-header-shape', rule, {
  valid: [
    // A variable that also holds a well-formed entry list, or is built up with +=, is not known to be a string.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      let note = 'a';
      note = [{ key: 'X-Note', value: 'b' }];
      let trail = [{ value: 'v1' }];
      trail += '';
      return { status: '200', headers: { 'x-note': note, 'x-trail': trail } };
    };`,
    // A tab is allowed in a header value; a multi-line policy joined into one line before use.
    `// @lambda-edge-event origin-response
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      const policy = \`default-src 'self';
        img-src 'self' data:\`.replace(/\\s+/g, ' ');
      response.headers['content-security-policy'] = [{ key: 'Content-Security-Policy', value: policy }];
      response.headers['x-note'] = [{ key: 'X-Note', value: 'a\\tb' }];
      return response;
    };`,
    // An entry made empty, then filled before the map is handed back (a header copier).
    `import type { CloudFrontHeaders } from 'aws-lambda';
    export const toCloudFrontHeaders = (headers: Record<string, string[]>): CloudFrontHeaders => {
      const result: CloudFrontHeaders = {};
      for (const name of Object.keys(headers)) {
        const lower = name.toLowerCase();
        result[lower] = [];
        for (const value of headers[name]!) result[lower].push({ key: name, value });
      }
      return result;
    };`,
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      response.headers['set-cookie'] = [];
      response.headers['set-cookie'].push({ key: 'Set-Cookie', value: 'a=1' });
      return response;
    };`,
    // The same header in another case (lowercase-header-keys reports the mixed-case key; its fix
    // leaves the entry filled, so this rule says the same before and after it).
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      response.headers['Cache-Control'] = [];
      response.headers['cache-control'].push({ key: 'Cache-Control', value: 'no-store' });
      return response;
    };`,
    // An empty entry of a literal, filled by name after the map is built.
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      const name = 'x-trace';
      const headers = { ...response.headers, [name]: [], 'x-b': [] };
      headers[name].push({ key: 'X-Trace', value: 'on' });
      headers['x-b'].push({ key: 'X-B', value: '1' });
      response.headers = headers;
      return response;
    };`,
    // An empty list in a generated response, handed to a helper that fills it.
    `function addCookies(list, names) { for (const n of names) list.push({ key: 'Set-Cookie', value: n + '=; Max-Age=0' }); }
    exports.handler = async (event) => {
      let out;
      out = { status: '302', headers: { 'set-cookie': [], location: [{ value: '/' }] } };
      addCookies(out.headers['set-cookie'], ['a', 'b']);
      return out;
    };`,
    // An empty list written only where the header is absent, for the caller to push onto.
    `import type { CloudFrontHeaders } from 'aws-lambda';
    export function ensure(headers: CloudFrontHeaders, key: string): void {
      if (!headers[key]) headers[key] = [];
    }
    export function ensureBlock(headers: CloudFrontHeaders, key: string): void {
      if (!headers[key] || headers[key].length === 0) {
        headers[key] = [];
      }
    }`,
    // The documented shape: arrays of { key?, value } with string fields.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const maxAge = 3600;
      return {
        status: '200',
        headers: {
          'content-type': [{ key: 'Content-Type', value: 'text/html' }],
          'cache-control': [{ value: \`max-age=\${maxAge}\` }],
          'set-cookie': [{ value: 'a=1' }, { value: 'b=2' }],
          vary: [{ key: 'Vary', value: 'Accept' + ', Accept-Encoding' }],
          'content-length': [{ value: String(42) }],
          etag: [{ value: request.headers['if-none-match']?.[0].value ?? '' }],
        },
        body: 'hi',
      };
    };`,
    // Writes through the received headers, values built elsewhere (unknown), and spreads.
    `exports.handler = (event, context, callback) => {
      const response = event.Records[0].cf.response;
      const entry = [{ value: 'DENY' }];
      response.headers['x-frame-options'] = entry;
      response.headers['x-extra'] = [...(response.headers['x-extra'] || []), { value: '1' }];
      response.headers['x-copy'] = [{ ...response.headers['x-orig'][0], key: 'X-Copy' }];
      callback(null, response);
    };`,
    // An AWS sample copies x-amz-meta-last-modified into last-modified: key and name differ (option off).
    `exports.handler = (event, context, callback) => {
      const response = event.Records[0].cf.response;
      const headers = response.headers;
      const headerNameSrc = 'X-Amz-Meta-Last-Modified';
      const headerNameDst = 'Last-Modified';
      if (headers[headerNameSrc.toLowerCase()]) {
        headers[headerNameDst.toLowerCase()] = [headers[headerNameSrc.toLowerCase()][0]];
      }
      response.headers['last-modified'] = [{ key: 'X-Amz-Meta-Last-Modified', value: 'x' }];
      callback(null, response);
    };`,
    // With the option on, a key that matches case-insensitively is fine.
    {
      code: `exports.handler = async (event) => ({ status: '302', headers: { location: [{ key: 'LOCATION', value: '/' }] } });`,
      options: [{ checkKeyMatchesName: true }],
    },
    // API Gateway: plain string header values are right there.
    `exports.handler = async (event) => ({ statusCode: 200, headers: { 'content-type': 'text/html', 'x-count': 3 }, body: '' });`,
    // CloudFront Functions: { value } objects (not arrays) are the right shape.
    `function handler(event) {
      var response = event.response;
      response.headers['strict-transport-security'] = { value: 'max-age=63072000' };
      return { statusCode: 302, headers: { location: { value: '/' } } };
    }`,
    // fetch options, axios, Express inside or next to a handler.
    `export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      await fetch('https://api.example.com', { method: 'POST', headers: { 'content-type': 'application/json' } });
      await axios.post('https://api.example.com', {}, { headers: { 'x-count': 1 } });
      return request;
    };`,
    `app.get('/', (req, res) => { res.set({ 'content-type': 'text/plain' }); res.send('ok'); });`,
    // A hand-built test event.
    `const event = { Records: [{ cf: { request: { headers: { host: 'example.com' } } } }] };
     it('works', () => handler(event));`,
    // Undefined values disappear when the result is serialized.
    `exports.handler = async (event) => ({ status: '200', headers: { 'x-a': undefined, 'x-b': [{ key: undefined, value: 'b' }] } });`,
    // Values held as data that are entries already, or strings in a `value` field: correct.
    `const security = { 'x-frame-options': 'DENY' };
    const wrapped = { 'x-content-type-options': [{ key: 'X-Content-Type-Options', value: 'nosniff' }] };
    function put(target, name, value) { target[name] = value; }
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      for (const [name, value] of Object.entries(security)) response.headers[name] = [{ key: name, value }];
      for (const [name, entries] of Object.entries(wrapped)) response.headers[name] = entries;
      put(response.headers, 'x-a', [{ value: 'a' }]);
      put({}, 'x-b', 'plain');
      return response;
    };`,
  ],
  invalid: [
    // A \`var\` given a string on every path, used as a header value.
    {
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  var location;
  if (request.uri === '/old') location = '/new';
  else location = '/other';
  callback(null, { status: '302', headers: { location: location } });
};`,
      errors: [
        {
          messageId: 'notAnArray',
          data: { name: 'location', type: 'a string', canonical: 'Location' },
          line: 6,
          column: 56,
          endLine: 6,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'wrapInEntry',
              data: { canonical: "'Location'" },
              output: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  var location;
  if (request.uri === '/old') location = '/new';
  else location = '/other';
  callback(null, { status: '302', headers: { location: [{ key: 'Location', value: location }] } });
};`,
            },
          ],
        },
      ],
    },
    // A line break in a header value: a redirect built from form input, and a multi-line template.
    {
      code: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['location'] = [{ key: 'Location', value: '/thanks\\r\\nSet-Cookie: a=b' }];
  response.headers['content-security-policy'] = [{ value: \`default-src 'self';
    img-src 'self' data:\` }];
  return response;
};`,
      errors: [
        { messageId: 'controlCharacter', data: { name: 'location', what: 'a carriage return (CR)', encoded: '%0D' }, line: 4, column: 61, endLine: 4, endColumn: 89 },
        { messageId: 'controlCharacter', data: { name: 'content-security-policy', what: 'a line feed (LF)', encoded: '%0A' }, line: 5, column: 59, endLine: 6, endColumn: 26 },
      ],
    },
    {
      // Plain string and number values in a generated response (the API Gateway habit).
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return {
    status: '200',
    headers: {
      'content-type': 'text/html',
      'cache-control': \`max-age=\${60 * 60}\`,
      'x-retry': 3,
    },
    body: '<p>hi</p>',
  };
};`,
      errors: [
        {
          messageId: 'notAnArray',
          data: { name: 'content-type', type: 'a string', canonical: 'Content-Type' },
          line: 6,
          column: 23,
          suggestions: [
            {
              messageId: 'wrapInEntry',
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return {
    status: '200',
    headers: {
      'content-type': [{ key: 'Content-Type', value: 'text/html' }],
      'cache-control': \`max-age=\${60 * 60}\`,
      'x-retry': 3,
    },
    body: '<p>hi</p>',
  };
};`,
            },
          ],
        },
        {
          messageId: 'notAnArray',
          line: 7,
          column: 24,
          suggestions: [
            {
              messageId: 'wrapInEntry',
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return {
    status: '200',
    headers: {
      'content-type': 'text/html',
      'cache-control': [{ key: 'Cache-Control', value: \`max-age=\${60 * 60}\` }],
      'x-retry': 3,
    },
    body: '<p>hi</p>',
  };
};`,
            },
          ],
        },
        {
          messageId: 'notAnArray',
          data: { name: 'x-retry', type: 'a number', canonical: 'X-Retry' },
          line: 8,
          column: 18,
          suggestions: [
            {
              messageId: 'wrapInEntry',
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return {
    status: '200',
    headers: {
      'content-type': 'text/html',
      'cache-control': \`max-age=\${60 * 60}\`,
      'x-retry': [{ key: 'X-Retry', value: '3' }],
    },
    body: '<p>hi</p>',
  };
};`,
            },
          ],
        },
      ],
    },
    {
      // CloudFront Functions shape used in Lambda@Edge (origin-response, write through a variable).
      code: `// @lambda-edge-event origin-response
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  const headers = response.headers;
  headers['strict-transport-security'] = { value: 'max-age=63072000' };
  callback(null, response);
};`,
      errors: [
        {
          messageId: 'valueObjectNotInArray',
          line: 5,
          column: 42,
          suggestions: [
            {
              messageId: 'wrapInArray',
              output: `// @lambda-edge-event origin-response
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  const headers = response.headers;
  headers['strict-transport-security'] = [{ value: 'max-age=63072000' }];
  callback(null, response);
};`,
            },
          ],
        },
      ],
    },
    {
      // Emptied and never filled, or a push onto another entry or another map: still empty.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const request = event.Records[0].cf.request;
  response.headers['x-a'] = [];
  response.headers['x-b'].push({ key: 'X-B', value: '1' });
  request.headers['x-a'].push({ key: 'X-A', value: '1' });
  return response;
};`,
      errors: [{ messageId: 'emptyArray', data: { name: 'x-a' }, line: 4, column: 29 }],
    },
    {
      // A literal's empty entry filled for another name, or on another map; an empty list
      // written when another header is absent, or with an else.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const headers = { 'x-a': [] };
  headers['x-b'].push({ key: 'X-B', value: '1' });
  response.headers['x-a'].push({ key: 'X-A', value: '1' });
  if (!response.headers['x-c']) response.headers['x-d'] = [];
  if (!response.headers['x-e']) response.headers['x-e'] = []; else response.headers['x-e'].length = 0;
  response.headers = headers;
  return response;
};`,
      errors: [
        { messageId: 'emptyArray', data: { name: 'x-a' }, line: 3, column: 28 },
        { messageId: 'emptyArray', data: { name: 'x-d' }, line: 6, column: 59 },
        { messageId: 'emptyArray', data: { name: 'x-e' }, line: 7, column: 59 },
      ],
    },
    {
      // Writing through the empty array's first entry does not fill it (there is none).
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['x-a'] = [];
  response.headers['x-a'][0].value = '1';
  return response;
};`,
      errors: [{ messageId: 'emptyArray', data: { name: 'x-a' }, line: 3, column: 29 }],
    },
    {
      // Empty array, entries that are strings or lack value, non-string value and key.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers = {
    'x-empty': [],
    'content-type': ['text/html'],
    'x-nokey': [{ key: 'X-Nokey' }],
    'content-length': [{ key: 'Content-Length', value: 1024 }],
    'x-flag': [{ key: true, value: 'yes' }],
  };
  return response;
};`,
      errors: [
        { messageId: 'emptyArray', line: 4, column: 16 },
        { messageId: 'entryNotObject', data: { name: 'content-type', type: 'a string' }, line: 5, column: 22 },
        { messageId: 'entryWithoutValue', line: 6, column: 17 },
        { messageId: 'nonStringField', data: { field: 'value', name: 'content-length', type: 'a number' }, line: 7, column: 56 },
        { messageId: 'nonStringField', data: { field: 'key', name: 'x-flag', type: 'a boolean' }, line: 8, column: 23 },
      ],
    },
    {
      // aws-samples/cloudfront-authorization-at-edge#12: a whole configuration object turned
      // into headers; 'cookieSettings' held an object ("neither string nor array of strings").
      code: `import type { CloudFrontHeaders, CloudFrontResponseHandler } from 'aws-lambda';
const config: CloudFrontHeaders = {
  'strict-transport-security': [{ value: 'max-age=31536000' }],
  cookieSettings: { idToken: 'Path=/; Secure', accessToken: 'Path=/' } as any,
};
export const handler: CloudFrontResponseHandler = async (event) => {
  const response = event.Records[0].cf.response;
  Object.assign(response.headers, config);
  return response;
};`,
      errors: [{ messageId: 'notAnArray', data: { name: 'cookieSettings', type: 'an object', canonical: 'Cookiesettings' }, line: 4, column: 19 }],
    },
    {
      // aws-samples/amazon-cloudfront-cache-graphql#7: headers returned as a list of
      // { key, value } objects instead of a map keyed by lowercase name.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const upstream = await fetch('https://api.example.com/graphql?' + request.querystring);
  return {
    status: String(upstream.status),
    headers: [...upstream.headers.entries()].map(([key, value]) => ({ key, value })),
    body: await upstream.text(),
  };
};`,
      errors: [{ messageId: 'mapNotObject', data: { type: 'an array' }, line: 6, column: 14 }],
    },
    {
      // A constant string in a helper's header map, through a const; settings give the event type.
      code: `const HSTS = 'max-age=63072000; includeSubdomains';
function securityHeaders() {
  return { 'strict-transport-security': HSTS };
}
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers = { ...response.headers, ...securityHeaders() };
  return response;
};`,
      settings: { 'lambda-edge': { eventType: 'origin-response' } },
      errors: [
        {
          messageId: 'notAnArray',
          line: 3,
          column: 41,
          suggestions: [
            {
              messageId: 'wrapInEntry',
              output: `const HSTS = 'max-age=63072000; includeSubdomains';
function securityHeaders() {
  return { 'strict-transport-security': [{ key: 'Strict-Transport-Security', value: HSTS }] };
}
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers = { ...response.headers, ...securityHeaders() };
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      // The option: a key naming another header than the map key.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const headers = {};
  headers['location'] = [{ key: 'Content-Location', value: '/new' }];
  return { status: '301', headers };
};`,
      options: [{ checkKeyMatchesName: true }],
      errors: [{ messageId: 'keyMismatch', data: { key: 'Content-Location', name: 'location' }, line: 4, column: 33 }],
    },
    {
      // A plain string written into the received request headers (viewer-request helper).
      code: `function setDevice(headers, device) {
  headers['x-device'] = 'device-' + device;
}
export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  setDevice(request.headers, 'mobile');
  return request;
};`,
      errors: [
        {
          messageId: 'notAnArray',
          line: 2,
          column: 25,
          suggestions: [
            {
              messageId: 'wrapInEntry',
              output: `function setDevice(headers, device) {
  headers['x-device'] = [{ key: 'X-Device', value: 'device-' + device }];
}
export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  setDevice(request.headers, 'mobile');
  return request;
};`,
            },
          ],
        },
      ],
    },
    {
      // Values held as data (issue 13): a table of plain strings copied into the map (the
      // API Gateway habit), and a numeric entry value taken from a list of pairs.
      code: `// @lambda-edge-event origin-response
const security = { 'strict-transport-security': 'max-age=63072000', 'x-frame-options': 'DENY' };
const limits = [['x-ratelimit-limit', 100]];
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(security)) response.headers[name] = value;
  for (const [name, limit] of limits) response.headers[name] = [{ value: limit }];
  return response;
};`,
      errors: [
        {
          messageId: 'notAnArray',
          data: { name: '(computed)', type: 'a string', canonical: 'Header-Name' },
          line: 6,
          column: 82,
          suggestions: [
            {
              messageId: 'wrapInEntry',
              data: { canonical: "'...'" },
              output: `// @lambda-edge-event origin-response
const security = { 'strict-transport-security': 'max-age=63072000', 'x-frame-options': 'DENY' };
const limits = [['x-ratelimit-limit', 100]];
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(security)) response.headers[name] = [{ value: value }];
  for (const [name, limit] of limits) response.headers[name] = [{ value: limit }];
  return response;
};`,
            },
          ],
        },
        { messageId: 'nonStringField', data: { field: 'value', name: '(computed)', type: 'a number' }, line: 7, column: 74 },
      ],
    },
  ],
});
