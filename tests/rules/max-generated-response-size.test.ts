import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../rules/max-generated-response-size.js';
import { byMessage, FIXTURES, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const viewerRequest = { 'lambda-edge': { eventType: 'viewer-request' } };
const originRequest = { 'lambda-edge': { eventType: 'origin-request' } };

// Committed: a 49,745-byte page (over 40 KB, under the 256 KB read limit).
const sizeDir = path.join(FIXTURES, 'size');
// Written here: a 1,200,000-byte file, only ever stat'ed. tests/fixtures/tmp/ is gitignored.
const tmpDir = path.join(FIXTURES, 'tmp', 'max-generated-response-size');
mkdirSync(tmpDir, { recursive: true });
writeFileSync(path.join(tmpDir, 'big.bin'), Buffer.alloc(1_200_000, 7));
afterAll(() => rmSync(tmpDir, { recursive: true, force: true }));

const viewerAdvice = 'Serve large content from the origin or an origin-request trigger.';
const originAdvice = 'Serve large content from the origin (for example S3) instead of generating it in the function.';

ruleTester.run('max-generated-response-size', rule, {
  valid: [
    // Small responses.
    {
      code: `exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        return { status: '200', headers: { 'content-type': [{ value: 'text/plain' }] }, body: 'ok'.repeat(100) };
      };`,
      settings: viewerRequest,
    },
    // Just at the limit: 40,960 bytes of body.
    {
      code: `exports.handler = async (event) => event.Records[0].cf.request.uri === '/' ? { status: '200', body: 'a'.repeat(40960) } : event.Records[0].cf.request;`,
      settings: viewerRequest,
    },
    // 49,745 bytes is fine in origin-request (1 MB) and when the event is unknown (the most permissive limit).
    {
      code: `const fs = require('fs');
      const path = require('path');
      exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        return { status: '200', body: fs.readFileSync(path.join(__dirname, 'large-page.html'), 'utf8') };
      };`,
      filename: path.join(sizeDir, 'handler.js'),
      settings: originRequest,
    },
    {
      code: `const fs = require('fs');
      const path = require('path');
      exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        return { status: '200', body: fs.readFileSync(path.join(__dirname, 'large-page.html'), 'utf8') };
      };`,
      filename: path.join(sizeDir, 'handler.js'),
    },
    // Mixed viewer and origin events: only the 1 MB limit applies.
    {
      code: `// @lambda-edge-event viewer-request, origin-request
      exports.handler = async (event) => event.Records[0].cf.request.uri === '/' ? { status: '200', body: 'x'.repeat(50000) } : event.Records[0].cf.request;`,
    },
    // Size not statically known.
    {
      code: `exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        const html = await render(request.uri);
        return { status: '200', body: html };
      };`,
      settings: viewerRequest,
    },
    // API Gateway and CloudFront Functions responses are not Lambda@Edge responses.
    `exports.handler = async (event) => ({ statusCode: 200, body: 'x'.repeat(2000000) });`,
    `function handler(event) { return { statusCode: 200, body: { data: 'x'.repeat(50000), encoding: 'text' } }; }`,
    // A big string in a logging object or in fetch options.
    {
      code: `exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        await fetch('https://logs.example.com', { method: 'POST', body: 'x'.repeat(100000) });
        return request;
      };`,
      settings: viewerRequest,
    },
    // Options raise the limit.
    {
      code: `exports.handler = async (event) => event.Records[0].cf.request.uri === '/' ? { status: '200', body: 'x'.repeat(50000) } : event.Records[0].cf.request;`,
      settings: viewerRequest,
      options: [{ viewerLimit: 64 * 1024 }],
    },
  ],
  invalid: [
    {
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return {
    status: '200',
    headers: { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }] },
    body: 'x'.repeat(50000),
  };
};`,
      settings: viewerRequest,
      errors: [
        byMessage({
          message: `This viewer-request response is 50,022 bytes (body and headers); CloudFront rejects generated responses over 40,960 bytes in viewer events with a 502. ${viewerAdvice}`,
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 28,
        }),
      ],
    },
    {
      // A committed fixture read with readFileSync(path.join(__dirname, ...)); header key derived from the map name.
      code: `import { readFileSync } from 'node:fs';
import path from 'node:path';
const PAGE = readFileSync(path.join(__dirname, 'large-page.html'), 'utf8');
// @lambda-edge-event viewer-request
export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  if (request.uri === '/catalogue') {
    return { status: '200', headers: { 'content-type': [{ value: 'text/html; charset=utf-8' }] }, body: PAGE };
  }
  return request;
};`,
      filename: path.join(sizeDir, 'handler.js'),
      errors: [
        byMessage({
          message: /^This viewer-request response is 49,781 bytes \(body and headers; the body is read from \S*tests\/fixtures\/size\/large-page\.html\); CloudFront rejects generated responses over 40,960 bytes in viewer events with a 502\. Serve large content from the origin or an origin-request trigger\.$/,
          line: 8,
          column: 99,
        }),
      ],
    },
    {
      // A 1.2 MB file, sized by stat, sent as base64 (its decoded size is counted), callback style.
      code: `const fs = require('fs');
const path = require('path');
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const data = fs.readFileSync(path.join(__dirname, 'big.bin')).toString('base64');
  callback(null, { status: '200', body: data, bodyEncoding: 'base64' });
};`,
      filename: path.join(tmpDir, 'handler.js'),
      settings: originRequest,
      errors: [
        byMessage({
          message: /^This origin-request response is 1,200,000 bytes \(body and headers; the body is read from \S*tests\/fixtures\/tmp\/max-generated-response-size\/big\.bin\); CloudFront rejects generated responses over 1,048,576 bytes in origin events with a 502\. Serve large content from the origin \(for example S3\) instead of generating it in the function\.$/,
          line: 6,
          column: 35,
        }),
      ],
    },
    {
      // Only part of the body is known: a lower bound, "at least".
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const rows = '<tr><td>item</td></tr>'.repeat(2000);
  return { status: '200', body: \`<h1>\${request.uri}</h1><table>\${rows}</table>\` };
};`,
      settings: viewerRequest,
      errors: [
        byMessage({
          message: `This viewer-request response is at least 44,024 bytes (body and headers); CloudFront rejects generated responses over 40,960 bytes in viewer events with a 502. ${viewerAdvice}`,
          line: 4,
          column: 27,
        }),
      ],
    },
    {
      // Unknown event type: only the 1 MB limit; a body assigned on a generated response later.
      code: `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const res = { status: '200', statusDescription: 'OK' };
  res.body = 'x'.repeat(1100000);
  return res;
};`,
      errors: [
        byMessage({
          message: `This response is 1,100,000 bytes (body and headers); CloudFront rejects generated responses over 1,048,576 bytes in origin events (the most permissive limit, as the event type is not known to be a viewer one) with a 502. ${originAdvice}`,
          line: 4,
          column: 3,
        }),
      ],
    },
    {
      // JSON.stringify of a static object, with a lowered originLimit option; TypeScript types.
      code: `import type { CloudFrontRequestHandler } from 'aws-lambda';
const catalogue = { items: 'a'.repeat(41000) };
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  return request.uri === '/api' ? { status: '200', body: JSON.stringify(catalogue) } : request;
};`,
      settings: originRequest,
      options: [{ originLimit: 40000 }],
      errors: [{ messageId: 'tooLarge', line: 5, column: 52 }],
    },
    {
      // No body: a huge header alone; reported on the object.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return { status: '302', headers: { location: [{ value: '/?' + 'a'.repeat(41000) }] } };
};`,
      settings: viewerRequest,
      errors: [
        byMessage({
          message: `This viewer-request response is 41,010 bytes (body and headers); CloudFront rejects generated responses over 40,960 bytes in viewer events with a 502. ${viewerAdvice}`,
          line: 3,
          column: 10,
        }),
      ],
    },
    {
      // An invalid bodyEncoding ('utf8', valid-body-encoding's report) still means a text body here.
      code: `exports.handler = async (event) => event.Records[0].cf.request.uri === '/' ? { status: '503', bodyEncoding: 'utf8', body: 'x'.repeat(41000) } : event.Records[0].cf.request;`,
      settings: viewerRequest,
      errors: [{ messageId: 'tooLarge', data: { subject: 'viewer-request ', atLeast: '', size: '41,000', file: '', limit: '40,960', scope: 'in viewer events', advice: viewerAdvice }, line: 1, column: 117 }],
    },
    {
      // origin-response replacing the body of the received response.
      code: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  if (response.status === '404') {
    response.status = '200';
    response.body = '<p>Not here</p>'.repeat(80000);
  }
  return response;
};`,
      errors: [
        byMessage({
          message: `This origin-response response is at least 1,200,000 bytes (body and headers); CloudFront rejects generated responses over 1,048,576 bytes in origin events with a 502. ${originAdvice}`,
          line: 6,
          column: 5,
        }),
      ],
    },
    {
      // `__dirname` declared as a global (languageOptions.globals, as with globals.node): the file is still sized.
      code: `const fs = require('fs');
const path = require('path');
// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  return { status: '200', body: fs.readFileSync(path.join(__dirname, 'large-page.html'), 'utf8') };
};`,
      filename: path.join(sizeDir, 'handler.js'),
      languageOptions: { globals: { __dirname: 'readonly', require: 'readonly' } },
      errors: [{ messageId: 'tooLarge', line: 5, column: 27 }],
    },
  ],
});

ruleTester.run('max-generated-response-size: API Gateway shape in a Lambda@Edge handler', rule, {
  valid: [
    // valid-status reports the statusCode object; its size is not measured as a Lambda@Edge response.
    {
      code: `exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        return { statusCode: 200, body: 'x'.repeat(50000) };
      };`,
      settings: { 'lambda-edge': { eventType: 'viewer-request' } },
    },
  ],
  invalid: [],
});
