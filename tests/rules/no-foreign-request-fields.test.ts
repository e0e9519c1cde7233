import rule from '../../rules/no-foreign-request-fields.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const URI = '`request.uri` (the path; the query string is `request.querystring`)';

ruleTester.run('no-foreign-request-fields', rule, {
  valid: [
    // The Lambda@Edge request's own fields.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const { uri, querystring, method, clientIp, headers } = request;
  console.log(uri, querystring, method, clientIp, headers.cookie, request.origin);
  return request;
};`,
    // Express and API Gateway code: their requests and events have these fields.
    `app.get('/', (req, res) => res.send(req.url + req.path + JSON.stringify(req.query) + req.ip));`,
    `exports.handler = async (event) => ({ statusCode: 200, body: event.httpMethod + event.path + event.rawPath });`,
    // A CloudFront Function: cookies and querystring objects are its shape.
    `function handler(event) {
  var request = event.request;
  if (request.cookies.session) return request;
  return { statusCode: 302, headers: { location: { value: '/login' } } };
}`,
    // The origin's path is the origin config's, not the request's.
    `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.origin.custom.path = '/v2';
  return request;
};`,
    // A property the file stores on the request and reads back itself.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.path = request.uri.replace(/\\/+$/, '');
  if (request.path.endsWith('.html')) request.uri = request.path;
  return request;
};`,
    // Stored with Object.assign, or cached behind a presence test, before it is read.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  Object.assign(request, { path: request.uri.replace(/\\/+$/, '') || '/' });
  if (request.path === '/old') request.uri = '/new';
  return request;
};`,
    `const querystring = require('querystring');
function getQuery(request) {
  if (!request.query) request.query = querystring.parse(request.querystring);
  return request.query;
}
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (getQuery(request).lang === 'fr') request.uri = '/fr' + request.uri;
  return request;
};`,
    // A request the code builds itself (an emulator preparing the next event).
    `exports.handler = async (event) => {
  const next = { Records: [{ cf: { request: { url: '/x', uri: '/x' } } }] };
  console.log(next.Records[0].cf.request.url);
  return event.Records[0].cf.request;
};`,
  ],
  invalid: [
    {
      // A presence test alone is still a read of a field that is never there.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!request.query) return request;
  return { status: '400' };
};`,
      errors: [{ messageId: 'foreignRead', data: { name: 'query', from: "Express's parsed \`query\`", instead: '\`new URLSearchParams(request.querystring)\`' }, line: 3, column: 8, endColumn: 21, suggestions: [] }],
    },
    {
      // Express habits on the Lambda@Edge request: reads are undefined, writes are lost.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.url.endsWith('/')) request.url += 'index.html';
  const lang = request.query.lang;
  return request;
};`,
      errors: [
        {
          messageId: 'foreignRead',
          data: { name: 'url', from: "Express's and the Fetch API's `url`", instead: URI },
          line: 3,
          column: 7,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useField',
              data: { name: 'uri' },
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.endsWith('/')) request.url += 'index.html';
  const lang = request.query.lang;
  return request;
};`,
            },
          ],
        },
        {
          messageId: 'foreignWrite',
          data: { name: 'url', from: "Express's and the Fetch API's `url`", instead: URI },
          line: 3,
          column: 34,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useField',
              data: { name: 'uri' },
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.url.endsWith('/')) request.uri += 'index.html';
  const lang = request.query.lang;
  return request;
};`,
            },
          ],
        },
        {
          messageId: 'foreignRead',
          data: { name: 'query', from: "Express's parsed `query`", instead: '`new URLSearchParams(request.querystring)`' },
          line: 4,
          column: 16,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // API Gateway and CloudFront Functions names, destructured and in TypeScript.
      code: `import type { CloudFrontRequestEvent } from 'aws-lambda';
export const handler = async (event: CloudFrontRequestEvent) => {
  const request = event.Records[0].cf.request;
  const { httpMethod, rawPath } = request as any;
  const session = (request as any).cookies?.session;
  console.log(httpMethod, rawPath, session);
  return request;
};`,
      filename: 'edge.ts',
      errors: [
        { messageId: 'foreignRead', data: { name: 'httpMethod', from: "API Gateway REST API's `httpMethod`", instead: '`request.method`' }, line: 4, column: 11, endColumn: 21, suggestions: [] },
        { messageId: 'foreignRead', data: { name: 'rawPath', from: "API Gateway HTTP API's `rawPath`", instead: '`request.uri`' }, line: 4, column: 23, endColumn: 30, suggestions: [] },
        {
          messageId: 'foreignRead',
          data: { name: 'cookies', from: "the CloudFront Functions request's `cookies`", instead: 'the `cookie` header, `request.headers.cookie` (an array of `{ key, value }` entries)' },
          line: 5,
          column: 19,
          endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      // Express's host and protocol, Node's HTTP version.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const origin = request.protocol + '://' + request.hostname;
  if (request.httpVersion === '1.0') return { status: '505' };
  request.headers['x-origin'] = [{ value: origin }];
  return request;
};`,
      errors: [
        { messageId: 'foreignRead', data: { name: 'protocol', from: "Express's `protocol`", instead: 'the `cloudfront-forwarded-proto` header (when the cache policy or origin request policy adds it)' }, line: 3, column: 18, endColumn: 34, suggestions: [] },
        { messageId: 'foreignRead', data: { name: 'hostname', from: "Express's `hostname`", instead: 'the `host` header, `request.headers.host[0].value`' }, line: 3, column: 45, endColumn: 61, suggestions: [] },
        { messageId: 'foreignRead', data: { name: 'httpVersion', from: "Node.js's `IncomingMessage.httpVersion`", instead: "another signal: the request does not carry the viewer's HTTP version" }, line: 4, column: 7, endColumn: 26, suggestions: [] },
      ],
    },
  ],
});
