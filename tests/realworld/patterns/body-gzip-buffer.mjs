// Pattern: a compressed body handed back as the Buffer zlib returns
// expect: lambda-edge/valid-body-encoding 13

import { gzipSync } from 'node:zlib';

// @lambda-edge-event origin-request
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const page = `<html><body>${request.uri}</body></html>`;
  return {
    status: '200',
    headers: { 'content-encoding': [{ key: 'Content-Encoding', value: 'gzip' }] },
    body: gzipSync(page),
    bodyEncoding: 'base64',
  };
};
