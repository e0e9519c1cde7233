import rule from '../../rules/valid-body-encoding.js';
import { byMessage, createRuleTester } from '../rule-tester.js';

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

const bufferMessage = (what: string, encoded: string, array = false) =>
  `This body is ${what}, not a string: Lambda serialises it as JSON (\`{"type":"Buffer","data":[…]}\`${array ? ' for each element' : ''}), and a Lambda@Edge \`body\` must be a string, so CloudFront fails the result validation (502). For bytes write \`${encoded}\` with \`bodyEncoding: 'base64'\`; for text, \`.toString('utf8')\`.`;

ruleTester.run('valid-body-encoding: a Buffer as the body', rule, {
  valid: [
    // Buffers turned into strings: base64 with its encoding, utf8 text, a file read as text.
    `const fs = require('fs');
    const zlib = require('zlib');
    // @lambda-edge-event origin-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (request.uri === '/a') return { status: '200', body: zlib.gzipSync('hi').toString('base64'), bodyEncoding: 'base64' };
      if (request.uri === '/b') return { status: '200', body: Buffer.from('hi').toString('utf8') };
      if (request.uri === '/c') return { status: '200', body: fs.readFileSync('page.html', 'utf8') };
      return { status: '200', body: fs.readFileSync('page.html', { encoding: 'utf8' }) };
    };`,
    // A local Buffer, an unknown encoding argument, a Buffer that is not the body.
    `class Buffer { static from() { return 'text'; } }
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      return { status: '200', body: Buffer.from('x') };
    };`,
    `const fs = require('fs');
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const encoding = request.uri.endsWith('.png') ? 'base64' : 'utf8';
      const bytes = Buffer.from('x');
      console.log(bytes.length);
      return { status: '200', body: fs.readFileSync('f', encoding), bodyEncoding: encoding === 'base64' ? 'base64' : 'text' };
    };`,
    // API Gateway and CloudFront Functions are not Lambda@Edge responses.
    `exports.handler = async () => ({ statusCode: 200, body: Buffer.from('x'), isBase64Encoded: false });`,
    `function handler(event) { return { statusCode: 200, body: { data: Buffer.from('x').toString('base64'), encoding: 'base64' } }; }`,
  ],
  invalid: [
    {
      // An origin-response replacing the body with bytes, bodyEncoding already 'base64'.
      code: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const image = Buffer.from('fake image bytes');
  response.body = image;
  response.bodyEncoding = 'base64';
  return response;
};`,
      errors: [
        {
          ...byMessage({ message: bufferMessage('`Buffer.from(…)`', "image.toString('base64')"), line: 5, column: 19, endLine: 5, endColumn: 24 }),
          suggestions: [
            {
              messageId: 'encodeBuffer',
              data: { encoded: "image.toString('base64')", andEncoding: '' },
              output: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const image = Buffer.from('fake image bytes');
  response.body = image.toString('base64');
  response.bodyEncoding = 'base64';
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      // An array of Buffers, no bodyEncoding: encode the concatenation and add the encoding.
      code: `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const chunks = [Buffer.from('a'), Buffer.from('b')];
  return { status: '200', body: chunks };
};`,
      errors: [
        {
          ...byMessage({ message: bufferMessage('an array of Buffers', "Buffer.concat(chunks).toString('base64')", true), line: 4, column: 33 }),
          suggestions: [
            {
              messageId: 'encodeBuffer',
              data: { encoded: "Buffer.concat(chunks).toString('base64')", andEncoding: " and add `bodyEncoding: 'base64'`" },
              output: `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const chunks = [Buffer.from('a'), Buffer.from('b')];
  return { status: '200', body: Buffer.concat(chunks).toString('base64'), bodyEncoding: 'base64' };
};`,
            },
          ],
        },
      ],
    },
    {
      // zlib output with bodyEncoding 'base64'; a shorthand body; a file read without encoding.
      code: `import { gzipSync } from 'node:zlib';
import * as fs from 'node:fs';
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/gz') return { status: '200', body: gzipSync('<p>hi</p>'), bodyEncoding: 'base64' };
  const body = fs.readFileSync('logo.png');
  return { status: '200', body };
};`,
      errors: [
        {
          messageId: 'bufferBody',
          data: { what: '`gzipSync(…)`', array: '', encoded: "gzipSync('<p>hi</p>').toString('base64')" },
          line: 5,
          column: 60,
          suggestions: [
            {
              messageId: 'encodeBuffer',
              data: { encoded: "gzipSync('<p>hi</p>').toString('base64')", andEncoding: '' },
              output: `import { gzipSync } from 'node:zlib';
import * as fs from 'node:fs';
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/gz') return { status: '200', body: gzipSync('<p>hi</p>').toString('base64'), bodyEncoding: 'base64' };
  const body = fs.readFileSync('logo.png');
  return { status: '200', body };
};`,
            },
          ],
        },
        {
          messageId: 'bufferBody',
          data: { what: '`fs.readFileSync(…)` without an encoding', array: '', encoded: "body.toString('base64')" },
          line: 7,
          column: 27,
          suggestions: [
            {
              messageId: 'encodeBuffer',
              data: { encoded: "body.toString('base64')", andEncoding: " and add `bodyEncoding: 'base64'`" },
              output: `import { gzipSync } from 'node:zlib';
import * as fs from 'node:fs';
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/gz') return { status: '200', body: gzipSync('<p>hi</p>'), bodyEncoding: 'base64' };
  const body = fs.readFileSync('logo.png');
  return { status: '200', body: body.toString('base64'), bodyEncoding: 'base64' };
};`,
            },
          ],
        },
      ],
    },
    {
      // fs.promises.readFile without an encoding, with bodyEncoding 'text': said, not rewritten.
      code: `const { promises: fsp } = require('fs');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return { status: '200', body: await fsp.readFile('page.html'), bodyEncoding: 'text' };
};`,
      errors: [
        {
          messageId: 'bufferBody',
          data: { what: '`fsp.readFile(…)` without an encoding', array: '', encoded: "(await fsp.readFile('page.html')).toString('base64')" },
          line: 4,
          column: 33,
          endColumn: 64,
          suggestions: [],
        },
      ],
    },
  ],
});
