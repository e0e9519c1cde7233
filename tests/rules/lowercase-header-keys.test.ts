import rule from '../../rules/lowercase-header-keys.js';
import { byMessage, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('lowercase-header-keys', rule, {
  valid: [
    // Placeholders a deploy step substitutes in the source (SCREAMING_SNAKE_CASE constants): not header names.
    `const NAME = 'TPL_HEADER_NAME';
    const VALUE = 'TPL_HEADER_VALUE';
    exports.handler = (event, context, callback) => {
      const response = event.Records[0].cf.response;
      response.headers[NAME] = [{ key: NAME, value: VALUE }];
      callback(null, response);
    };`,
    // A mixed-case read with the lowercase name as its fallback in the same expression: dead, not wrong.
    `exports.handler = async (event) => {
  const h = event.Records[0].cf.request.headers;
  const auth = h.Authorization || h.authorization;
  const variant = h['x-variant'] ?? h['X-Variant'];
  const host = h.host ? h.host[0].value : h.Host[0].value;
  let lang;
  if ('accept-language' in h) lang = h['accept-language'][0].value;
  else lang = h['Accept-Language'] ? h['Accept-Language'][0].value : 'en';
  return auth && variant && host && lang ? event.Records[0].cf.request : { status: '401' };
};`,
    // Names as data lowercased where they become keys, in a known event: the keys are
    // lowercase at run time, so a table's, a list's or a constant's spelling is not reported,
    // whether written, read, deleted or used as a computed entry key.
    `// @lambda-edge-event origin-response
    const SECURITY = { 'Strict-Transport-Security': 'max-age=63072000', 'X-Frame-Options': 'DENY' };
    const REMOVE = ['Server', 'X-Powered-By'];
    const CT = 'Content-Type';
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      for (const [name, value] of Object.entries(SECURITY)) response.headers[name.toLowerCase()] = [{ key: name, value }];
      for (const name in SECURITY) response.headers[name.toLocaleLowerCase()] = [{ key: name, value: SECURITY[name] }];
      for (const name of REMOVE) delete response.headers[name.toLowerCase()];
      if (!response.headers[CT.toLowerCase()]) response.headers[CT.toLowerCase()] = [{ key: CT, value: 'text/html' }];
      return response;
    };
    exports.generated = async () => ({
      status: '200',
      headers: { [CT.toLowerCase()]: [{ key: CT, value: 'text/plain' }] },
    });`,
    // A helper that lowercases the name itself handles any spelling its callers pass.
    `function header(request, name) {
      return (request.headers[name] ?? request.headers[name.toLowerCase()])?.[0]?.value;
    }
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (!header(request, 'Cookie')) request.uri = '/login';
      return request;
    };`,
    // Lowercase keys with the original spelling in `key`, as CloudFront expects.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      return {
        status: '302',
        headers: { location: [{ key: 'Location', value: '/login' }], 'cache-control': [{ key: 'Cache-Control', value: 'no-store' }] },
      };
    };`,
    // Lowercase reads, writes, deletes, 'in' checks and destructuring of received headers.
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      const headers = request.headers;
      const { host, 'user-agent': ua } = headers;
      if ('authorization' in headers && headers['x-forwarded-for']) delete headers['x-debug'];
      headers['x-device'] = [{ key: 'X-Device', value: ua ? 'desktop' : 'unknown' }];
      callback(null, request);
    };`,
    // API Gateway lambda: statusCode and mixed-case headers are correct there.
    `exports.handler = async (event) => ({
      statusCode: 200,
      headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify({ ok: event.headers['User-Agent'] }),
    });`,
    // CloudFront Functions use { value } headers and are not Lambda@Edge.
    `function handler(event) {
      var response = event.response;
      response.headers['Strict-Transport-Security'] = { value: 'max-age=63072000' };
      return { statusCode: 302, statusDescription: 'Found', headers: { Location: { value: '/' } } };
    }`,
    // fetch options and axios headers inside a Lambda@Edge handler.
    `export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      const res = await fetch('https://auth.example.com/check', { headers: { 'Content-Type': 'application/json', Authorization: 'Bearer x' } });
      await axios.get('https://example.com', { headers: { 'User-Agent': 'edge' } });
      return res.ok ? request : { status: '403', statusDescription: 'Forbidden' };
    };`,
    // Express / Koa code.
    `app.get('/', (req, res) => { res.set('Content-Type', 'text/html'); res.setHeader('X-Frame-Options', 'DENY'); res.send(req.headers['User-Agent']); });`,
    `app.use(async (ctx) => { ctx.set({ 'Cache-Control': 'no-cache' }); });`,
    // A logging object and a test double built by hand.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      console.log({ headers: { 'User-Agent': request.headers['user-agent'] } });
      return request;
    };`,
    `const event = { Records: [{ cf: { request: { uri: '/', headers: { Host: [{ key: 'Host', value: 'example.com' }] } } } }] };
     test('rewrites', async () => { expect(await handler(event)).toBeDefined(); });`,
    // Computed, non-static keys are left alone.
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      for (const [name, value] of Object.entries(extra)) response.headers[name.toLowerCase()] = [{ key: name, value }];
      return response;
    };`,
    // A called member of a header map is a method, never a header key (issue 13): no report,
    // and no suggestion that would rename the method.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const headers = request.headers;
      if (headers.hasOwnProperty('authorization') || Object.prototype.hasOwnProperty.call(headers, 'cookie')) return request;
      console.log(headers.toString(), request.headers.valueOf(), headers.constructor, headers['propertyIsEnumerable']('host'));
      return { status: '401', statusDescription: 'Unauthorized' };
    };`,
    // A for-in variable over a header map holds a key (a string), not the map: its string
    // methods are not header keys, in the loop or in a helper it is handed to.
    `import type { CloudFrontHeaders } from 'aws-lambda';
    function isInternal(name: string): boolean {
      const lower = name.toLowerCase();
      return lower.startsWith('x-edge-');
    }
    export function strip(headers: CloudFrontHeaders): void {
      for (const name in headers) {
        if (isInternal(name) || name.toUpperCase() === 'X') delete headers[name];
      }
      let other;
      for (other in headers) other.trimEnd();
    }`,
    // Header names as data (issue 13), lowercased on the way in, or not provably names: silent.
    `const names = { 'Strict-Transport-Security': 'max-age=1' };
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      for (const [name, value] of Object.entries(names)) response.headers[name.toLowerCase()] = [{ key: name, value }];
      Object.keys(names).forEach((key) => { response.headers[key.toLowerCase()] = [{ key, value: names[key] }]; });
      return response;
    };`,
    // A name that is reassigned, a table with a computed key, a helper whose only caller passes
    // something that is not a header map, an exported helper nobody in the file calls.
    `let NAME = 'X-Frame-Options';
    if (Math.random() > 2) NAME = 'x-frame-options';
    const KEY = 'X-Dynamic';
    const table = { [KEY]: 'v' };
    function put(map, name) { map[name] = [{ value: '1' }]; }
    export function setHeader(headers, name) { headers[name] = [{ value: '1' }]; }
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      response.headers[NAME] = [{ value: 'DENY' }];
      for (const name in table) response.headers[name] = [{ value: table[name] }];
      put({}, 'X-Not-A-Header-Map');
      put(response.headers, 'x-lower');
      return response;
    };`,
  ],
  invalid: [
    {
      // The mixed-case read as the test, and in the branch where the lowercase one is present: reported.
      code: `exports.handler = async (event) => {
  const h = event.Records[0].cf.request.headers;
  const host = h.host ? h.Host : h.host;
  return host ? event.Records[0].cf.request : { status: '400' };
};`,
      errors: [{ messageId: 'mixedCaseRead', data: { name: 'Host', lower: 'host' }, line: 3, column: 27, suggestions: [{ messageId: 'useLowercase', data: { lower: 'host' }, output: `exports.handler = async (event) => {
  const h = event.Records[0].cf.request.headers;
  const host = h.host ? h.host : h.host;
  return host ? event.Records[0].cf.request : { status: '400' };
};` }] }],
    },
    {
      // The fallback reads another map, or another name: the mixed-case read is still the bug.
      code: `exports.handler = async (event) => {
  const h = event.Records[0].cf.request.headers;
  const a = h.Authorization || event.fallback.authorization;
  const b = h['X-Variant'] || h['x-other'];
  return a && b ? event.Records[0].cf.request : { status: '401' };
};`,
      errors: [
        { messageId: 'mixedCaseRead', data: { name: 'Authorization', lower: 'authorization' }, line: 3, column: 15, suggestions: [{ messageId: 'useLowercase', data: { lower: 'authorization' }, output: `exports.handler = async (event) => {
  const h = event.Records[0].cf.request.headers;
  const a = h.authorization || event.fallback.authorization;
  const b = h['X-Variant'] || h['x-other'];
  return a && b ? event.Records[0].cf.request : { status: '401' };
};` }] },
        { messageId: 'mixedCaseRead', data: { name: 'X-Variant', lower: 'x-variant' }, line: 4, column: 15, suggestions: [{ messageId: 'useLowercase', data: { lower: 'x-variant' }, output: `exports.handler = async (event) => {
  const h = event.Records[0].cf.request.headers;
  const a = h.Authorization || event.fallback.authorization;
  const b = h['x-variant'] || h['x-other'];
  return a && b ? event.Records[0].cf.request : { status: '401' };
};` }] },
      ],
    },
    {
      // Fuzz (issue 15): a key written with an escape. The suggestion used to write the
      // cooked value, a raw line break, into the quotes ("Unterminated string constant").
      code: String.raw`exports = function (evt) {
  const response = evt.Records[0].cf.response;
  const headers = response.headers;
  {
    {
      switch (0) {
        default:
          const { 'X\ny': hval = [] } = headers;
      }
    }
  }
};`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'mixedCaseRead',
          data: { name: 'X\ny', lower: 'x\ny' },
          line: 8,
          column: 19,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useLowercase',
              data: { lower: 'x\ny' },
              output: String.raw`exports = function (evt) {
  const response = evt.Records[0].cf.response;
  const headers = response.headers;
  {
    {
      switch (0) {
        default:
          const { 'x\ny': hval = [] } = headers;
      }
    }
  }
};`,
            },
          ],
        },
      ],
    },
    {
      // Escapes in written keys: the literal is written anew from the lowered value, escaped
      // (lowercasing the text would turn `\N` into a line break, and leave `\u0042` a `B`).
      // Without a backslash, the text itself is lowercased.
      code: String.raw`exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['X\u000Ay'] = [{ value: '1' }];
  response.headers["A\u0042\N"] = [{ value: '1' }];
  response.headers[` + '`X\\ny`' + String.raw`] = [{ value: '1' }];
  response.headers[` + '`X\\${y}`' + String.raw`] = [{ value: '1' }];
  response.headers['Ä-X'] = [{ value: '1' }];
  response.headers['X\uD800'] = [{ value: '1' }];
  return response;
};`,
      output: String.raw`exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['x\ny'] = [{ value: '1' }];
  response.headers["abn"] = [{ value: '1' }];
  response.headers[` + '`x\\ny`' + String.raw`] = [{ value: '1' }];
  response.headers[` + '`x\\${y}`' + String.raw`] = [{ value: '1' }];
  response.headers['ä-x'] = [{ value: '1' }];
  response.headers['x\ud800'] = [{ value: '1' }];
  return response;
};`,
      errors: [
        { messageId: 'mixedCaseWrite', data: { name: 'X\ny', lower: 'x\ny' }, line: 3, column: 20, endColumn: 30 },
        { messageId: 'mixedCaseWrite', data: { name: 'ABN', lower: 'abn' }, line: 4, column: 20, endColumn: 31 },
        { messageId: 'mixedCaseWrite', data: { name: 'X\ny', lower: 'x\ny' }, line: 5, column: 20, endColumn: 26 },
        { messageId: 'mixedCaseWrite', data: { name: 'X${y}', lower: 'x${y}' }, line: 6, column: 20, endColumn: 28 },
        { messageId: 'mixedCaseWrite', data: { name: 'Ä-X', lower: 'ä-x' }, line: 7, column: 20, endColumn: 25 },
        { messageId: 'mixedCaseWrite', data: { name: 'X\uD800', lower: 'x\uD800' }, line: 8, column: 20, endColumn: 29 },
      ],
    },
    {
      // Escaped keys in Object.assign sources and response literals; quotes keep their style.
      code: String.raw`exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  Object.assign(response.headers, { 'X\ny': [{ value: '1' }] });
  return { status: '200', headers: { 'Q\'R': [{ value: '1' }], "S\"T\\U": [{ value: '1' }] } };
};`,
      output: String.raw`exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  Object.assign(response.headers, { 'x\ny': [{ value: '1' }] });
  return { status: '200', headers: { 'q\'r': [{ value: '1' }], "s\"t\\u": [{ value: '1' }] } };
};`,
      errors: [
        { messageId: 'mixedCaseKey', data: { name: 'X\ny', lower: 'x\ny' }, line: 3, column: 37, endColumn: 43 },
        { messageId: 'mixedCaseKey', data: { name: "Q'R", lower: "q'r" }, line: 4, column: 38, endColumn: 44 },
        { messageId: 'mixedCaseKey', data: { name: 'S"T\\U', lower: 's"t\\u' }, line: 4, column: 64, endColumn: 73 },
      ],
    },
    {
      // A `\u{...}` escape in a destructuring pattern: the suggestion spells the value plainly.
      code: String.raw`exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const { 'X\u{41}y': a } = response.headers;
  return response;
};`,
      errors: [
        {
          messageId: 'mixedCaseRead',
          data: { name: 'XAy', lower: 'xay' },
          line: 3,
          column: 11,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useLowercase',
              data: { lower: 'xay' },
              output: String.raw`exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const { 'xay': a } = response.headers;
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      // Generated response with mixed-case keys; quotes and identifiers keep their style.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return {
    status: '302',
    headers: {
      Location: [{ key: 'Location', value: '/login' }],
      "Cache-Control": [{ value: 'no-store' }],
    },
  };
};`,
      output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return {
    status: '302',
    headers: {
      location: [{ key: 'Location', value: '/login' }],
      "cache-control": [{ value: 'no-store' }],
    },
  };
};`,
      errors: [
        { messageId: 'mixedCaseKey', data: { name: 'Location', lower: 'location' }, line: 6, column: 7, endColumn: 15 },
        { messageId: 'mixedCaseKey', data: { name: 'Cache-Control', lower: 'cache-control' }, line: 7, column: 7 },
      ],
    },
    {
      // Callback style, security headers written onto the received response (origin-response).
      code: `'use strict';
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  const headers = response.headers;
  headers['Strict-Transport-Security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }];
  headers[\`X-Frame-Options\`] = [{ value: 'DENY' }];
  response.headers.Vary = [{ value: 'Accept' }];
  callback(null, response);
};`,
      output: `'use strict';
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  const headers = response.headers;
  headers['strict-transport-security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }];
  headers[\`x-frame-options\`] = [{ value: 'DENY' }];
  response.headers.vary = [{ value: 'Accept' }];
  callback(null, response);
};`,
      errors: [
        { messageId: 'mixedCaseWrite', line: 5, column: 11, endColumn: 38 },
        { messageId: 'mixedCaseWrite', line: 6, column: 11 },
        { messageId: 'mixedCaseWrite', line: 7, column: 20 },
      ],
    },
    {
      // A \`let\` that starts as the event and is unwrapped to the request (a handler also run
      // with a bare request): the writes through it are the request's.
      code: `exports.handler = async (event, context, callback) => {
  let request = event;
  if (event.Records) request = event.Records[0].cf.request;
  request.headers['X-Seen'] = [{ key: 'X-Seen', value: 'yes' }];
  callback(null, request);
};`,
      output: `exports.handler = async (event, context, callback) => {
  let request = event;
  if (event.Records) request = event.Records[0].cf.request;
  request.headers['x-seen'] = [{ key: 'X-Seen', value: 'yes' }];
  callback(null, request);
};`,
      errors: [{ messageId: 'mixedCaseWrite', data: { name: 'X-Seen', lower: 'x-seen' }, line: 4, column: 19, endColumn: 27 }],
    },
    {
      // Reads are always undefined: suggestion only, since the fix changes run-time behaviour.
      code: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const ua = request.headers['User-Agent'];
  if ('Authorization' in request.headers) return request;
  const { Host } = request.headers;
  delete request.headers['X-Powered-By'];
  return ua && Host ? request : { status: '400' };
};`,
      errors: [
        {
          messageId: 'mixedCaseRead',
          line: 3,
          column: 30,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const ua = request.headers['user-agent'];
  if ('Authorization' in request.headers) return request;
  const { Host } = request.headers;
  delete request.headers['X-Powered-By'];
  return ua && Host ? request : { status: '400' };
};`,
            },
          ],
        },
        {
          messageId: 'mixedCaseRead',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const ua = request.headers['User-Agent'];
  if ('authorization' in request.headers) return request;
  const { Host } = request.headers;
  delete request.headers['X-Powered-By'];
  return ua && Host ? request : { status: '400' };
};`,
            },
          ],
        },
        {
          messageId: 'mixedCaseRead',
          line: 5,
          column: 11,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const ua = request.headers['User-Agent'];
  if ('Authorization' in request.headers) return request;
  const { host: Host } = request.headers;
  delete request.headers['X-Powered-By'];
  return ua && Host ? request : { status: '400' };
};`,
            },
          ],
        },
        {
          messageId: 'mixedCaseDelete',
          line: 6,
          column: 26,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const ua = request.headers['User-Agent'];
  if ('Authorization' in request.headers) return request;
  const { Host } = request.headers;
  delete request.headers['x-powered-by'];
  return ua && Host ? request : { status: '400' };
};`,
            },
          ],
        },
      ],
    },
    {
      // The lowercase key already exists in the literal: suggest, never create a duplicate key.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers = { 'content-type': [{ value: 'text/html' }], 'Content-Type': [{ value: 'text/plain' }] };
  return response;
};`,
      errors: [
        {
          messageId: 'mixedCaseKeyDuplicate',
          line: 3,
          column: 66,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers = { 'content-type': [{ value: 'text/html' }], 'content-type': [{ value: 'text/plain' }] };
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript: helper returning a header map, merged with Object.assign; typed CloudFrontHeaders.
      code: `import type { CloudFrontHeaders, CloudFrontResponseHandler } from 'aws-lambda';
function securityHeaders(): CloudFrontHeaders {
  return { 'X-Content-Type-Options': [{ value: 'nosniff' }] };
}
const extra: CloudFrontHeaders = { 'Referrer-Policy': [{ value: 'same-origin' }] };
export const handler: CloudFrontResponseHandler = async (event) => {
  const { response } = event.Records[0].cf;
  Object.assign(response.headers, securityHeaders(), extra);
  return response;
};`,
      output: `import type { CloudFrontHeaders, CloudFrontResponseHandler } from 'aws-lambda';
function securityHeaders(): CloudFrontHeaders {
  return { 'x-content-type-options': [{ value: 'nosniff' }] };
}
const extra: CloudFrontHeaders = { 'referrer-policy': [{ value: 'same-origin' }] };
export const handler: CloudFrontResponseHandler = async (event) => {
  const { response } = event.Records[0].cf;
  Object.assign(response.headers, securityHeaders(), extra);
  return response;
};`,
      errors: [
        { messageId: 'mixedCaseKey', line: 3, column: 12 },
        { messageId: 'mixedCaseKey', line: 5, column: 36 },
      ],
    },
    {
      // A headers variable filled by assignments, then a helper that writes into the received headers.
      code: `function addHsts(headers) {
  headers['Strict-Transport-Security'] = [{ value: 'max-age=31536000' }];
}
exports.handler = async (event) => {
  const { request } = event.Records[0].cf;
  if (request.uri.startsWith('/old')) {
    const headers = {};
    headers['Location'] = [{ value: '/new' + request.uri.slice(4) }];
    return { status: '301', statusDescription: 'Moved Permanently', headers };
  }
  addHsts(request.headers);
  return request;
};`,
      output: `function addHsts(headers) {
  headers['strict-transport-security'] = [{ value: 'max-age=31536000' }];
}
exports.handler = async (event) => {
  const { request } = event.Records[0].cf;
  if (request.uri.startsWith('/old')) {
    const headers = {};
    headers['location'] = [{ value: '/new' + request.uri.slice(4) }];
    return { status: '301', statusDescription: 'Moved Permanently', headers };
  }
  addHsts(request.headers);
  return request;
};`,
      errors: [
        { messageId: 'mixedCaseWrite', line: 2, column: 11 },
        { messageId: 'mixedCaseWrite', line: 8, column: 13 },
      ],
    },
    {
      // Event type from a comment; shorthand key in a generated response's spread-in base map.
      code: `// @lambda-edge-event viewer-request
const Vary = [{ value: 'Accept-Encoding' }];
const base = { Vary };
module.exports.handler = async ({ Records }) => {
  const request = Records[0].cf.request;
  if (request.method !== 'GET') return { status: '405', headers: { ...base, allow: [{ value: 'GET' }] } };
  return request;
};`,
      output: `// @lambda-edge-event viewer-request
const Vary = [{ value: 'Accept-Encoding' }];
const base = { vary: Vary };
module.exports.handler = async ({ Records }) => {
  const request = Records[0].cf.request;
  if (request.method !== 'GET') return { status: '405', headers: { ...base, allow: [{ value: 'GET' }] } };
  return request;
};`,
      errors: [{ messageId: 'mixedCaseKey', line: 3, column: 16 }],
    },
    {
      // Changing an entry under a mixed-case key throws at run time (undefined[0]): suggestion.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['Cache-Control'][0].value = 'max-age=60';
  return response;
};`,
      errors: [
        {
          messageId: 'mixedCaseRead',
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['cache-control'][0].value = 'max-age=60';
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      // Names as data, reported at the literal: a constant used only as a key is fixed; a
      // delete (today it deletes nothing) and a table that is also read are suggestions.
      code: `// @lambda-edge-event origin-response
const HSTS = 'Strict-Transport-Security';
const REMOVE = ['X-Powered-By', 'server'];
const extra = { 'X-Frame-Options': 'DENY' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[HSTS] = [{ value: 'max-age=63072000' }];
  for (const name of REMOVE) delete response.headers[name];
  for (const name in extra) response.headers[name] = [{ value: extra[name] }];
  return response;
};`,
      output: `// @lambda-edge-event origin-response
const HSTS = 'strict-transport-security';
const REMOVE = ['X-Powered-By', 'server'];
const extra = { 'X-Frame-Options': 'DENY' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[HSTS] = [{ value: 'max-age=63072000' }];
  for (const name of REMOVE) delete response.headers[name];
  for (const name in extra) response.headers[name] = [{ value: extra[name] }];
  return response;
};`,
      errors: [
        byMessage({
          message:
            "Lambda@Edge header maps are keyed by the lowercase header name; set 'strict-transport-security' instead of 'Strict-Transport-Security'.",
          line: 2,
          column: 14,
          endColumn: 41,
        }),
        {
          messageId: 'mixedCaseDelete',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `// @lambda-edge-event origin-response
const HSTS = 'Strict-Transport-Security';
const REMOVE = ['x-powered-by', 'server'];
const extra = { 'X-Frame-Options': 'DENY' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[HSTS] = [{ value: 'max-age=63072000' }];
  for (const name of REMOVE) delete response.headers[name];
  for (const name in extra) response.headers[name] = [{ value: extra[name] }];
  return response;
};`,
            },
            {
              messageId: 'lowercaseAtKey',
              output: `// @lambda-edge-event origin-response
const HSTS = 'Strict-Transport-Security';
const REMOVE = ['X-Powered-By', 'server'];
const extra = { 'X-Frame-Options': 'DENY' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[HSTS] = [{ value: 'max-age=63072000' }];
  for (const name of REMOVE) delete response.headers[name.toLowerCase()];
  for (const name in extra) response.headers[name] = [{ value: extra[name] }];
  return response;
};`,
            },
          ],
        },
        {
          // The table is also read (extra[name]): renaming its key is only offered.
          messageId: 'mixedCaseWrite',
          line: 4,
          column: 17,
          endColumn: 34,
          suggestions: [
            { messageId: 'useLowercase', output: `// @lambda-edge-event origin-response
const HSTS = 'Strict-Transport-Security';
const REMOVE = ['X-Powered-By', 'server'];
const extra = { 'x-frame-options': 'DENY' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[HSTS] = [{ value: 'max-age=63072000' }];
  for (const name of REMOVE) delete response.headers[name];
  for (const name in extra) response.headers[name] = [{ value: extra[name] }];
  return response;
};` },
            { messageId: 'lowercaseAtKey', output: `// @lambda-edge-event origin-response
const HSTS = 'Strict-Transport-Security';
const REMOVE = ['X-Powered-By', 'server'];
const extra = { 'X-Frame-Options': 'DENY' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[HSTS] = [{ value: 'max-age=63072000' }];
  for (const name of REMOVE) delete response.headers[name];
  for (const name in extra) response.headers[name.toLowerCase()] = [{ value: extra[name] }];
  return response;
};` },
          ],
        },
      ],
    },
    {
      // The usual security-headers shape: the table's names are also the entries' \`key\`, so
      // renaming them would change the spelling sent; two suggestions instead of a fix.
      code: `const securityHeaders = { 'X-Frame-Options': 'DENY', Vary: 'Accept' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(securityHeaders)) {
    response.headers[name] = [{ key: name, value }];
  }
  return response;
};`,
      errors: [
        {
          messageId: 'mixedCaseWrite',
          line: 1,
          column: 27,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `const securityHeaders = { 'x-frame-options': 'DENY', Vary: 'Accept' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(securityHeaders)) {
    response.headers[name] = [{ key: name, value }];
  }
  return response;
};`,
            },
            {
              messageId: 'lowercaseAtKey',
              output: `const securityHeaders = { 'X-Frame-Options': 'DENY', Vary: 'Accept' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(securityHeaders)) {
    response.headers[name.toLowerCase()] = [{ key: name, value }];
  }
  return response;
};`,
            },
          ],
        },
        {
          messageId: 'mixedCaseWrite',
          line: 1,
          column: 54,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `const securityHeaders = { 'X-Frame-Options': 'DENY', vary: 'Accept' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(securityHeaders)) {
    response.headers[name] = [{ key: name, value }];
  }
  return response;
};`,
            },
            {
              messageId: 'lowercaseAtKey',
              output: `const securityHeaders = { 'X-Frame-Options': 'DENY', Vary: 'Accept' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(securityHeaders)) {
    response.headers[name.toLowerCase()] = [{ key: name, value }];
  }
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      // forEach over an array of { key, value } entries, and a setHeader helper: each literal
      // argument is reported at its call.
      code: `const additional = [{ key: 'Content-Security-Policy', value: "default-src 'self'" }];
function setHeader(headers, name, value) {
  headers[name] = [{ value }];
}
exports.handler = (event, context, callback) => {
  const { response } = event.Records[0].cf;
  additional.forEach((header) => { response.headers[header.key] = [header]; });
  setHeader(response.headers, 'X-XSS-Protection', '1; mode=block');
  setHeader(response.headers, 'referrer-policy', 'same-origin');
  callback(null, response);
};`,
      output: `const additional = [{ key: 'Content-Security-Policy', value: "default-src 'self'" }];
function setHeader(headers, name, value) {
  headers[name] = [{ value }];
}
exports.handler = (event, context, callback) => {
  const { response } = event.Records[0].cf;
  additional.forEach((header) => { response.headers[header.key] = [header]; });
  setHeader(response.headers, 'x-xss-protection', '1; mode=block');
  setHeader(response.headers, 'referrer-policy', 'same-origin');
  callback(null, response);
};`,
      errors: [
        {
          messageId: 'mixedCaseWrite',
          line: 1,
          column: 28,
          suggestions: [
            {
              messageId: 'useLowercase',
              output: `const additional = [{ key: 'content-security-policy', value: "default-src 'self'" }];
function setHeader(headers, name, value) {
  headers[name] = [{ value }];
}
exports.handler = (event, context, callback) => {
  const { response } = event.Records[0].cf;
  additional.forEach((header) => { response.headers[header.key] = [header]; });
  setHeader(response.headers, 'X-XSS-Protection', '1; mode=block');
  setHeader(response.headers, 'referrer-policy', 'same-origin');
  callback(null, response);
};`,
            },
            {
              messageId: 'lowercaseAtKey',
              output: `const additional = [{ key: 'Content-Security-Policy', value: "default-src 'self'" }];
function setHeader(headers, name, value) {
  headers[name] = [{ value }];
}
exports.handler = (event, context, callback) => {
  const { response } = event.Records[0].cf;
  additional.forEach((header) => { response.headers[header.key.toLowerCase()] = [header]; });
  setHeader(response.headers, 'X-XSS-Protection', '1; mode=block');
  setHeader(response.headers, 'referrer-policy', 'same-origin');
  callback(null, response);
};`,
            },
          ],
        },
        { messageId: 'mixedCaseWrite', line: 8, column: 31 },
      ],
    },
    {
      // Own-property checks name a key like \`in\` does: a mixed-case one is never there.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.headers.hasOwnProperty('Authorization')) return request;
  if (Object.hasOwn(request.headers, 'X-Api-Key') || Object.prototype.hasOwnProperty.call(request.headers, 'Cookie')) return request;
  return { status: '401', statusDescription: 'Unauthorized' };
};`,
      errors: [
        {
          messageId: 'mixedCaseRead',
          line: 3,
          column: 38,
          suggestions: [{ messageId: 'useLowercase', output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.headers.hasOwnProperty('authorization')) return request;
  if (Object.hasOwn(request.headers, 'X-Api-Key') || Object.prototype.hasOwnProperty.call(request.headers, 'Cookie')) return request;
  return { status: '401', statusDescription: 'Unauthorized' };
};` }],
        },
        {
          messageId: 'mixedCaseRead',
          line: 4,
          column: 38,
          suggestions: [{ messageId: 'useLowercase', output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.headers.hasOwnProperty('Authorization')) return request;
  if (Object.hasOwn(request.headers, 'x-api-key') || Object.prototype.hasOwnProperty.call(request.headers, 'Cookie')) return request;
  return { status: '401', statusDescription: 'Unauthorized' };
};` }],
        },
        {
          messageId: 'mixedCaseRead',
          line: 4,
          column: 108,
          suggestions: [{ messageId: 'useLowercase', output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.headers.hasOwnProperty('Authorization')) return request;
  if (Object.hasOwn(request.headers, 'X-Api-Key') || Object.prototype.hasOwnProperty.call(request.headers, 'cookie')) return request;
  return { status: '401', statusDescription: 'Unauthorized' };
};` }],
        },
      ],
    },
  ],
});
