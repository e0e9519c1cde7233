import rule from '../../rules/prefer-cacheable-event.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const VIEWER_RESPONSE = { 'lambda-edge': { eventType: 'viewer-response' } };

ruleTester.run('prefer-cacheable-event', rule, {
  valid: [
    // Already on origin-response.
    `// @lambda-edge-event origin-response
    exports.handler = (event, context, callback) => {
      const response = event.Records[0].cf.response;
      response.headers['x-frame-options'] = [{ key: 'X-Frame-Options', value: 'DENY' }];
      callback(null, response);
    };`,
    // Unknown event type: code inference only says "a response event".
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      response.headers['x-content-type-options'] = [{ value: 'nosniff' }];
      return response;
    };`,
    // Attached to both response events: leave it alone.
    `// @lambda-edge-event viewer-response, origin-response
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      response.headers['x-content-type-options'] = [{ value: 'nosniff' }];
      return response;
    };`,
    // CORS: the header depends on the viewer's Origin header.
    `// @lambda-edge-event viewer-response
    exports.handler = async (event) => {
      const { request, response } = event.Records[0].cf;
      const origin = request.headers.origin && request.headers.origin[0].value;
      if (origin && origin.endsWith('.example.com')) {
        response.headers['access-control-allow-origin'] = [{ value: origin }];
      }
      return response;
    };`,
    // Reads the request's URI / client IP through the cf object.
    {
      code: `export const handler = async (event) => {
        const cf = event.Records[0].cf;
        cf.response.headers['x-path'] = [{ value: cf.request.uri }];
        return cf.response;
      };`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `export const handler = async ({ Records: [{ cf: { request, response } }] }) => {
        response.headers['x-client'] = [{ value: request.clientIp }];
        return response;
      };`,
      settings: VIEWER_RESPONSE,
    },
    // Per-request values: a timestamp, a random id, the request id.
    {
      code: `exports.handler = async (event) => {
        const response = event.Records[0].cf.response;
        response.headers['x-served-at'] = [{ value: new Date().toISOString() }];
        return response;
      };`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `const crypto = require('node:crypto');
      exports.handler = async (event) => {
        const response = event.Records[0].cf.response;
        const nonce = crypto.randomUUID();
        response.headers['content-security-policy'] = [{ value: "script-src 'nonce-" + nonce + "'" }];
        return response;
      };`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `exports.handler = async (event) => {
        const { config, response } = event.Records[0].cf;
        response.headers['x-request-id'] = [{ value: config.requestId }];
        return response;
      };`,
      settings: VIEWER_RESPONSE,
    },
    // Browser caching headers: in origin-response they would change CloudFront's caching too.
    {
      code: `exports.handler = async (event) => {
        const response = event.Records[0].cf.response;
        response.headers['cache-control'] = [{ value: 'no-store' }];
        return response;
      };`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `export const handler = async (event) => {
        const { response } = event.Records[0].cf;
        return { ...response, headers: { ...response.headers, 'Cache-Control': [{ value: 'private' }] } };
      };`,
      settings: VIEWER_RESPONSE,
    },
    // The event goes to an imported helper that may read the request.
    {
      code: `import { decorate } from './decorate.js';
      export const handler = async (event) => {
        const response = event.Records[0].cf.response;
        response.headers['x-a'] = [{ value: '1' }];
        decorate(event.Records[0].cf);
        return response;
      };`,
      settings: VIEWER_RESPONSE,
    },
    // A local helper reads the request.
    {
      code: `function isHtml(cf) { return cf.request.uri.endsWith('.html'); }
      exports.handler = async (event) => {
        const cf = event.Records[0].cf;
        if (isHtml(cf)) cf.response.headers['x-ua-compatible'] = [{ value: 'IE=edge' }];
        return cf.response;
      };`,
      settings: VIEWER_RESPONSE,
    },
    // Two handlers: the shared header map is applied by the one that reads the request;
    // the other edits nothing.
    `// @lambda-edge-event viewer-response
    const CORS = { 'access-control-allow-methods': [{ value: 'GET' }] };
    exports.withCors = async (event) => {
      const { request, response } = event.Records[0].cf;
      if (request.headers.origin) Object.assign(response.headers, CORS);
      return response;
    };
    exports.passThrough = async (event) => {
      const { response } = event.Records[0].cf;
      console.log(response.status);
      return response;
    };`,
    // Only reads and logs, no edits.
    {
      code: `exports.handler = async (event) => {
        const response = event.Records[0].cf.response;
        console.log(response.status, response.headers['content-type']);
        return response;
      };`,
      settings: VIEWER_RESPONSE,
    },
    // A viewer-request handler.
    `// @lambda-edge-event viewer-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      request.headers['x-forwarded-host'] = [{ value: 'example.com' }];
      return request;
    };`,
    // CloudFront Functions viewer-response: a different product with its own costs.
    `function handler(event) {
      var response = event.response;
      response.headers['x-frame-options'] = { value: 'DENY' };
      return response;
    }`,
    // Cache headers set by a name held as data: a loop over a table, a constant, a helper's argument.
    {
      code: `const HEADERS = { 'Strict-Transport-Security': 'max-age=63072000', 'Cache-Control': 'max-age=300' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(HEADERS)) response.headers[name.toLowerCase()] = [{ key: name, value }];
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `const HEADERS = { 'X-Frame-Options': 'DENY', Expires: 'Thu, 01 Jan 2026 00:00:00 GMT' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  Object.keys(HEADERS).forEach((name) => {
    response.headers[name.toLowerCase()] = [{ key: name, value: HEADERS[name] }];
  });
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `const HEADERS = { 'x-frame-options': 'DENY', 'surrogate-control': 'max-age=600' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const name in HEADERS) response.headers[name] = [{ value: HEADERS[name] }];
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `const CC = 'Cache-Control';
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[CC.toLowerCase()] = [{ key: CC, value: 'no-store' }];
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `const SC = 'surrogate-control';
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[SC] = [{ value: 'max-age=60' }];
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `function setHeader(response, name, value) {
  response.headers[name] = [{ value }];
}
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  setHeader(response, 'x-frame-options', 'DENY');
  setHeader(response, 'cache-control', 'max-age=60');
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
    {
      // The helper lowercases the name itself, so its callers' names are not followed: unknown.
      code: `function setHeader(response, name, value) {
  response.headers[name.toLowerCase()] = [{ key: name, value }];
}
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  setHeader(response, 'Cache-Control', 'max-age=60');
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
    {
      // A name the model cannot read may be a cache header: no report.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const name = process.env.EXTRA_HEADER;
  response.headers[name] = [{ value: 'on' }];
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `const { extraHeaders } = require('./config');
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(extraHeaders)) response.headers[name.toLowerCase()] = [{ key: name, value }];
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
    {
      code: `const NAMES = ['x-frame-options', 'cache-control'];
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  NAMES.forEach((name) => {
    response.headers[name] = [{ value: 'on' }];
  });
  return response;
};`,
      settings: VIEWER_RESPONSE,
    },
  ],
  invalid: [
    {
      // Security headers on viewer-response (CommonJS, callback style, comment).
      code: `'use strict';
// @lambda-edge-event viewer-response
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  const headers = response.headers;
  headers['strict-transport-security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }];
  headers['x-frame-options'] = [{ key: 'X-Frame-Options', value: 'DENY' }];
  delete headers['server'];
  console.log('decorated', JSON.stringify(event));
  callback(null, response);
};`,
      errors: [
        {
          messageId: 'preferOriginResponse',
          data: { name: 'handler' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 16,
        },
      ],
    },
    {
      // ESM, settings, headers added in a local helper; reads of the response are fine.
      code: `const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};
function addHeaders(headers) {
  for (const [name, value] of Object.entries(SECURITY)) headers[name] = [{ value }];
}
export const handler = async (event) => {
  const { response } = event.Records[0].cf;
  if (response.status === '200') addHeaders(response.headers);
  return response;
};`,
      settings: VIEWER_RESPONSE,
      errors: [{ messageId: 'preferOriginResponse', line: 8, column: 14, endColumn: 21 }],
    },
    {
      // TypeScript, a function declaration replacing the header map.
      code: `import type { CloudFrontResponseEvent, CloudFrontResponseResult } from 'aws-lambda';
// @lambda-edge-event viewer-response
export async function onViewerResponse(event: CloudFrontResponseEvent): Promise<CloudFrontResponseResult> {
  const response = event.Records[0].cf.response;
  response.headers = {
    ...response.headers,
    'permissions-policy': [{ key: 'Permissions-Policy', value: 'camera=()' }],
  };
  return response;
}`,
      errors: [{ messageId: 'preferOriginResponse', data: { name: 'onViewerResponse' }, line: 3, column: 23 }],
    },
    {
      // A copy of the response with extra headers.
      code: `export const handler = async (event) => {
  const { response } = event.Records[0].cf;
  return { ...response, headers: { ...response.headers, 'x-robots-tag': [{ value: 'noindex' }] } };
};`,
      settings: VIEWER_RESPONSE,
      errors: [{ messageId: 'preferOriginResponse', line: 1, column: 14 }],
    },
    {
      // Modifying an existing header's value.
      code: `module.exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  if (response.headers['content-type']) {
    response.headers['content-type'][0].value += '; charset=utf-8';
  }
  return response;
};`,
      settings: VIEWER_RESPONSE,
      errors: [{ messageId: 'preferOriginResponse', line: 1, column: 1, endColumn: 23 }],
    },
    {
      // A literal table of security headers only: no cache header, so the move is safe.
      code: `const SECURITY_HEADERS = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.headers[name.toLowerCase()] = [{ key: name, value }];
  }
  return response;
};`,
      settings: VIEWER_RESPONSE,
      errors: [{ messageId: 'preferOriginResponse', data: { name: 'handler' }, line: 6, column: 1, endLine: 6, endColumn: 16 }],
    },
    {
      code: `const HEADERS = ['x-frame-options', 'x-content-type-options'];
export const handler = async (event) => {
  const response = event.Records[0].cf.response;
  HEADERS.forEach((name) => {
    response.headers[name] = [{ value: 'on' }];
  });
  return response;
};`,
      settings: VIEWER_RESPONSE,
      errors: [{ messageId: 'preferOriginResponse', data: { name: 'handler' }, line: 2, column: 14, endLine: 2, endColumn: 21 }],
    },
    {
      code: `const XFO = 'X-Frame-Options';
function setHeader(response, name, value) {
  response.headers[name] = [{ value }];
}
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[XFO.toLowerCase()] = [{ key: XFO, value: 'DENY' }];
  setHeader(response, 'referrer-policy', 'no-referrer');
  return response;
};`,
      settings: VIEWER_RESPONSE,
      errors: [{ messageId: 'preferOriginResponse', data: { name: 'handler' }, line: 5, column: 1, endLine: 5, endColumn: 16 }],
    },
    {
      // Documented limit: a cache header that comes in through a table's spread is not read.
      code: `const BASE = { 'Cache-Control': 'no-store' };
const HEADERS = { ...BASE, 'X-Frame-Options': 'DENY' };
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(HEADERS)) response.headers[name.toLowerCase()] = [{ key: name, value }];
  return response;
};`,
      settings: VIEWER_RESPONSE,
      errors: [{ messageId: 'preferOriginResponse', data: { name: 'handler' }, line: 3, column: 1, endLine: 3, endColumn: 16 }],
    },
    {
      // Replacing the whole map with a value not followed: an edit, with no name to read.
      code: `function buildHeaders() {
  return {};
}
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers = buildHeaders();
  return response;
};`,
      settings: VIEWER_RESPONSE,
      errors: [{ messageId: 'preferOriginResponse', data: { name: 'handler' }, line: 4, column: 1, endLine: 4, endColumn: 16 }],
    },
  ],
});
