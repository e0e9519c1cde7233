import rule from '../../rules/no-status-change-in-viewer-response.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const viewerResponse = { 'lambda-edge': { eventType: 'viewer-response' } };

ruleTester.run('no-status-change-in-viewer-response', rule, {
  valid: [
    // Headers may change in viewer-response.
    {
      code: `exports.handler = async (event) => {
        const response = event.Records[0].cf.response;
        response.headers['strict-transport-security'] = [{ value: 'max-age=63072000' }];
        return response;
      };`,
      settings: viewerResponse,
    },
    // Reading and comparing the status is fine.
    {
      code: `exports.handler = (event, context, callback) => {
        const { response } = event.Records[0].cf;
        if (response.status === '200') response.headers['cache-control'] = [{ value: 'max-age=60' }];
        callback(null, response);
      };`,
      settings: viewerResponse,
    },
    // A copy of the received response that keeps its status.
    {
      code: `exports.handler = async (event) => {
        const response = event.Records[0].cf.response;
        return { ...response, status: response.status, headers: { ...response.headers, 'x-edge': [{ value: '1' }] } };
      };`,
      settings: viewerResponse,
    },
    // The received status kept through a destructured constant.
    {
      code: `export const handler = async (event) => {
        const { response } = event.Records[0].cf;
        const { status, statusDescription } = response;
        const code = response.status;
        if (status === '200') return { status, statusDescription, headers: response.headers };
        return { ...response, status: code };
      };`,
      settings: viewerResponse,
    },
    // origin-response may change the status (the documented use).
    `// @lambda-edge-event origin-response
    exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      if (response.status >= '400') {
        response.status = '200';
        response.statusDescription = 'OK';
      }
      return response;
    };`,
    // Inferred only as "a response event": origin-response or viewer-response, so unknown here.
    `exports.handler = async (event) => {
      const response = event.Records[0].cf.response;
      response.status = '302';
      return response;
    };`,
    // A request trigger answering with a generated response.
    {
      code: `exports.handler = async (event) => ({ status: '403', statusDescription: 'Forbidden' });`,
      settings: { 'lambda-edge': { eventType: 'viewer-request' } },
    },
    // statusDescription alone: the guide only forbids changing the status code.
    {
      code: `exports.handler = async (event) => {
        const response = event.Records[0].cf.response;
        response.statusDescription = 'Fine';
        return response;
      };`,
      settings: viewerResponse,
    },
    // Multi-event handler: the status is changed only on the origin-response branch.
    {
      code: `exports.handler = async (event) => {
        const { config, response } = event.Records[0].cf;
        if (config.eventType === 'origin-response' && response.status === '404') response.status = '200';
        return response;
      };`,
      settings: { 'lambda-edge': { eventType: ['origin-response', 'viewer-response'] } },
    },
    // CloudFront Functions viewer-response may change the status code.
    `function handler(event) {
      var response = event.response;
      response.statusCode = 302;
      response.statusDescription = 'Found';
      response.headers.location = { value: 'https://example.com/' };
      return response;
    }`,
    // Express and Koa.
    `app.use((req, res, next) => { res.status = 404; next(); });`,
    `app.use(async (ctx) => { ctx.response.status = 201; });`,
    // API Gateway lambda.
    `exports.handler = async () => ({ statusCode: 301, headers: { Location: '/' } });`,
    // Object.assign of headers only.
    {
      code: `exports.handler = async (event) => {
        const response = event.Records[0].cf.response;
        Object.assign(response, { headers: { ...response.headers } });
        return response;
      };`,
      settings: viewerResponse,
    },
  ],
  invalid: [
    {
      // Assignment to the received response's status, type from the comment.
      code: `// @lambda-edge-event viewer-response
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  if (response.status === '403') {
    response.status = '200';
  }
  callback(null, response);
};`,
      errors: [{ messageId: 'statusChange', line: 5, column: 5, endLine: 5, endColumn: 20 }],
    },
    {
      // Computed key through a destructured alias, type from settings.
      code: `export const handler = async ({ Records }) => {
  const { response } = Records[0].cf;
  response['status'] = String(302);
  return response;
};`,
      settings: viewerResponse,
      errors: [{ messageId: 'statusChange', line: 3, column: 3 }],
    },
    {
      // A generated response returned from viewer-response.
      code: `// @lambda-edge-event viewer-response
export const handler = async (event) => {
  const { response } = event.Records[0].cf;
  if (response.headers['x-blocked']) {
    return { status: '451', statusDescription: 'Unavailable For Legal Reasons', body: 'Blocked' };
  }
  return response;
};`,
      errors: [{ messageId: 'generatedStatus', line: 5, column: 14, endLine: 5, endColumn: 27 }],
    },
    {
      // Spread copy of the received response with a new status.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  return { ...response, status: '200' };
};`,
      settings: viewerResponse,
      errors: [{ messageId: 'generatedStatus', line: 3, column: 25 }],
    },
    {
      // Status written on a generated response before it is handed back via a helper.
      code: `function notFound() {
  const res = { headers: {}, body: 'missing' };
  res.status = '404';
  return res;
}
exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  callback(null, response.headers['x-missing'] ? notFound() : response);
};`,
      settings: viewerResponse,
      errors: [{ messageId: 'generatedStatus', line: 3, column: 3 }],
    },
    {
      // Object.assign onto the received response.
      code: `exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  Object.assign(response, { status: '302', statusDescription: 'Found' });
  return response;
};`,
      settings: viewerResponse,
      errors: [{ messageId: 'statusChange', line: 3, column: 29 }],
    },
    {
      // TypeScript: typed response handler narrowed by an eventType check.
      code: `import type { CloudFrontResponseHandler } from 'aws-lambda';
export const handler: CloudFrontResponseHandler = async (event) => {
  const cf = event.Records[0].cf;
  if (cf.config.eventType === 'viewer-response') {
    cf.response.status = '503';
  }
  return cf.response;
};`,
      errors: [{ messageId: 'statusChange', line: 5, column: 5 }],
    },
    {
      // Numeric status is also a change (and no-numeric-status reports the number).
      code: `// @lambda-edge-event viewer-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.status = 200;
  return response;
};`,
      errors: [{ messageId: 'statusChange', line: 4, column: 3 }],
    },
  ],
});
