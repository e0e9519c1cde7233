import rule from '../../rules/valid-handler-completion.js';
import { byMessage, createRuleTester } from '../rule-tester.js';

const GUARDED_RECORD = `export const handler = async (event) => {
  const record = event && event.Records && event.Records[0];
  const request = record && record.cf && record.cf.request;
  request.uri = '/index.html';
  return record;
};`;

const ruleTester = createRuleTester();

ruleTester.run('valid-handler-completion', rule, {
  valid: [
    // Errors answered with a generated response, rethrown, or handed to callback as its error.
    `exports.handler = async (event) => {
      try {
        return event.Records[0].cf.request;
      } catch (e) {
        if (e.code === 'Timeout') return { status: '504', statusDescription: 'Gateway Timeout', body: String(e) };
        throw e;
      }
    };`,
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      lookup(request.uri, (err, target) => {
        if (err) return callback(err);
        request.uri = target;
        callback(null, request);
      });
    };`,
    // A response thrown as control flow and handed back from the catch: named as one, or read as one.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      try {
        await requireLogin(request);
        return request;
      } catch (response) {
        return response;
      }
    };`,
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      try {
        return await guard(request);
      } catch (e) {
        if (e.status) return e;
        throw e;
      }
    };`,
    // A caught value replaced before it is handed back is whatever replaced it.
    `exports.handler = async (event) => {
      let result = event.Records[0].cf.request;
      try {
        result = await rewrite(result);
      } catch (e) {
        e = await fallbackFor(result);
        return e;
      }
      return result;
    };`,
    // A handler whose event type is read from its own code (it uses cf.response) may serve a
    // request event where it returns the request; one for both events says so, and narrows.
    `exports.handler = async (event) => {
      const { request, response } = event.Records[0].cf;
      if (!response) return request;
      response.headers['x-served-by'] = [{ value: 'edge' }];
      return response;
    };`,
    `// @lambda-edge-event origin-request, origin-response
    exports.handler = async (event) => {
      const { config, request, response } = event.Records[0].cf;
      if (config.eventType === 'origin-request') return request;
      return response;
    };`,
    // A response handler's guard on the response CloudFront always sends: its else never runs.
    `exports.handler = (event, context, callback) => {
  const { response } = event.Records[0].cf;
  if (response) {
    response.headers['x-frame-options'] = [{ key: 'X-Frame-Options', value: 'DENY' }];
    callback(null, response);
  }
};`,
    // An async handler that returns right after calling back: one call per path.
    `exports.handler = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.authorization) return callback(null, { status: '401', statusDescription: 'Unauthorized' });
  callback(null, request);
};`,
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
    // Async handler whose callback runs in a step of a chain it awaits, returns, or is: the step
    // runs before the handler's promise can settle, so the callback's result comes first.
    `exports.handler = async (event, context, callback) => {
      const response = event.Records[0].cf.response;
      await s3.getObject({ Bucket: 'b', Key: 'k' }).promise()
        .then((data) => resize(data.Body))
        .then(async (buffer) => {
          response.body = buffer.toString('base64');
          response.bodyEncoding = 'base64';
          callback(null, response);
        })
        .catch((err) => console.log(err));
    };`,
    `exports.handler = async (event, context, callback) => {
      const request = event.Records[0].cf.request;
      return lookup(request).then((found) => callback(null, found ?? request));
    };`,
    `exports.handler = async (event, context, callback) => lookup(event.Records[0].cf.request).finally(() => callback(null, event.Records[0].cf.request));`,
    // A local helper that calls back, called only from the async handler's own body (or from a
    // helper called there): its code runs at each call site, before the promise settles.
    `// @lambda-edge-event origin-response
    exports.handler = async (event, context, callback) => {
      const { response } = event.Records[0].cf;
      const reply = (status) => {
        response.status = status;
        callback(null, response);
      };
      if (response.status !== '200') {
        reply('404');
        return;
      }
      reply('200');
    };`,
    `// @lambda-edge-event origin-response
    exports.handler = async (event, context, callback) => {
      const { response } = event.Records[0].cf;
      try {
        await refresh(response);
      } catch (err) {
        fail('500');
        return;
      }
      callback(null, response);

      function fail(status) {
        send(status, 'error');
      }
      function send(status, body) {
        response.status = status;
        response.body = body;
        callback(null, response);
      }
    };`,
    // An async handler that calls back in its own body on every path, the catch included.
    `// @lambda-edge-event origin-response
    exports.handler = async (event, context, callback) => {
      const response = event.Records[0].cf.response;
      try {
        response.body = await render(response);
        callback(null, response);
      } catch (err) {
        console.error(err);
        callback(null, { status: '500', body: 'error' });
      }
    };`,
    // A \`let\` that holds the event or, unwrapped, the request: what is handed back is the request
    // at the edge (a handler that is also run locally with a bare request).
    `exports.handler = async (event, context, callback) => {
      let request = event;
      if (event.Records) request = event.Records[0].cf.request;
      callback(null, request);
    };`,
    // `a && b` is `b`: the response, read through guards, handed back (not the record).
    `export const handler = async (event) => {
      const records = event && event.Records && event.Records[0];
      const response = records && records.cf && records.cf.response;
      if (!response) return;
      response.headers['x-frame-options'] = [{ key: 'X-Frame-Options', value: 'DENY' }];
      return response;
    };`,
    // A guard against a warm-up schedule as well as a missing response: never true at the edge.
    `export const handler = async (event) => {
      const records = event && event.Records && event.Records[0];
      const response = records && records.cf && records.cf.response;
      if (!response || (event && event['detail-type'] == 'Scheduled Event')) {
        return;
      }
      response.headers['x-frame-options'] = [{ key: 'X-Frame-Options', value: 'DENY' }];
      return response;
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
    // The whole event resolved by the executor of the promise the handler returns.
    {
      code: `exports.handler = (event) =>
  new Promise((resolve) => {
    console.log(event.Records[0].cf.request.uri);
    setTimeout(() => resolve(event), 10);
  });`,
      errors: [
        {
          messageId: 'wholeEvent',
          data: { what: 'the whole `event`' },
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useRequest',
              data: { text: 'event.Records[0].cf.request' },
              output: `exports.handler = (event) =>
  new Promise((resolve) => {
    console.log(event.Records[0].cf.request.uri);
    setTimeout(() => resolve(event.Records[0].cf.request), 10);
  });`,
            },
            {
              messageId: 'useResponse',
              data: { text: 'event.Records[0].cf.response' },
              output: `exports.handler = (event) =>
  new Promise((resolve) => {
    console.log(event.Records[0].cf.request.uri);
    setTimeout(() => resolve(event.Records[0].cf.response), 10);
  });`,
            },
          ],
        },
      ],
    },
    // The caught error, and a new Error, handed back as the result.
    {
      code: `exports.handler = async (event) => {
  try {
    return await route(event.Records[0].cf.request);
  } catch (e) {
    console.error(e);
    return e;
  }
};`,
      errors: [
        {
          messageId: 'errorAsResult',
          data: { what: 'the caught error', text: 'e' },
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'useErrorResponse',
              output: `exports.handler = async (event) => {
  try {
    return await route(event.Records[0].cf.request);
  } catch (e) {
    console.error(e);
    return { status: '500', statusDescription: 'Internal Server Error' };
  }
};`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.host) return callback(null, new Error('no host'));
  callback(null, request);
};`,
      errors: [
        {
          messageId: 'errorAsResult',
          data: { what: 'a new `Error`', text: "new Error('no host')" },
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'useErrorResponse',
              output: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.host) return callback(null, { status: '500', statusDescription: 'Internal Server Error' });
  callback(null, request);
};`,
            },
          ],
        },
      ],
    },
    // The request handed back by a response trigger (a skip path copied from a request handler).
    {
      code: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  if (request.uri.startsWith('/api/')) return request;
  response.headers['cache-control'] = [{ value: 'max-age=300' }];
  return response;
};`,
      errors: [
        {
          messageId: 'requestInResponseEvent',
          data: { event: 'origin-response' },
          line: 4,
          column: 47,
          endLine: 4,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useResponse',
              data: { text: 'event.Records[0].cf.response' },
              output: `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  if (request.uri.startsWith('/api/')) return event.Records[0].cf.response;
  response.headers['cache-control'] = [{ value: 'max-age=300' }];
  return response;
};`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (evt, ctx, callback) => {
  const request = evt.Records[0].cf.request;
  callback(null, request);
};`,
      settings: { 'lambda-edge': { eventType: 'viewer-response' } },
      errors: [
        {
          messageId: 'requestInResponseEvent',
          data: { event: 'viewer-response' },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useResponse',
              data: { text: 'evt.Records[0].cf.response' },
              output: `exports.handler = (evt, ctx, callback) => {
  const request = evt.Records[0].cf.request;
  callback(null, evt.Records[0].cf.response);
};`,
            },
          ],
        },
      ],
    },
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
      // The same in an async handler: the runtime keeps the first result there too.
      code: `exports.handler = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.authorization) callback(null, { status: '401', statusDescription: 'Unauthorized' });
  callback(null, request);
};`,
      errors: [{ messageId: 'callbackTwice', data: { name: 'callback', line: 3 }, line: 4, column: 3, endLine: 4, endColumn: 26 }],
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
      // A helper that calls back is late when one of its call sites is: called from a timer,
      // handed to one, or itself async and not awaited.
      code: `exports.handler = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const reply = () => callback(null, request);
  setTimeout(() => reply(), 10);
};
exports.other = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  function reply() { callback(null, request); }
  setTimeout(reply, 10);
};
exports.third = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const reply = async () => { await lookup(request); callback(null, request); };
  reply();
};`,
      errors: [
        { messageId: 'callbackInAsync', data: { name: 'callback' }, line: 3, column: 23, suggestions: [] },
        { messageId: 'callbackInAsync', data: { name: 'callback' }, line: 8, column: 22, suggestions: [] },
        { messageId: 'callbackInAsync', data: { name: 'callback' }, line: 13, column: 54, suggestions: [] },
      ],
    },
    {
      // An async handler that calls back in its own body, except on the path through a catch
      // that only logs: there the promise resolves to undefined and no callback comes.
      code: `// @lambda-edge-event origin-response
exports.handler = async (event, context, callback) => {
  const response = event.Records[0].cf.response;
  try {
    response.body = await render(response);
    callback(null, response);
  } catch (err) {
    console.error(err);
  }
};`,
      errors: [
        {
          messageId: 'resolvesUndefined',
          data: { where: 'A path reaches the end of this \`async\` handler', name: 'callback' },
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 54,
        },
      ],
    },
    {
      // Two ifs that test one unchanging setting against different strings cannot both run, so
      // their calls are not a second call (a sibling if on another value, or on the same string,
      // still is). The path on which no test holds is still reported: conditions are not
      // correlated, so the flow does not see that the last test covers it.
      code: `const settings = require('./settings.json');
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (settings.mode === 'redirect') {
    callback(null, { status: '301', headers: { location: [{ key: 'Location', value: '/x' }] } });
  }
  if (settings.mode === 'rewrite') {
    callback(null, request);
  }
  if (settings.mode !== 'redirect' && settings.mode !== 'rewrite') callback(null, request);
};
exports.other = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (settings.mode === 'redirect') callback(null, request);
  if (settings.level === 'high') callback(null, request);
  callback(null, request);
};`,
      errors: [
        { messageId: 'callbackNeverCalled', data: { where: 'A path reaches the end of this function', name: 'callback' }, line: 2, column: 46, endLine: 2, endColumn: 48 },
        { messageId: 'callbackTwice', data: { name: 'callback', line: 14 }, line: 15, column: 34 },
        { messageId: 'callbackTwice', data: { name: 'callback', line: 14 }, line: 16, column: 3 },
      ],
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
      // An awaited chain whose step calls back from a timer, or a chain awaited only inside a
      // nested function: the call can still come after the handler's promise settles.
      code: `exports.handler = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  await lookup(request).then(() => { setTimeout(() => callback(null, request), 5); });
  [request].forEach(async (r) => { await lookup(r).then(() => callback(null, r)); });
};`,
      errors: [
        { messageId: 'callbackInAsync', line: 3, column: 55, suggestions: [] },
        { messageId: 'callbackInAsync', line: 4, column: 63, suggestions: [] },
      ],
    },
    {
      // A disjunct that can be true at the edge, or a missing response in a request event: a
      // real return of nothing.
      code: `// @lambda-edge-event origin-request
export const handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  if (!request || request.uri === '/skip') return;
  if (!response) return;
  return request;
};`,
      errors: [
        { messageId: 'resolvesUndefined', line: 4, column: 44 },
        { messageId: 'resolvesUndefined', line: 5, column: 18 },
      ],
    },
    {
      // Through guards, still the record: `event && event.Records && event.Records[0]` is the
      // record, and the handler is found through the same guards.
      code: GUARDED_RECORD,
      errors: [
        {
          messageId: 'wholeEvent',
          data: { what: '`event.Records[0]`' },
          line: 5,
          column: 10,
          endColumn: 16,
          suggestions: [
            { messageId: 'useRequest', output: GUARDED_RECORD.replace('return record;', 'return record.cf.request;') },
            { messageId: 'useResponse', output: GUARDED_RECORD.replace('return record;', 'return record.cf.response;') },
          ],
        },
      ],
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

// Paths that end with nothing handed to CloudFront (issue 13), and the forms that stay silent.
ruleTester.run('valid-handler-completion: paths', rule, {
  valid: [
    // A guard against an event that is not CloudFront's: CloudFront always sends the request.
    `exports.handler = async (event) => {
      const request = event.Records[0]?.cf?.request;
      if (!request) {
        console.error('unexpected event');
        return;
      }
      return request;
    };`,
    `exports.handler = async (event) => {
      const cf = event.Records?.[0]?.cf;
      if (cf === undefined) return;
      return cf.request;
    };`,
    `exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      if (request == null) return;
      callback(null, request);
    };`,
    // `return null` is a value given on purpose, not a path that forgot to return.
    `exports.handler = async (event) => {
      try {
        return await render(event.Records[0].cf.request);
      } catch (err) {
        return null;
      }
    };`,
    // A do-while whose body always returns never leaves through its test.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      do {
        return request;
      } while (request.uri);
    };`,
    // A path that ends in `throw` hands CloudFront an error, not nothing.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') return request;
  throw new Error('no');
};`,
    // `process.exit()` ends the path.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') return request;
  process.exit(1);
};`,
    // A loop that never ends on its own never falls off the end.
    `exports.handler = async (event) => {
  for (;;) {
    const r = await next(event.Records[0].cf.request);
    if (r) return r;
  }
};`,
    // `switch` with a `default` that returns.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  switch (request.method) {
    case 'GET': return request;
    default: return { status: '405' };
  }
};`,
    // A `switch` without `default` whose cases all return: the author may know no other value comes.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  switch (request.method) {
    case 'GET': return request;
    case 'POST': return { status: '405' };
  }
};`,
    // An `if … else if` chain without `else`: the conditions are not correlated, so stay silent.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'GET') return request;
  else if (request.method !== 'GET') return { status: '405' };
};`,
    // `finally` runs after the `return`; the value stands.
    `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  try {
    return await rewrite(request);
  } finally {
    log(request);
  }
};`,
    // `callback` handed to another function counts as completing (it is not guessed what the callee does).
    `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') return callback(null, request);
  helper(request, callback);
};`,
    // Two continuations (`data` and `end`): which one completes is not known, so stay silent.
    `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  https.get('https://x', (res) => {
    let body = '';
    res.on('data', (chunk) => { body += chunk; if (body.length > 1e6) callback(null, { status: '413' }); });
    res.on('end', () => callback(null, request));
  });
};`,
    // `.then(…)` completes on both branches; `.catch(…)` only runs on errors.
    `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  check(request).then((ok) => callback(null, ok ? request : { status: '403' })).catch((err) => callback(err));
};`,
    // A function passed to an array method runs per element, now: not followed.
    `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  RULES.forEach((rule) => { if (rule.test(request.uri)) callback(null, rule.response); });
};`,
    // `callback` aliased: its calls cannot be followed.
    `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const cb = callback;
  if (request.uri === '/') cb(null, request);
};`,
    // `context.succeed(…)` completes too (the older API).
    `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') return callback(null, request);
  context.succeed(request);
};`,
    // An async function that never returns a value may be a step a wrapper calls: silent.
    `exports.handler = async (event) => {
  console.log(event.Records[0].cf.request.uri);
};`,
    // The nested function's other path throws.
    `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  https.get('https://x', (res) => {
    if (res.statusCode !== 200) throw new Error('flags');
    callback(null, request);
  });
};`,
    // An async handler that calls back in its own body (the callback comes first) on every path.
    `exports.handler = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/') return callback(null, request);
  callback(null, { status: '404' });
};`,
    // A labelled block: `break label` continues after it, where the callback runs.
    `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  label: {
    if (request.uri === '/') break label;
    return callback(null, { status: '404' });
  }
  callback(null, request);
};
`,
  ],
  invalid: [
    {
      // The whole message, once for each kind.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/api')) return request;
  request.uri = '/index.html';
};`,
      errors: [
        byMessage({
          message:
            'A path reaches the end of this `async` handler without a value: the promise resolves to `undefined`, so CloudFront gets `null` and answers 502. Return the request or a response on every path (for example `return request;` at the end).',
          line: 1,
          column: 33,
        }),
      ],
    },
    {
      code: `exports.handler = (event, context, done) => {
  const request = event.Records[0].cf.request;
  https.get('https://flags.example.com', (res) => {
    if (res.statusCode === 200) done(null, request);
  });
};`,
      errors: [
        byMessage({
          message:
            'A path reaches the end of this function without calling `done`: once nothing else is pending, Lambda ends the invocation with a `null` result and CloudFront answers 502; while a socket or timer stays open, the function runs until it times out and CloudFront answers 503. Call `done(null, …)` with the request or a response on every path.',
          line: 3,
          column: 48,
        }),
      ],
    },
    {
      // `return;` in an async handler resolves to undefined.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.host) return;
  return request;
};`,
      errors: [
        { messageId: 'resolvesUndefined', data: { where: 'This `return` ends the handler' }, line: 3, column: 30, endLine: 3, endColumn: 37 },
      ],
    },
    {
      // A loop that finds no match falls off the end (reported at the arrow).
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  for (const [from, to] of REDIRECTS) {
    if (request.uri === from) return { status: '301', headers: { location: [{ value: to }] } };
  }
};`,
      errors: [
        { messageId: 'resolvesUndefined', data: { where: 'A path reaches the end of this `async` handler' }, line: 1, column: 33, endLine: 1, endColumn: 35 },
      ],
    },
    {
      // The catch block logs and falls off: the promise resolves to undefined.
      code: `exports.handler = async (event) => {
  try {
    return await render(event.Records[0].cf.request);
  } catch (err) {
    console.error(err);
  }
};`,
      errors: [
        { messageId: 'resolvesUndefined', data: { where: 'A path reaches the end of this `async` handler' }, line: 1, column: 33, endLine: 1, endColumn: 35 },
      ],
    },
    {
      // Callback-style: only the redirect path calls back.
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/old') {
    callback(null, { status: '301', headers: { location: [{ value: '/new' }] } });
  }
};`,
      errors: [
        { messageId: 'callbackNeverCalled', data: { where: 'A path reaches the end of this function', name: 'callback' }, line: 1, column: 46, endLine: 1, endColumn: 48 },
      ],
    },
    {
      // `return;` before any callback.
      code: `exports.handler = function (event, context, callback) {
  const request = event.Records[0].cf.request;
  if (!request.headers.cookie) return;
  callback(null, request);
};`,
      errors: [
        { messageId: 'callbackNeverCalled', data: { where: 'This `return` ends a path', name: 'callback' }, line: 3, column: 32, endLine: 3, endColumn: 39 },
      ],
    },
    {
      // The continuation calls back on one branch only; `.catch` covers errors, not the other branch.
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  fetch('https://auth.example.com').then((res) => {
    if (res.ok) callback(null, request);
  }).catch((err) => callback(err));
};`,
      errors: [
        { messageId: 'callbackNeverCalled', data: { where: 'A path reaches the end of this function', name: 'callback' }, line: 3, column: 48, endLine: 3, endColumn: 50 },
      ],
    },
    {
      // A value returned on a path that never calls back is ignored.
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/health') return { status: '200', body: 'ok' };
  callback(null, request);
};`,
      errors: [
        { messageId: 'returnIgnored', data: { name: 'callback' }, line: 3, column: 41, endLine: 3, endColumn: 70 },
      ],
    },
    {
      // `https.get` continuation with an error listener: the non-200 path never calls back.
      code: `const https = require('https');
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  https.get('https://flags.example.com', (res) => {
    if (res.statusCode === 200) callback(null, request);
  }).on('error', (err) => callback(err));
};`,
      errors: [
        { messageId: 'callbackNeverCalled', data: { where: 'A path reaches the end of this function', name: 'callback' }, line: 4, column: 48, endLine: 4, endColumn: 50 },
      ],
    },
    {
      // `default` logs and falls off: not the no-arm-matched path, so reported.
      code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  switch (request.method) {
    case 'GET': return request;
    default: console.log('other');
  }
};`,
      errors: [
        { messageId: 'resolvesUndefined', data: { where: 'A path reaches the end of this `async` handler' }, line: 1, column: 33, endLine: 1, endColumn: 35 },
      ],
    },
    {
      // A function declaration: reported at its head.
      code: `export async function handler(event) {
  const request = event.Records[0].cf.request;
  if (request.uri.endsWith('/')) return { ...request, uri: request.uri + 'index.html' };
}`,
      errors: [
        { messageId: 'resolvesUndefined', data: { where: 'A path reaches the end of this `async` handler' }, line: 1, column: 8, endLine: 1, endColumn: 30 },
      ],
    },
  ],
});
