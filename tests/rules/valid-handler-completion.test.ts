import rule from '../../rules/valid-handler-completion.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('valid-handler-completion', rule, {
  valid: [
    // A non-async handler that returns a promise: Lambda waits for it.
    `exports.handler = (event) => Promise.resolve(event.Records[0].cf.request);`,
    `const handle = async (event) => event.Records[0].cf.request;
exports.handler = (event) => handle(event);`,
    // if/else: each path calls back once.
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      if (request.uri === '/old') callback(null, { status: '301', headers: { location: [{ value: '/new' }] } });
      else callback(null, request);
    };`,
    // return callback(...) ends the path.
    `'use strict';
    exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      if (!request.headers.authorization) {
        return callback(null, { status: '401', statusDescription: 'Unauthorized' });
      }
      callback(null, request);
    };`,
    // callback(); return; (the AWS basic-auth sample's shape).
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      if (request.method !== 'GET') {
        callback(null, { status: '405' });
        return;
      }
      callback(null, request);
    };`,
    // switch with a callback in each case and a break.
    `exports.handler = (event, context, callback) => {
      const { request } = event.Records[0].cf;
      switch (request.uri) {
        case '/a': callback(null, { status: '302', headers: { location: [{ value: '/b' }] } }); break;
        case '/c': return callback(null, { status: '404' });
        default: callback(null, request);
      }
    };`,
    // A loop that calls back and returns, then the fall-through result.
    `const REDIRECTS = [[/^\\/blog\\//, '/articles/']];
    exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      for (const [pattern, target] of REDIRECTS) {
        if (pattern.test(request.uri)) {
          callback(null, { status: '301', headers: { location: [{ value: request.uri.replace(pattern, target) }] } });
          return;
        }
      }
      callback(null, request);
    };`,
    // Promise chain: each nested function calls back once, the outer path never does.
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      fetch('https://auth.example.com/check', { headers: { cookie: request.headers.cookie?.[0].value ?? '' } })
        .then((res) => (res.ok ? callback(null, request) : callback(null, { status: '403' })))
        .catch((err) => callback(err));
    };`,
    // setTimeout / callback passed on: not mixed with the outer paths.
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      setTimeout(() => callback(null, request), 10);
    };`,
    `const lookup = require('./lookup');
    exports.handler = (event, context, callback) => {
      lookup(event.Records[0].cf.request, callback);
    };`,
    // try/catch: the catch only runs when something before the callback threw.
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      try {
        const rules = JSON.parse(RULES);
        request.uri = rules[request.uri] || request.uri;
        callback(null, request);
      } catch (err) {
        callback(err);
      }
    };`,
    // Async handler that returns the request / a response.
    `export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (request.uri.endsWith('/')) request.uri += 'index.html';
      return request;
    };`,
    // TypeScript with aws-lambda types: async handler returning the response.
    `import type { CloudFrontResponseHandler } from 'aws-lambda';
    export const handler: CloudFrontResponseHandler = async (event) => {
      const response = event.Records[0].cf.response;
      response.headers['x-frame-options'] = [{ key: 'X-Frame-Options', value: 'DENY' }];
      return response;
    };`,
    // Non-async handler returning a promise: Lambda waits for it.
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      return fetch('https://example.com').then(() => request);
    };`,
    // Non-async handler returning a value but calling back too.
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      callback(null, request);
      return request;
    };`,
    // Async handler that calls the callback in its own body: up to nodejs22.x the first result
    // wins and the callback runs before the promise settles, so CloudFront gets the redirect.
    `export const handler = async (event, context, callback) => {
      const request = event.Records[0].cf.request;
      if (request.uri === '/') {
        callback(null, { status: '302', headers: { location: [{ value: '/index.html' }] } });
        return;
      }
      return callback(null, request);
    };`,
    // The same after an await: the body has not ended, so the callback still comes first.
    `exports.handler = async (event, context, callback) => {
      const request = event.Records[0].cf.request;
      await new Promise((resolve) => setTimeout(resolve, 1));
      callback(null, request);
    };`,
    // Returning cf.request / cf.response is right.
    `exports.handler = async (event) => event.Records[0].cf.request;`,
    `exports.handler = (event, context, callback) => callback(null, event.Records[0].cf.response);`,
    // API Gateway lambda: returns part of its own event; not Lambda@Edge.
    `exports.handler = async (event, context, callback) => {
      callback(null, { statusCode: 200, body: JSON.stringify(event) });
      callback(null, event);
    };`,
    // CloudFront Functions return event.request; there is no callback.
    `function handler(event) { var request = event.request; return request; }`,
    // Express middleware calling next twice is not ours.
    `app.use((req, res, next) => { if (req.user) next(); next(); });`,
    // Test double: a hand-built event passed to the handler.
    `const event = { Records: [{ cf: { request: { uri: '/' } } }] };
    test('passes through', (done) => { handler(event, {}, (err, result) => { expect(result).toBe(event.Records[0].cf.request); done(); }); });`,
  ],
  invalid: [
    {
      // Fuzz (issue 15): in a script \`await\` is a name; \`async\` would make it a keyword, and
      // \`(await)\` would no longer parse. The finding stays, without the suggestion.
      code: `function handler(event) {
  const request = event.Records[0].cf;
  const redirectResponse = {
    0: { "Last-Modified": (await), }
  };
  return 0;
}`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'returnIgnoredNoCallback', line: 6, column: 10, endColumn: 11, suggestions: [] }],
    },
    {
      // Arrow functions keep the outer function's \`await\`: still no suggestion.
      code: `exports.handler = function (event) {
  const later = () => await;
  return event.Records[0].cf.request;
};`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'returnIgnoredNoCallback', line: 3, column: 10, suggestions: [] }],
    },
    {
      // A nested function declaration's name belongs to the outer function.
      code: `exports.handler = function (event, context) {
  function await() {}
  return event.Records[0].cf.request;
};`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'returnIgnoredNoCallback', line: 3, column: 10, suggestions: [] }],
    },
    {
      // A parameter named \`await\`.
      code: `exports.handler = function (event, await) {
  return event.Records[0].cf.request;
};`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'returnIgnoredNoCallback', line: 2, column: 10, suggestions: [] }],
    },
    {
      // Inside a nested \`function\` (and as a function expression's own name) \`await\` stays a
      // name even in an async function, so the suggestion is offered and parses.
      code: `exports.handler = function (event) {
  function helper() { var await = 1; return await; }
  const named = function await() {};
  return event.Records[0].cf.request;
};`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'returnIgnoredNoCallback',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'makeAsync',
              output: `exports.handler = async function (event) {
  function helper() { var await = 1; return await; }
  const named = function await() {};
  return event.Records[0].cf.request;
};`,
            },
          ],
        },
      ],
    },
    {
      // A nested async function's \`await\` is a keyword already: no reason to hold back.
      code: `exports.handler = (event) => {
  const load = async () => await fetch('https://example.com');
  return event.Records[0].cf.request;
};`,
      errors: [
        {
          messageId: 'returnIgnoredNoCallback',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'makeAsync',
              output: `exports.handler = async (event) => {
  const load = async () => await fetch('https://example.com');
  return event.Records[0].cf.request;
};`,
            },
          ],
        },
      ],
    },
    {
      // Non-async with no callback: Lambda ignores the returned request and CloudFront gets null
      // (serverless-nextjs/serverless-next.js#525).
      code: `exports.handler = (event) => event.Records[0].cf.request;`,
      errors: [
        {
          messageId: 'returnIgnoredNoCallback',
          line: 1,
          column: 30,
          suggestions: [{ messageId: 'makeAsync', output: `exports.handler = async (event) => event.Records[0].cf.request;` }],
        },
      ],
    },
    {
      code: `export function handler(event) {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') return { status: '302', headers: { location: [{ value: '/home' }] } };
  return request;
}`,
      errors: [
        {
          messageId: 'returnIgnoredNoCallback',
          line: 3,
          column: 35,
          suggestions: [
            {
              messageId: 'makeAsync',
              output: `export async function handler(event) {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') return { status: '302', headers: { location: [{ value: '/home' }] } };
  return request;
}`,
            },
          ],
        },
        {
          messageId: 'returnIgnoredNoCallback',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'makeAsync',
              output: `export async function handler(event) {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') return { status: '302', headers: { location: [{ value: '/home' }] } };
  return request;
}`,
            },
          ],
        },
      ],
    },
    {
      // Method shorthand: \`async\` goes before the key.
      code: `module.exports = {
  handler(event) {
    return event.Records[0].cf.request;
  },
};`,
      errors: [
        {
          messageId: 'returnIgnoredNoCallback',
          line: 3,
          column: 12,
          suggestions: [
            {
              messageId: 'makeAsync',
              output: `module.exports = {
  async handler(event) {
    return event.Records[0].cf.request;
  },
};`,
            },
          ],
        },
      ],
    },
    {
      // The basic-auth mistake: no return after the 401.
      code: `'use strict';
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const auth = request.headers.authorization;
  if (!auth || auth[0].value !== 'Basic dXNlcjpwYXNz') {
    callback(null, { status: '401', statusDescription: 'Unauthorized' });
  }
  callback(null, request);
};`,
      errors: [
        { messageId: 'callbackTwice', data: { name: 'callback', line: 6 }, line: 8, column: 3, endLine: 8, endColumn: 26 },
      ],
    },
    {
      // Two sequential calls, ESM, renamed callback.
      code: `// @lambda-edge-event origin-response
export const handler = (event, ctx, done) => {
  const response = event.Records[0].cf.response;
  done(null, response);
  response.headers['x-extra'] = [{ value: '1' }];
  done(null, response);
};`,
      errors: [{ messageId: 'callbackTwice', data: { name: 'done', line: 4 }, line: 6, column: 3 }],
    },
    {
      // A loop that calls back per item; a nested function counted on its own.
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  for (const rule of RULES) {
    if (rule.test(request.uri)) callback(null, { status: '301', headers: { location: [{ value: rule.to }] } });
  }
  Promise.resolve().then(() => {
    callback(null, request);
    callback(null, request);
  });
};`,
      errors: [
        { messageId: 'callbackTwice', line: 4, column: 33 },
        { messageId: 'callbackTwice', data: { name: 'callback', line: 7 }, line: 8, column: 5 },
      ],
    },
    {
      // TypeScript, callback-style, the redirect path falls through to the pass-through.
      code: `import type { CloudFrontRequestEvent, Context, CloudFrontRequestCallback } from 'aws-lambda';
export function handler(event: CloudFrontRequestEvent, _context: Context, callback: CloudFrontRequestCallback): void {
  const request = event.Records[0].cf.request;
  const host = request.headers.host?.[0]?.value;
  if (host === 'example.com') {
    callback(null, { status: '301', headers: { location: [{ key: 'Location', value: 'https://www.example.com' + request.uri }] } });
  } else if (request.uri === '/') {
    request.uri = '/index.html';
  }
  callback(null, request);
}`,
      errors: [{ messageId: 'callbackTwice', data: { name: 'callback', line: 6 }, line: 10, column: 3 }],
    },
    {
      // Code after the callback inside try can throw, then catch calls back again.
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  try {
    callback(null, request);
    audit(request);
  } catch (err) {
    callback(err);
  }
};`,
      errors: [{ messageId: 'callbackTwice', line: 7, column: 5 }],
    },
    {
      // Async handler whose callback runs in a timer: the promise settles first with undefined.
      code: `export const handler = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  setTimeout(() => {
    callback(null, request);
  }, 10);
};`,
      errors: [{ messageId: 'callbackInAsync', data: { name: 'callback' }, line: 4, column: 5, suggestions: [] }],
    },
    {
      // Async TS handler whose callback runs in a promise chain: no return suggestion there.
      code: `import type { CloudFrontRequestEvent, Context, Callback } from 'aws-lambda';
export async function handler(event: CloudFrontRequestEvent, context: Context, callback: Callback) {
  const request = event.Records[0].cf.request;
  fetch('https://example.com').then(() => callback(null, request));
}`,
      errors: [{ messageId: 'callbackInAsync', line: 4, column: 43, suggestions: [] }],
    },
    {
      // Returning the whole event (react-ssr-lambda#28), request event known from code.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '/index.html';
  return event;
};`,
      errors: [
        {
          messageId: 'wholeEvent',
          data: { what: 'the whole `event`' },
          line: 4,
          column: 10,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useRequest',
              data: { text: 'event.Records[0].cf.request' },
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '/index.html';
  return event.Records[0].cf.request;
};`,
            },
            {
              // The event type is unknown here, so the response is offered too.
              messageId: 'useResponse',
              output: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '/index.html';
  return event.Records[0].cf.response;
};`,
            },
          ],
        },
      ],
    },
    {
      // cf and Records[0] handed to the callback, response event from a comment.
      code: `// @lambda-edge-event viewer-response
exports.handler = (event, context, callback) => {
  const cf = event.Records[0].cf;
  cf.response.headers['x-served-by'] = [{ value: 'edge' }];
  if (cf.response.status === '200') return callback(null, cf);
  callback(null, event.Records[0]);
};`,
      errors: [
        {
          messageId: 'wholeEvent',
          data: { what: '`event.Records[0].cf`' },
          line: 5,
          column: 59,
          suggestions: [{ messageId: 'useResponse', output: `// @lambda-edge-event viewer-response
exports.handler = (event, context, callback) => {
  const cf = event.Records[0].cf;
  cf.response.headers['x-served-by'] = [{ value: 'edge' }];
  if (cf.response.status === '200') return callback(null, cf.response);
  callback(null, event.Records[0]);
};` }],
        },
        {
          messageId: 'wholeEvent',
          data: { what: '`event.Records[0]`' },
          line: 6,
          column: 18,
          suggestions: [{ messageId: 'useResponse', output: `// @lambda-edge-event viewer-response
exports.handler = (event, context, callback) => {
  const cf = event.Records[0].cf;
  cf.response.headers['x-served-by'] = [{ value: 'edge' }];
  if (cf.response.status === '200') return callback(null, cf);
  callback(null, event.Records[0].cf.response);
};` }],
        },
      ],
    },
    {
      // Unknown event type: both suggestions. Settings-declared types work too.
      code: `export const handler = async ({ Records }) => {
  console.log(Records[0].cf.config.requestId);
  return Records;
};`,
      errors: [
        {
          messageId: 'wholeEvent',
          data: { what: '`event.Records`' },
          line: 3,
          column: 10,
          suggestions: [
            { messageId: 'useRequest', output: `export const handler = async ({ Records }) => {
  console.log(Records[0].cf.config.requestId);
  return Records[0].cf.request;
};` },
            { messageId: 'useResponse', output: `export const handler = async ({ Records }) => {
  console.log(Records[0].cf.config.requestId);
  return Records[0].cf.response;
};` },
          ],
        },
      ],
    },
    {
      code: `exports.handler = async (event) => {
  console.log(event.Records[0].cf.config.requestId);
  return event;
};`,
      settings: { 'lambda-edge': { eventType: 'origin-request' } },
      errors: [
        {
          messageId: 'wholeEvent',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'useRequest',
              output: `exports.handler = async (event) => {
  console.log(event.Records[0].cf.config.requestId);
  return event.Records[0].cf.request;
};`,
            },
          ],
        },
      ],
    },
    {
      // The whole event returned from a non-async handler: one report, not two.
      code: `exports.handler = (event, context, callback) => {
  event.Records[0].cf.request.uri = '/index.html';
  return event;
};`,
      errors: [
        {
          messageId: 'wholeEvent',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'useRequest',
              output: `exports.handler = (event, context, callback) => {
  event.Records[0].cf.request.uri = '/index.html';
  return event.Records[0].cf.request;
};`,
            },
            {
              messageId: 'useResponse',
              output: `exports.handler = (event, context, callback) => {
  event.Records[0].cf.request.uri = '/index.html';
  return event.Records[0].cf.response;
};`,
            },
          ],
        },
      ],
    },
    {
      // Non-async handler that returns and never calls back (serverless-nextjs#525 comment).
      code: `'use strict';
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/health') {
    return { status: '200', body: 'ok' };
  }
  return request;
};`,
      errors: [
        { messageId: 'returnIgnored', data: { name: 'callback' }, line: 5, column: 12 },
        { messageId: 'returnIgnored', line: 7, column: 10 },
      ],
    },
  ],
});
