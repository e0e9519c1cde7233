// Viewer-request: answer every request with a maintenance page while the flag is on.
// @lambda-edge-event viewer-request
// The flag is compiled in at build time: Lambda@Edge has no environment variables.
import type { CloudFrontRequestHandler, CloudFrontResultResponse } from 'aws-lambda';

const MAINTENANCE = false;
const page = `<!doctype html><html><body><h1>Back soon</h1><p>We are upgrading.</p></body></html>`;

const maintenance: CloudFrontResultResponse = {
  status: '503',
  statusDescription: 'Service Unavailable',
  headers: {
    'content-type': [{ key: 'Content-Type', value: 'text/html; charset=utf-8' }],
    'retry-after': [{ key: 'Retry-After', value: '120' }],
  },
  bodyEncoding: 'text',
  body: page,
};

export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  if (MAINTENANCE) {
    return maintenance;
  }
  if (request.method === 'OPTIONS') {
    return { status: '204', headers: { allow: [{ key: 'Allow', value: 'GET, HEAD' }] } };
  }
  return request;
};
