import rule from '../../rules/valid-uri-and-querystring.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const originRequest = { 'lambda-edge': { eventType: 'origin-request' } };
const originResponse = { 'lambda-edge': { eventType: 'origin-response' } };

ruleTester.run('valid-uri-and-querystring', rule, {
  valid: [
    // Directory-index rewrites: every form begins with the received URI or with `/`.
    `// @lambda-edge-event viewer-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (request.uri.endsWith('/')) request.uri += 'index.html';
      else if (!request.uri.includes('.')) request.uri = request.uri + '/index.html';
      request.uri = request.uri.replace(/\\/$/, '/index.html');
      request.uri = \`\${request.uri}index.html\`;
      request.uri = '/' + request.uri.split('/').filter(Boolean).join('/');
      return request;
    };`,
    // A prefix held in a constant that begins with `/`; a language folder from a header.
    {
      code: `const PREFIX = '/v2';
      export const handler = async (event) => {
        const request = event.Records[0].cf.request;
        const lang = request.headers['accept-language'] ? 'en' : 'de';
        request.uri = PREFIX + request.uri;
        request.uri = \`/\${lang}\${request.uri}\`;
        return request;
      };`,
      settings: originRequest,
    },
    // Query strings built by URLSearchParams or the querystring module, and joined with `&`.
    `// @lambda-edge-event viewer-request
    const querystring = require('querystring');
    exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      const params = querystring.parse(request.querystring);
      delete params.utm_source;
      request.querystring = querystring.stringify(params);
      request.querystring = new URLSearchParams({ a: 'b c' }).toString();
      request.querystring = request.querystring ? request.querystring + '&v=2' : 'v=2';
      request.querystring = '';
      callback(null, request);
    };`,
    // A redirect URL with a `?` belongs in a header, not in the query string.
    `// @lambda-edge-event viewer-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const location = 'https://example.com' + request.uri + '?' + request.querystring;
      return { status: '301', headers: { location: [{ key: 'Location', value: location }] } };
    };`,
    // Response triggers: the write itself is no-read-only-request-fields' report.
    {
      code: `exports.handler = async (event) => {
        const { request, response } = event.Records[0].cf;
        request.uri = 'index.html';
        request.querystring = '?a=1';
        return response;
      };`,
      settings: originResponse,
    },
    // CloudFront Functions: another object model, never reported.
    `function handler(event) {
      var request = event.request;
      request.uri = 'index.html';
      request.querystring = { lang: { value: 'en' } };
      return request;
    }`,
    // Express and Koa requests.
    `app.use((req, res, next) => {
      req.url = 'index.html';
      req.uri = 'index.html';
      req.querystring = '?a=1';
      next();
    });`,
    `app.use(async (ctx, next) => {
      ctx.request.querystring = '?page=2';
      ctx.querystring = 'a b';
      await next();
    });`,
    // A test builds its own event.
    {
      code: `const event = { Records: [{ cf: { request: { uri: '/', querystring: '' } } }] };
      event.Records[0].cf.request.uri = 'no-slash';
      event.Records[0].cf.request.querystring = '?a=1';
      it('works', async () => { expect(await handler(event)).toBeDefined(); });`,
      filename: 'tests/handler.test.js',
    },
  ],
  invalid: [
    // A relative URI: fixed by a suggestion that adds the slash.
    {
      code: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = 'index.html';
  return request;
};`,
      errors: [
        {
          messageId: 'uriWithoutSlash',
          data: { value: "'index.html'" },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addSlash',
              data: { value: "'/index.html'" },
              output: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '/index.html';
  return request;
};`,
            },
          ],
        },
      ],
    },
    // A folder prefix in a template and in a concatenation; a double-quoted literal keeps its quotes.
    {
      code: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') request.uri = \`public\${request.uri}\`;
  else request.uri = "static" + request.uri;
  return request;
};`,
      settings: originRequest,
      errors: [
        {
          messageId: 'uriWithoutSlash',
          data: { value: "'public'" },
          line: 3,
          column: 42,
          endLine: 3,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'addSlash',
              output: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') request.uri = \`/public\${request.uri}\`;
  else request.uri = "static" + request.uri;
  return request;
};`,
            },
          ],
        },
        {
          messageId: 'uriWithoutSlash',
          data: { value: "'static'" },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addSlash',
              output: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') request.uri = \`public\${request.uri}\`;
  else request.uri = "/static" + request.uri;
  return request;
};`,
            },
          ],
        },
      ],
    },
    // A value held in a constant: reported where it is assigned, no suggestion (the constant may have other uses).
    {
      code: `// @lambda-edge-event origin-request
const FALLBACK = 'errors/404.html';
exports.handler = (event, context, callback) => {
  const { request } = event.Records[0].cf;
  if (!request.uri.includes('.')) request.uri = FALLBACK;
  callback(null, request);
};`,
      errors: [{ messageId: 'uriWithoutSlash',
          data: { value: "'errors/404.html'" }, line: 5, column: 49, endLine: 5, endColumn: 57, suggestions: [] }],
    },
    // An empty URI, and each branch of a conditional.
    {
      code: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '';
  request.uri = request.uri.endsWith('/') ? 'index.html' : '/404.html';
  return request;
};`,
      errors: [
        { messageId: 'uriWithoutSlash', data: { value: "''" }, line: 4, column: 17, endLine: 4, endColumn: 19, suggestions: [] },
        {
          messageId: 'uriWithoutSlash',
          data: { value: "'index.html'" },
          line: 5,
          column: 45,
          endLine: 5,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'addSlash',
              output: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '';
  request.uri = request.uri.endsWith('/') ? '/index.html' : '/404.html';
  return request;
};`,
            },
          ],
        },
      ],
    },
    // A whole URL where the path belongs.
    {
      code: `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = 'https://assets.example.com' + request.uri;
  return request;
};`,
      errors: [
        {
          messageId: 'uriIsUrl',
          data: { value: "'https://assets.example.com'" },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 45,
        },
      ],
    },
    // A leading `?`, in a concatenation and in a template.
    {
      code: `// @lambda-edge-event viewer-request
const qs = require('querystring');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const params = qs.parse(request.querystring);
  request.querystring = '?' + qs.stringify(params);
  request.querystring = \`?lang=\${params.lang}\`;
  return request;
};`,
      errors: [
        {
          messageId: 'querystringQuestionMark',
          data: { value: "'?'" },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'removeQuestionMark',
              output: `// @lambda-edge-event viewer-request
const qs = require('querystring');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const params = qs.parse(request.querystring);
  request.querystring = '' + qs.stringify(params);
  request.querystring = \`?lang=\${params.lang}\`;
  return request;
};`,
            },
          ],
        },
        {
          messageId: 'querystringQuestionMark',
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'removeQuestionMark',
              output: `// @lambda-edge-event viewer-request
const qs = require('querystring');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const params = qs.parse(request.querystring);
  request.querystring = '?' + qs.stringify(params);
  request.querystring = \`lang=\${params.lang}\`;
  return request;
};`,
            },
          ],
        },
      ],
    },
    // A space and a fragment in the query string; a tab in a template part after the start.
    {
      code: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.querystring = 'q=hello world';
  request.querystring = 'page=2#top';
  request.querystring = \`a=1&b=\${request.uri}\\tx\`;
  return request;
};`,
      settings: originRequest,
      errors: [
        {
          messageId: 'querystringCharacter',
          data: { value: "'q=hello world'", what: 'a space', encoded: '%20' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 40,
        },
        { messageId: 'querystringCharacter', data: { value: "'page=2#top'", what: 'a `#` (the fragment identifier)', encoded: '%23' }, line: 4, column: 25 },
        { messageId: 'querystringCharacter', data: { value: "'\\u0009x'", what: 'the control or space character U+0009', encoded: '%09' }, line: 5, column: 25, endLine: 5, endColumn: 50 },
      ],
    },
    // A typed TypeScript handler, and a local helper that receives the request.
    {
      code: `import type { CloudFrontRequestHandler, CloudFrontRequest } from 'aws-lambda';
function toFolder(req: CloudFrontRequest, folder: string): void {
  req.uri = \`\${folder}\${req.uri}\`;
  req.querystring = '?from=' + folder;
}
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  toFolder(request, '/en');
  return request;
};`,
      filename: 'edge/handler.ts',
      errors: [
        {
          messageId: 'querystringQuestionMark',
          data: { value: "'?from='" },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'removeQuestionMark',
              output: `import type { CloudFrontRequestHandler, CloudFrontRequest } from 'aws-lambda';
function toFolder(req: CloudFrontRequest, folder: string): void {
  req.uri = \`\${folder}\${req.uri}\`;
  req.querystring = 'from=' + folder;
}
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  toFolder(request, '/en');
  return request;
};`,
            },
          ],
        },
      ],
    },
    // A template literal without expressions gets the suggestion too.
    {
      code: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = \`index.html\`;
  return request;
};`,
      errors: [
        {
          messageId: 'uriWithoutSlash',
          data: { value: "'index.html'" },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addSlash',
              data: { value: "'/index.html'" },
              output: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = \`/index.html\`;
  return request;
};`,
            },
          ],
        },
      ],
    },
    // Unknown event type: the form is wrong wherever the function may change it.
    {
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = 'index.html';
  return request;
};`,
      errors: [
        {
          messageId: 'uriWithoutSlash',
          data: { value: "'index.html'" },
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addSlash',
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '/index.html';
  return request;
};`,
            },
          ],
        },
      ],
    },
  ],
});
