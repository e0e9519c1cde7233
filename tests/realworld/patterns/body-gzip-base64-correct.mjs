// Pattern: a compressed body encoded as base64, the documented form for bytes
// expect: none -- gzipSync(...).toString('base64') with bodyEncoding 'base64'

import { gzipSync } from 'node:zlib';

// @lambda-edge-event origin-request
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const page = `<html><body>${request.uri}</body></html>`;
  return {
    status: '200',
    headers: { 'content-encoding': [{ key: 'Content-Encoding', value: 'gzip' }] },
    body: gzipSync(page).toString('base64'),
    bodyEncoding: 'base64',
  };
};
