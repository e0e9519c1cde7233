import rule from '../../rules/valid-origin.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const LONG_HOST = 'a'.repeat(250) + '.com';
const LONG_BUCKET = 'b'.repeat(120) + '.s3.amazonaws.com';

ruleTester.run('valid-origin', rule, {
  valid: [
    // The AWS example: switch to a custom origin in origin-request.
    `// @lambda-edge-event origin-request
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.headers['cloudfront-viewer-country'][0].value === 'DE') {
    request.origin = {
      custom: {
        domainName: 'eu.example.com',
        port: 443,
        protocol: 'https',
        path: '',
        sslProtocols: ['TLSv1.2'],
        readTimeout: 5,
        keepaliveTimeout: 5,
        customHeaders: {},
      },
    };
    request.headers.host = [{ key: 'host', value: 'eu.example.com' }];
  }
  callback(null, request);
};`,
    // An S3 origin without OAI, and one with OAI; an origin path; the edges of every range.
    `// @lambda-edge-event origin-request
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/static/')) {
    request.origin = { s3: { domainName: 'assets-eu.s3.eu-west-1.amazonaws.com', region: 'eu-west-1', authMethod: 'none', path: '', customHeaders: {} } };
  } else if (request.uri.startsWith('/private/')) {
    request.origin = { s3: { domainName: 'private.s3.amazonaws.com', region: 'us-east-1', authMethod: 'origin-access-identity', path: '/v2/files' } };
  } else {
    request.origin.custom.port = request.uri === '/a' ? 80 : request.uri === '/b' ? 1024 : 65535;
    request.origin.custom.readTimeout = request.uri === '/c' ? 4 : 60;
    request.origin.custom.keepaliveTimeout = 1;
    request.origin.custom.path = '/v1';
    request.origin.custom.protocol = 'http';
    request.origin.custom.sslProtocols = ['TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'];
  }
  return request;
};`,
    // Values that are not statically known: taken from the request, a helper or a parameter.
    `// @lambda-edge-event origin-request
const pick = (country) => country === 'DE' ? 'eu.example.com' : 'us.example.com';
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const country = request.headers['cloudfront-viewer-country'][0].value;
  request.origin.custom.domainName = pick(country);
  request.origin.custom.port = Number(request.headers['x-port'][0].value);
  request.origin.custom.path = request.headers['x-prefix'][0].value;
  request.origin = makeOrigin(country);
  return request;
};`,
    // Spreads: the kind may come from the spread object, a later spread may replace a field.
    `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const base = request.origin;
  if (request.uri === '/a') request.origin = { ...base };
  if (request.uri === '/b') request.origin = { ...base, custom: { ...base.custom, domainName: 'b.example.com' } };
  if (request.uri === '/c') request.origin = { custom: { port: 1, ...overrides } };
  return request;
};`,
    // Not Lambda@Edge: fetch options, an SDK-style config, a test fixture in a plain file.
    `const res = await fetch('https://api.example.com', { protocol: 'ftp', port: 21, path: 'x/' });
const origin = { custom: { domainName: 'http://localhost:3000', port: 3000 }, s3: {} };
server.origin = { domainName: '', path: 'a/' };`,
    // A Lambda@Edge file with unrelated objects that have the same field names.
    `// @lambda-edge-event origin-request
const upstream = { domainName: 'https://api.example.com:8443', port: 22, protocol: 'ftp', readTimeout: 600 };
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  await fetch(upstream.domainName, { keepaliveTimeout: 0 });
  return request;
};`,
    // CloudFront Functions change the origin with cf.updateRequestOrigin(), not request.origin.
    `import cf from 'cloudfront';
// CloudFront Function, viewer-request
function handler(event) {
  var request = event.request;
  cf.updateRequestOrigin({ domainName: 'api.example.com', originAccessControlConfig: { enabled: true, signingBehavior: 'always', signingProtocol: 'sigv4', originType: 's3' } });
  return request;
}`,
    // Only origin-request is checked: an origin-response handler is left alone.
    `// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  request.origin.custom.port = 22;
  return response;
};`,
    // A handler for several events that narrows to origin-request.
    `// @lambda-edge-event viewer-request, origin-request
exports.handler = async (event) => {
  const { config, request } = event.Records[0].cf;
  if (config.eventType === 'origin-request') {
    request.origin = { custom: { domainName: 'eu.example.com', port: 443, protocol: 'https', path: '/api' } };
  }
  return request;
};`,
    // Reads, custom headers, and the fields of an origin that is only read.
    `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const { domainName } = request.origin.custom;
  request.origin.custom.customHeaders['x-origin-verify'] = [{ key: 'X-Origin-Verify', value: 'secret' }];
  console.log(domainName, request.origin.custom.path);
  return request;
};`,
  ],
  invalid: [
    {
      // Both kinds, and neither.
      code: `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') request.origin = { custom: { domainName: 'a.example.com' }, s3: { domainName: 'a.s3.amazonaws.com' } };
  else request.origin = { domainName: 'b.example.com', port: 443, protocol: 'https' };
  return request;
};`,
      errors: [
        { messageId: 'bothOriginKinds', line: 4, column: 89, endColumn: 91 },
        { messageId: 'noOriginKind', line: 5, column: 25, endColumn: 86 },
      ],
    },
    {
      // A URL, a host with a port, IPv4 and IPv6 addresses, an empty name; with no event comment
      // (a handler that returns the request and writes request.origin is an origin-request one).
      code: `exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  switch (request.uri) {
    case '/a': request.origin.custom.domainName = 'https://api.example.com/v1'; break;
    case '/b': request.origin.custom.domainName = 'api.example.com:8443'; break;
    case '/c': request.origin.custom.domainName = '203.0.113.10'; break;
    case '/d': request.origin.custom.domainName = '[2001:db8::1]'; break;
    case '/e': request.origin.custom.domainName = \`\`; break;
    case '/f': request.origin.custom.domainName = 'api:443:x'; break;
  }
  callback(null, request);
};`,
      errors: [
        { messageId: 'domainNameNotHost', data: { value: "'https://api.example.com/v1'", host: 'api.example.com' }, line: 4, column: 51 },
        { messageId: 'domainNameNotHost', data: { value: "'api.example.com:8443'", host: 'api.example.com' }, line: 5, column: 51 },
        { messageId: 'domainNameIp', data: { value: "'203.0.113.10'" }, line: 6, column: 51 },
        { messageId: 'domainNameIp', data: { value: "'[2001:db8::1]'" }, line: 7, column: 51 },
        { messageId: 'domainNameEmpty', data: { example: "'api.example.com'" }, line: 8, column: 51 },
        { messageId: 'domainNameColon', data: { value: "'api:443:x'" }, line: 9, column: 51 },
      ],
    },
    {
      // Too long for a custom origin (253) and for an S3 origin (128).
      code: `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/a') request.origin.custom.domainName = '${LONG_HOST}';
  else request.origin.s3.domainName = '${LONG_BUCKET}';
  return request;
};`,
      errors: [
        { messageId: 'domainNameTooLong', data: { length: 254, kind: 'a custom', max: 253 }, line: 4, column: 64 },
        { messageId: 'domainNameTooLong', data: { length: 137, kind: 'an S3', max: 128 }, line: 5, column: 39 },
      ],
    },
    {
      // Every custom field out of range, in the replaced origin.
      code: `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.origin = {
    custom: {
      domainName: 'eu.example.com',
      port: 8,
      protocol: 'HTTPS',
      path: 'api/',
      sslProtocols: ['TLSv1.2', 'TLSv1.3', 'tls1.1'],
      readTimeout: 90,
      keepaliveTimeout: 0,
    },
  };
  return request;
};`,
      errors: [
        { messageId: 'portInvalid', data: { value: '8' }, line: 7, column: 13 },
        { messageId: 'protocolInvalid', data: { value: "'HTTPS'", fixed: "'https'" }, line: 8, column: 17 },
        { messageId: 'pathInvalid', data: { value: "'api/'", problem: 'does not start with `/` and ends with `/`', fixed: "'/api'" }, line: 9, column: 13 },
        { messageId: 'sslProtocolInvalid', data: { value: "'TLSv1.3'", fixed: "'TLSv1.2'" }, line: 10, column: 33 },
        { messageId: 'sslProtocolInvalid', data: { value: "'tls1.1'", fixed: "'TLSv1.1'" }, line: 10, column: 44 },
        { messageId: 'timeoutInvalid', data: { name: 'readTimeout', value: '90', min: 4 }, line: 11, column: 20 },
        { messageId: 'timeoutInvalid', data: { name: 'keepaliveTimeout', value: '0', min: 1 }, line: 12, column: 25 },
      ],
    },
    {
      // Field by field; a const and one branch of a conditional are statically known.
      code: `// @lambda-edge-event origin-request
const SSH = 22;
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const secure = request.headers['x-secure'] !== undefined;
  request.origin.custom.port = SSH;
  request.origin.custom.port = secure ? 443 : 1023;
  request.origin.custom.protocol = 'https://';
  request.origin.custom.protocol = 'tcp';
  request.origin.custom.readTimeout = 3;
  request.origin.custom.path = '/';
  request.origin.custom.path = '/v1/';
  return request;
};`,
      errors: [
        { messageId: 'portInvalid', data: { value: '22' }, line: 6, column: 32 },
        { messageId: 'portInvalid', data: { value: '1023' }, line: 7, column: 47 },
        { messageId: 'protocolInvalid', data: { value: "'https://'", fixed: "'https'" }, line: 8, column: 36 },
        { messageId: 'protocolInvalid', data: { value: "'tcp'", fixed: "'http' or 'https'" }, line: 9, column: 36 },
        { messageId: 'timeoutInvalid', data: { name: 'readTimeout', value: '3', min: 4 }, line: 10, column: 39 },
        { messageId: 'pathInvalid', data: { value: "'/'", problem: 'ends with `/`', fixed: "''" }, line: 11, column: 32 },
        { messageId: 'pathInvalid', data: { value: "'/v1/'", problem: 'ends with `/`', fixed: "'/v1'" }, line: 12, column: 32 },
      ],
    },
    {
      // An S3 origin: uppercase bucket name, origin access control, a path without the slash.
      code: `// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.origin = {
    s3: { domainName: 'My-Bucket.s3.amazonaws.com', region: 'us-east-1', authMethod: 'origin-access-control', path: 'images' },
  };
  return request;
};`,
      errors: [
        { messageId: 's3DomainNameUppercase', data: { value: "'My-Bucket.s3.amazonaws.com'", lower: "'my-bucket.s3.amazonaws.com'" }, line: 5, column: 23 },
        { messageId: 'authMethodInvalid', data: { value: "'origin-access-control'" }, line: 5, column: 86 },
        { messageId: 'pathInvalid', data: { value: "'images'", problem: 'does not start with `/`', fixed: "'/images'" }, line: 5, column: 117 },
      ],
    },
    {
      // Through a const holding the origin, a replaced `custom`, a destructured alias and `s3`.
      code: `// @lambda-edge-event origin-request
const EU = { custom: { domainName: 'eu.example.com', path: '/v1/' } };
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const { custom } = request.origin;
  if (request.uri === '/eu') request.origin = EU;
  if (request.uri === '/us') request.origin.custom = { domainName: 'http://us.example.com', port: 443 };
  if (request.uri === '/x') custom.port = 81;
  if (request.uri === '/s3') request.origin.s3.domainName = '';
  return request;
};`,
      errors: [
        { messageId: 'pathInvalid', data: { value: "'/v1/'", problem: 'ends with `/`', fixed: "'/v1'" }, line: 2, column: 60 },
        { messageId: 'domainNameNotHost', data: { value: "'http://us.example.com'", host: 'us.example.com' }, line: 7, column: 68 },
        { messageId: 'portInvalid', data: { value: '81' }, line: 8, column: 43 },
        { messageId: 'domainNameEmpty', data: { example: "'my-bucket.s3.amazonaws.com'" }, line: 9, column: 61 },
      ],
    },
    {
      // TypeScript wrappers and a handler narrowed to origin-request.
      code: `import type { CloudFrontRequestHandler } from 'aws-lambda';
// @lambda-edge-event viewer-request, origin-request
export const handler: CloudFrontRequestHandler = async (event) => {
  const { config, request } = event.Records[0].cf;
  if (config.eventType === 'origin-request') {
    request.origin = { custom: { domainName: 'eu.example.com', port: 70 as number } } as typeof request.origin;
  }
  return request;
};`,
      errors: [{ messageId: 'portInvalid', data: { value: '70' }, line: 6, column: 70 }],
    },
    {
      // request.origin does not exist in viewer events.
      code: `// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.origin = { custom: { domainName: 'eu.example.com' } };
  request.origin.custom.port = 22;
  return request;
};`,
      errors: [
        { messageId: 'originOutsideOriginRequest', data: { event: 'viewer-request' }, line: 4, column: 3, endColumn: 17 },
        { messageId: 'originOutsideOriginRequest', data: { event: 'viewer-request' }, line: 5, column: 3, endColumn: 29 },
      ],
    },
  ],
});
