import rule from '../../rules/no-querystring-object.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const originResponse = { 'lambda-edge': { eventType: 'origin-response' } };

ruleTester.run('no-querystring-object', rule, {
  valid: [
    // The event of an API Gateway lambda has queryStringParameters; a request object the file
    // builds itself (a test's or an emulator's) is not CloudFront's.
    `exports.handler = async (event) => {
  const lang = event.queryStringParameters && event.queryStringParameters.lang;
  return { statusCode: 200, body: String(lang) };
};`,
    // A typed event the code builds itself (an emulator's next event).
    {
      code: `import type { CloudFrontRequestEvent } from 'aws-lambda';
const next: CloudFrontRequestEvent = { Records: [{ cf: { config: {} as never, request: { clientIp: '', method: 'GET', uri: '/', querystring: '', headers: {} } } }] };
(next.Records[0].cf.request as any).queryString = 'a=1';
export const handler = async (event: CloudFrontRequestEvent) => event.Records[0].cf.request;`,
      filename: 'emulator.ts',
    },
    `const makeRequest = () => ({ uri: '/', queryString: 'a=1' });
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const local = makeRequest();
  local.queryString = 'b=2';
  return request;
};`,
    // Changing uri/querystring in a response trigger is no-read-only-request-fields' finding,
    // not this rule's: a string written to the query string is fine here.
    {
      code: `exports.handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  request.uri = '/fallback.html';
  request.querystring = '';
  return response;
};`,
      settings: originResponse,
    },
    // Parsing the string first (the documented pattern).
    `const querystring = require('querystring');
    exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      const params = querystring.parse(request.querystring);
      if (params.lang) request.uri = '/' + params.lang + request.uri;
      request.querystring = querystring.stringify(params);
      callback(null, request);
    };`,
    // URLSearchParams, string methods and properties, numeric index.
    `export const handler = async (event) => {
      const { request } = event.Records[0].cf;
      const qs = request.querystring;
      const lang = new URLSearchParams(qs).get('lang');
      if (qs.length > 0 && qs.includes('debug') && !qs.startsWith('x') && qs[0] !== '&') {
        request.querystring = qs.split('&').filter((p) => !p.startsWith('utm_')).join('&').trim().toLowerCase();
      }
      const { length } = request.querystring;
      return request;
    };`,
    // Writing a string in a request trigger, and rebuilding a URL.
    {
      code: `exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        request.querystring = new URLSearchParams({ v: '2' }).toString();
        request.querystring = '';
        const url = request.uri + (request.querystring ? '?' + request.querystring : '');
        return request;
      };`,
      settings: { 'lambda-edge': { eventType: 'viewer-request' } },
    },
    // A variable that starts as the string and is then replaced by the parsed object.
    `const qs = require('qs');
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      let params = request.querystring;
      params = qs.parse(params);
      return params.lang ? request : request;
    };`,
    // Reading querystring and uri in a response trigger is fine.
    {
      code: `exports.handler = async (event) => {
        const { request, response } = event.Records[0].cf;
        if (request.uri.endsWith('.html') && request.querystring.includes('nocache')) {
          response.headers['cache-control'] = [{ value: 'no-store' }];
        }
        return response;
      };`,
      settings: originResponse,
    },
    // Writing uri/querystring in a handler whose event type is unknown.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.uri = '/index.html';
      return request;
    };`,
    // CloudFront Functions: querystring is an object of { value } there.
    `function handler(event) {
      var request = event.request;
      var lang = request.querystring.lang ? request.querystring.lang.value : 'en';
      for (var key in request.querystring) { if (key.indexOf('utm_') === 0) delete request.querystring[key]; }
      request.querystring = { lang: { value: lang } };
      return request;
    }`,
    // Express and API Gateway.
    `app.get('/', (req, res) => { res.send(req.query.lang); });`,
    `exports.handler = async (event) => ({ statusCode: 200, body: event.queryStringParameters.lang });`,
    // Dynamic keys are left alone (could be a numeric index).
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      for (let i = 0; i < request.querystring.length; i++) console.log(request.querystring[i]);
      return request;
    };`,
    // A test double.
    `const event = { Records: [{ cf: { request: { uri: '/', querystring: 'a=b' } } }] };
     it('x', () => { expect(event.Records[0].cf.request.querystring).toBe('a=b'); });`,
  ],
  invalid: [
    {
      // The query string under another source's name: camel-cased, or API Gateway's.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const params = new URLSearchParams(request.querystring);
  params.delete('utm_source');
  request.queryString = params.toString();
  const lang = request.queryStringParameters.lang;
  const { queryString } = request;
  return request;
};`,
      errors: [
        {
          messageId: 'misspeltField',
          data: { name: 'queryString', effect: 'changing it does not change the query string CloudFront sends on' },
          line: 5,
          column: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useQuerystring',
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const params = new URLSearchParams(request.querystring);
  params.delete('utm_source');
  request.querystring = params.toString();
  const lang = request.queryStringParameters.lang;
  const { queryString } = request;
  return request;
};`,
            },
          ],
        },
        { messageId: 'misspeltField', data: { name: 'queryStringParameters', effect: 'reading it gives `undefined`' }, line: 6, column: 16, endColumn: 45, suggestions: [] },
        { messageId: 'misspeltField', data: { name: 'queryString', effect: 'reading it gives `undefined`' }, line: 7, column: 11, endColumn: 22, suggestions: [] },
      ],
    },
    {
      // Member read, computed key, from an alias.
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const lang = request.querystring.lang || request.querystring['locale'];
  callback(null, request);
};`,
      errors: [
        { messageId: 'objectAccess', data: { name: 'lang' }, line: 3, column: 16, endLine: 3, endColumn: 40 },
        { messageId: 'objectAccess', data: { name: 'locale' }, line: 3, column: 44, endLine: 3, endColumn: 73 },
      ],
    },
    {
      // Destructuring, directly and nested.
      code: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  const { lang, page = '1' } = request.querystring;
  const { querystring: { token } } = request;
  return request;
};`,
      errors: [
        { messageId: 'objectAccess', data: { name: 'lang' }, line: 3, column: 11 },
        { messageId: 'objectAccess', data: { name: 'page' }, line: 3, column: 17 },
        { messageId: 'objectAccess', data: { name: 'token' }, line: 4, column: 26 },
      ],
    },
    {
      // Object.keys / Object.entries / for...in / in / writing a parameter.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const qs = request.querystring;
  const names = Object.keys(qs);
  for (const [k, v] of Object.entries(request.querystring)) console.log(k, v);
  for (const key in qs) console.log(key);
  if ('debug' in qs) qs.debug = '1';
  return request;
};`,
      errors: [
        { messageId: 'objectUse', line: 4, column: 29 },
        { messageId: 'objectUse', line: 5, column: 39 },
        { messageId: 'objectUse', line: 6, column: 21 },
        { messageId: 'objectUse', line: 7, column: 18 },
        { messageId: 'objectWrite', data: { name: 'debug' }, line: 7, column: 22 },
      ],
    },
    {
      // Assigning objects, with suggestions.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.querystring = { lang: 'en' };
  request.querystring = new URLSearchParams(request.querystring);
  request.querystring = require('querystring').parse('a=b');
  return request;
};`,
      errors: [
        {
          messageId: 'objectAssigned',
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'stringify',
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.querystring = new URLSearchParams({ lang: 'en' }).toString();
  request.querystring = new URLSearchParams(request.querystring);
  request.querystring = require('querystring').parse('a=b');
  return request;
};`,
            },
          ],
        },
        {
          messageId: 'objectAssigned',
          line: 4,
          column: 25,
          suggestions: [
            {
              messageId: 'stringify',
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.querystring = { lang: 'en' };
  request.querystring = new URLSearchParams(request.querystring).toString();
  request.querystring = require('querystring').parse('a=b');
  return request;
};`,
            },
          ],
        },
      ],
    },
    {
      // An object through a const, and a querystring.parse result.
      code: `const querystring = require('querystring');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const params = { ...querystring.parse(request.querystring), v: '2' };
  request.querystring = params;
  request.querystring = querystring.parse(request.querystring);
  return request;
};`,
      errors: [
        {
          messageId: 'objectAssigned',
          line: 5,
          column: 25,
          suggestions: [
            {
              messageId: 'stringify',
              output: `const querystring = require('querystring');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const params = { ...querystring.parse(request.querystring), v: '2' };
  request.querystring = new URLSearchParams(params).toString();
  request.querystring = querystring.parse(request.querystring);
  return request;
};`,
            },
          ],
        },
        { messageId: 'objectAssigned', line: 6, column: 25, suggestions: [] },
      ],
    },
    {
      // Record shapes: const { cf } = event.Records[0], const [record] = event.Records, defaults.
      code: `exports.viewer = async (event) => {
  const { cf } = event.Records[0];
  const { querystring: qs = '' } = cf.request;
  return qs.preview ? cf.request : cf.request;
};
exports.origin = async (event) => {
  const [record] = event.Records;
  const request = record.cf.request;
  return request.querystring.v ? request : request;
};`,
      errors: [
        { messageId: 'objectAccess', data: { name: 'preview' }, line: 4, column: 10 },
        { messageId: 'objectAccess', data: { name: 'v' }, line: 9, column: 10 },
      ],
    },
    {
      // Object use in a local helper that receives the query string.
      code: `function locale(qs) {
  return qs.lang ?? 'en';
}
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '/' + locale(request.querystring) + request.uri;
  return request;
};`,
      errors: [{ messageId: 'objectAccess', line: 2, column: 10 }],
    },
    {
      // TypeScript: a typed request (the type says string; `as any` hides it).
      code: `import type { CloudFrontRequestHandler } from 'aws-lambda';
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  const q = request.querystring as any;
  if (q.preview) request.uri = '/preview' + request.uri;
  return request;
};`,
      errors: [{ messageId: 'objectAccess', data: { name: 'preview' }, line: 5, column: 7 }],
    },
  ],
});
