import rule from '../../rules/no-cloudfront-headers-in-viewer-request.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-cloudfront-headers-in-viewer-request', rule, {
  valid: [
    // Names lowercased as they become keys, read where CloudFront has added them.
    `// @lambda-edge-event origin-request
    const GEO = ['CloudFront-Viewer-Country', 'CloudFront-Viewer-City'];
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      for (const name of GEO) if (request.headers[name.toLowerCase()]) request.uri += '/' + name;
      return request;
    };`,
    // origin-request: the headers are there when a policy adds them.
    `// @lambda-edge-event origin-request
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const country = request.headers['cloudfront-viewer-country'];
      if (country && country[0].value === 'DE') request.uri = '/de' + request.uri;
      return request;
    };`,
    // origin-response can read them from the request too.
    {
      code: `exports.handler = async (event) => {
        const { request, response } = event.Records[0].cf;
        if (request.headers['cloudfront-is-mobile-viewer']?.[0].value === 'true') response.headers.vary = [{ value: 'User-Agent' }];
        return response;
      };`,
      settings: { 'lambda-edge': { eventType: 'origin-response' } },
    },
    // Unknown event type: never reported.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      const mobile = request.headers['cloudfront-is-mobile-viewer'];
      return { status: '200', body: mobile ? 'm' : 'd' };
    };`,
    // Mixed request events: the header is present in origin-request.
    `exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (request.headers['cloudfront-forwarded-proto']?.[0].value === 'http') request.uri = '/insecure';
      return request;
    };`,
    // A viewer-request handler that narrows to origin-request before reading.
    `// @lambda-edge-event viewer-request origin-request
    exports.handler = async (event) => {
      const { config, request } = event.Records[0].cf;
      if (config.eventType === 'origin-request') {
        const { 'cloudfront-viewer-city': city } = request.headers;
        if (city) request.headers['x-city'] = [{ value: city[0].value }];
      }
      return request;
    };`,
    // Other headers, and deleting a spoofed CloudFront header in viewer-request.
    `// @lambda-edge-event viewer-request
    exports.handler = (event, context, callback) => {
      const request = event.Records[0].cf.request;
      delete request.headers['cloudfront-viewer-country'];
      const ua = request.headers['user-agent'];
      const geo = request.headers['x-viewer-country'];
      callback(null, request);
    };`,
    // CloudFront Functions: headers come from their own event shape.
    `function handler(event) {
      var country = event.request.headers['cloudfront-viewer-country'];
      return country ? event.request : { statusCode: 403 };
    }`,
    // API Gateway / Express reading a forwarded CloudFront header.
    `exports.handler = async (event) => ({ statusCode: 200, body: event.headers['cloudfront-viewer-country'] });`,
    `app.get('/', (req, res) => res.send(req.headers['cloudfront-viewer-country']));`,
    // A test double.
    `const event = { Records: [{ cf: { config: { eventType: 'viewer-request' }, request: { headers: { 'cloudfront-viewer-country': [{ value: 'US' }] } } } }] };
     it('routes', () => handler(event));`,
    // The same constant read in origin-request, where a policy adds the header.
    `// @lambda-edge-event origin-request
    const COUNTRY = 'cloudfront-viewer-country';
    exports.handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (request.headers[COUNTRY]) request.uri = '/geo' + request.uri;
      return request;
    };`,
  ],
  invalid: [
    {
      // Names held in a list or a constant and lowercased as they become keys: each read in
      // viewer-request is reported once, at the literal that spells it.
      code: `// @lambda-edge-event viewer-request
const GEO = ['CloudFront-Viewer-Country', 'X-Forwarded-For'];
const MOBILE = 'CloudFront-Is-Mobile-Viewer';
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  for (const name of GEO) {
    const header = request.headers[name.toLowerCase()];
    if (header) request.querystring += '&' + name + '=' + header[0].value;
  }
  if (request.headers[MOBILE.toLowerCase()] && MOBILE.toLowerCase() in request.headers) request.uri = '/m' + request.uri;
  return request;
};`,
      errors: [
        { messageId: 'notInViewerRequest', data: { name: 'CloudFront-Viewer-Country' }, line: 2, column: 14, endColumn: 41 },
        { messageId: 'notInViewerRequest', data: { name: 'CloudFront-Is-Mobile-Viewer' }, line: 3, column: 16 },
      ],
    },
    {
      // Geo redirect written for viewer-request (comment).
      code: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const headers = request.headers;
  const country = headers['cloudfront-viewer-country'] && headers['cloudfront-viewer-country'][0].value;
  if (country === 'FR') {
    return { status: '302', headers: { location: [{ value: '/fr' + request.uri }] } };
  }
  return request;
};`,
      errors: [
        { messageId: 'notInViewerRequest', data: { name: 'cloudfront-viewer-country' }, line: 5, column: 27, endColumn: 54 },
        { messageId: 'notInViewerRequest', data: { name: 'cloudfront-viewer-country' }, line: 5, column: 67 },
      ],
    },
    {
      // Device detection via 'in', destructuring and mixed case, event type from settings.
      code: `export const handler = async (event) => {
  const { request } = event.Records[0].cf;
  const { 'cloudfront-is-mobile-viewer': mobile, 'cloudfront-is-tablet-viewer': tablet } = request.headers;
  if ('cloudfront-forwarded-proto' in request.headers) console.log('proto');
  const tz = request.headers['CloudFront-Viewer-Time-Zone'];
  request.uri = (mobile || tablet ? '/m' : '/d') + request.uri;
  return request;
};`,
      settings: { 'lambda-edge': { eventType: 'viewer-request' } },
      errors: [
        { messageId: 'notInViewerRequest', data: { name: 'cloudfront-is-mobile-viewer' }, line: 3, column: 11 },
        { messageId: 'notInViewerRequest', data: { name: 'cloudfront-is-tablet-viewer' }, line: 3, column: 50 },
        { messageId: 'notInViewerRequest', data: { name: 'cloudfront-forwarded-proto' }, line: 4, column: 7 },
        { messageId: 'notInViewerRequest', data: { name: 'CloudFront-Viewer-Time-Zone' }, line: 5, column: 30 },
      ],
    },
    {
      // Narrowed by an eventType check in a handler attached to several events; callback style.
      code: `exports.handler = (event, context, callback) => {
  const cf = event.Records[0].cf;
  switch (cf.config.eventType) {
    case 'viewer-request': {
      const asn = cf.request.headers['cloudfront-viewer-asn'];
      if (asn) cf.request.headers['x-asn'] = asn;
      break;
    }
    default:
      break;
  }
  callback(null, cf.request);
};`,
      errors: [{ messageId: 'notInViewerRequest', data: { name: 'cloudfront-viewer-asn' }, line: 5, column: 38 }],
    },
    {
      // TypeScript, a helper that receives the request headers.
      code: `import type { CloudFrontHeaders, CloudFrontRequestHandler } from 'aws-lambda';
function isMobile(headers: CloudFrontHeaders): boolean {
  return headers['cloudfront-is-mobile-viewer']?.[0]?.value === 'true';
}
/** @lambda-edge-event viewer-request */
export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  if (isMobile(request.headers)) request.uri = '/m' + request.uri;
  return request;
};`,
      errors: [{ messageId: 'notInViewerRequest', data: { name: 'cloudfront-is-mobile-viewer' }, line: 3, column: 18 }],
    },
    {
      // A header name held in a constant (issue 13): reported once, at the literal, for both reads.
      code: `// @lambda-edge-event viewer-request
const COUNTRY = 'cloudfront-viewer-country';
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.headers[COUNTRY] && request.headers[COUNTRY][0].value === 'DE') request.uri = '/de' + request.uri;
  return request;
};`,
      errors: [{ messageId: 'notInViewerRequest', data: { name: 'cloudfront-viewer-country' }, line: 2, column: 17 }],
    },
    {
      // A presence check with hasOwnProperty, called through Object.prototype.
      code: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (Object.prototype.hasOwnProperty.call(request.headers, 'cloudfront-viewer-country')) request.uri = '/geo';
  return request;
};`,
      errors: [{ messageId: 'notInViewerRequest', data: { name: 'cloudfront-viewer-country' }, line: 4, column: 61 }],
    },
  ],
});
