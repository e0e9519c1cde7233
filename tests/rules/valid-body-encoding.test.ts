import rule from '../../rules/valid-body-encoding.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('valid-body-encoding', rule, {
  valid: [
    // The two values, through a const, with a valid base64 literal (padding, wrapped lines).
    `const ENC = 'base64';
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (request.uri === '/t') return { status: '200', body: 'hello', bodyEncoding: 'text' };
      if (request.uri === '/p') return { status: '200', body: 'aGVsbG8=', bodyEncoding: ENC };
      if (request.uri === '/w') return { status: '200', body: 'aGVs\\nbG8h', bodyEncoding: 'base64' };
      if (request.uri === '/e') return { status: '200', body: '', bodyEncoding: 'base64' };
      return request;
    };`,
    // A base64 body with bodyEncoding base64: Buffer, readFileSync, btoa, a const.
    `const fs = require('fs');
    const path = require('path');
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const icon = fs.readFileSync(path.join(__dirname, 'favicon.ico')).toString('base64');
      if (request.uri === '/favicon.ico') return { status: '200', body: icon, bodyEncoding: 'base64' };
      if (request.uri === '/b') return { status: '200', body: btoa('hi'), bodyEncoding: 'base64' };
      return request;
    };`,
    // A conditional encoding that follows a conditional body.
    `export const handler = async (event) => {
      const { request } = event.Records[0].cf;
      const res = await fetch('https://origin.example.com' + request.uri);
      const binary = !res.headers.get('content-type').startsWith('text/');
      const buf = Buffer.from(await res.arrayBuffer());
      return {
        status: String(res.status),
        body: binary ? buf.toString('base64') : buf.toString('utf8'),
        bodyEncoding: binary ? 'base64' : 'text',
      };
    };`,
    // bodyEncoding set on the response later.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const res = { status: '200', body: Buffer.from('x').toString('base64') };
      res.bodyEncoding = 'base64';
      return res;
    };`,
    // Encoding not statically known.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      return { status: '200', body: Buffer.from('x').toString('base64'), bodyEncoding: request.headers['x-enc'] ? 'base64' : getEncoding() };
    };`,
    // CloudFront Functions: body { data, encoding }.
    `function handler(event) {
      return { statusCode: 200, body: { data: 'aGk=', encoding: 'base64' } };
    }`,
    `function handler(event) {
      return { statusCode: 200, body: { data: 'hi', encoding: 'Base64' }, bodyEncoding: 'utf8' };
    }`,
    // API Gateway: isBase64Encoded, not bodyEncoding.
    `exports.handler = async (event) => ({ statusCode: 200, body: Buffer.from('x').toString('base64'), isBase64Encoded: true });`,
    // Express / Koa / logging.
    `app.get('/img', (req, res) => { res.body = Buffer.from(png).toString('base64'); res.bodyEncoding = 'binary'; });`,
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      console.log({ body: Buffer.from(request.uri).toString('base64'), bodyEncoding: 'gzip' });
      return request;
    };`,
    // The received request body (Include Body) uses encoding, and is not a response.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.body.action = 'replace';
      request.body.encoding = 'base64';
      request.body.data = Buffer.from('x').toString('base64');
      return request;
    };`,
    // A test double.
    `const event = { Records: [{ cf: { response: { status: '200', body: 'hi', bodyEncoding: 'Base64' } } }] };
     it('works', () => handler(event));`,
  ],
  invalid: [
    {
      // Case slips: autofixed.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return { status: '200', body: 'aGk=', bodyEncoding: 'Base64' };
  return { status: '200', body: 'hi', bodyEncoding: "TEXT" };
};`,
      output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return { status: '200', body: 'aGk=', bodyEncoding: 'base64' };
  return { status: '200', body: 'hi', bodyEncoding: 'text' };
};`,
      errors: [
        { messageId: 'encodingCase', data: { value: "'Base64'", fixed: 'base64' }, line: 3, column: 81, endColumn: 89 },
        { messageId: 'encodingCase', data: { value: "'TEXT'", fixed: 'text' }, line: 4, column: 53 },
      ],
    },
    {
      // utf8 / utf-8: suggest 'text'. Other values and a number: reported.
      code: `'use strict';
const ENCODING = 'utf-8';
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return callback(null, { status: '200', body: 'é', bodyEncoding: 'utf8' });
  if (request.uri === '/b') return callback(null, { status: '200', body: 'é', bodyEncoding: ENCODING });
  if (request.uri === '/c') return callback(null, { status: '200', body: 'x', bodyEncoding: 'binary' });
  if (request.uri === '/d') return callback(null, { status: '200', body: 'x', bodyEncoding: 'gzip' });
  callback(null, { status: '200', body: 'x', bodyEncoding: 64 });
};`,
      errors: [
        {
          messageId: 'utf8Encoding',
          line: 5,
          column: 93,
          suggestions: [
            {
              messageId: 'useText',
              output: `'use strict';
const ENCODING = 'utf-8';
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return callback(null, { status: '200', body: 'é', bodyEncoding: 'text' });
  if (request.uri === '/b') return callback(null, { status: '200', body: 'é', bodyEncoding: ENCODING });
  if (request.uri === '/c') return callback(null, { status: '200', body: 'x', bodyEncoding: 'binary' });
  if (request.uri === '/d') return callback(null, { status: '200', body: 'x', bodyEncoding: 'gzip' });
  callback(null, { status: '200', body: 'x', bodyEncoding: 64 });
};`,
            },
          ],
        },
        {
          messageId: 'utf8Encoding',
          data: { value: "'utf-8'" },
          line: 6,
          column: 93,
          suggestions: [
            {
              messageId: 'useText',
              output: `'use strict';
const ENCODING = 'utf-8';
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') return callback(null, { status: '200', body: 'é', bodyEncoding: 'utf8' });
  if (request.uri === '/b') return callback(null, { status: '200', body: 'é', bodyEncoding: 'text' });
  if (request.uri === '/c') return callback(null, { status: '200', body: 'x', bodyEncoding: 'binary' });
  if (request.uri === '/d') return callback(null, { status: '200', body: 'x', bodyEncoding: 'gzip' });
  callback(null, { status: '200', body: 'x', bodyEncoding: 64 });
};`,
            },
          ],
        },
        { messageId: 'invalidEncoding', data: { value: "'binary'" }, line: 7, column: 93 },
        { messageId: 'invalidEncoding', data: { value: "'gzip'" }, line: 8, column: 93 },
        { messageId: 'invalidEncoding', data: { value: '64' }, line: 9, column: 60 },
      ],
    },
    {
      // bodyEncoding 'base64' with a body that is not base64.
      code: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  switch (request.uri) {
    case '/a': return { status: '200', body: '<h1>hello</h1>', bodyEncoding: 'base64' };
    case '/b': return { status: '200', body: 'aGk', bodyEncoding: 'base64' };
    case '/c': return { status: '200', body: 'a-_b', bodyEncoding: 'base64' };
    case '/d': return { status: '200', body: 'aG=k', bodyEncoding: 'base64' };
    default: return request;
  }
};`,
      errors: [
        { messageId: 'invalidBase64', data: { reason: "it contains '<', which is not a base64 character" }, line: 4, column: 46 },
        {
          messageId: 'invalidBase64',
          data: { reason: "its length without whitespace (3) is not a multiple of 4 (padding '=' missing or characters lost)" },
          line: 5,
          column: 46,
        },
        {
          messageId: 'invalidBase64',
          data: { reason: "it contains '-' from the URL-safe alphabet ('base64url'), which standard base64 does not use" },
          line: 6,
          column: 46,
        },
        { messageId: 'invalidBase64', data: { reason: "'=' padding appears before the end" }, line: 7, column: 46 },
      ],
    },
    {
      // The honojs/hono#1949 shape: a base64 body without bodyEncoding, in a multi-line literal.
      code: `const fs = require('fs');
const path = require('path');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/logo.png') {
    const data = fs.readFileSync(path.join(__dirname, 'logo.png'));
    return {
      status: '200',
      headers: { 'content-type': [{ value: 'image/png' }] },
      body: data.toString('base64'),
    };
  }
  return request;
};`,
      errors: [
        {
          messageId: 'base64WithoutEncoding',
          data: { state: 'the response has no `bodyEncoding` (the default is text)' },
          line: 10,
          column: 13,
          suggestions: [
            {
              messageId: 'addBase64Encoding',
              output: `const fs = require('fs');
const path = require('path');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/logo.png') {
    const data = fs.readFileSync(path.join(__dirname, 'logo.png'));
    return {
      status: '200',
      headers: { 'content-type': [{ value: 'image/png' }] },
      body: data.toString('base64'),
      bodyEncoding: 'base64',
    };
  }
  return request;
};`,
            },
          ],
        },
      ],
    },
    {
      // Through a const; btoa; readFileSync with the encoding argument; a wrong bodyEncoding.
      code: `import { readFileSync } from 'node:fs';
const PIXEL = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64').toString('base64');
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a.gif') return { status: '200', body: PIXEL };
  if (request.uri === '/b') return { status: '200', body: btoa('x'), bodyEncoding: 'text' };
  if (request.uri === '/c') return { status: '200', body: readFileSync('./c.bin', 'base64') };
  return request;
};`,
      errors: [
        {
          messageId: 'base64WithoutEncoding',
          line: 5,
          column: 63,
          suggestions: [
            {
              messageId: 'addBase64Encoding',
              output: `import { readFileSync } from 'node:fs';
const PIXEL = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64').toString('base64');
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a.gif') return { status: '200', body: PIXEL, bodyEncoding: 'base64' };
  if (request.uri === '/b') return { status: '200', body: btoa('x'), bodyEncoding: 'text' };
  if (request.uri === '/c') return { status: '200', body: readFileSync('./c.bin', 'base64') };
  return request;
};`,
            },
          ],
        },
        {
          messageId: 'base64WithoutEncoding',
          data: { state: "`bodyEncoding` is 'text'" },
          line: 6,
          column: 59,
          suggestions: [
            {
              messageId: 'setBase64Encoding',
              output: `import { readFileSync } from 'node:fs';
const PIXEL = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64').toString('base64');
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a.gif') return { status: '200', body: PIXEL };
  if (request.uri === '/b') return { status: '200', body: btoa('x'), bodyEncoding: 'base64' };
  if (request.uri === '/c') return { status: '200', body: readFileSync('./c.bin', 'base64') };
  return request;
};`,
            },
          ],
        },
        {
          messageId: 'base64WithoutEncoding',
          line: 7,
          column: 59,
          suggestions: [
            {
              messageId: 'addBase64Encoding',
              output: `import { readFileSync } from 'node:fs';
const PIXEL = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64').toString('base64');
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a.gif') return { status: '200', body: PIXEL };
  if (request.uri === '/b') return { status: '200', body: btoa('x'), bodyEncoding: 'text' };
  if (request.uri === '/c') return { status: '200', body: readFileSync('./c.bin', 'base64'), bodyEncoding: 'base64' };
  return request;
};`,
            },
          ],
        },
      ],
    },
    {
      // Origin-response replacing the body of the received response.
      code: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  if (response.status === '404') {
    response.status = '200';
    response.body = Buffer.from(PLACEHOLDER_PNG).toString('base64');
  }
  return response;
};`,
      errors: [
        {
          messageId: 'base64WithoutEncoding',
          line: 6,
          column: 21,
          suggestions: [
            {
              messageId: 'addBase64Encoding',
              output: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  if (response.status === '404') {
    response.status = '200';
    response.body = Buffer.from(PLACEHOLDER_PNG).toString('base64');
    response.bodyEncoding = 'base64';
  }
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript, a generated response in a variable with a write of a wrong encoding.
      code: `import type { CloudFrontRequestHandler, CloudFrontResultResponse } from 'aws-lambda';
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  const res: CloudFrontResultResponse = { status: '200' };
  res.body = 'not base64!';
  res.bodyEncoding = 'base64' as const;
  return request.uri === '/x' ? res : request;
};`,
      errors: [{ messageId: 'invalidBase64', data: { reason: "it contains '!', which is not a base64 character" }, line: 5, column: 14 }],
    },
  ],
});
