// Pattern: an async CloudFront Function (runtime 2.0) that reads a KeyValueStore
// expect: none -- a CloudFront Function, not Lambda@Edge: event.request, no Records[0].cf, no callback

import cf from 'cloudfront';

const store = cf.kvs('__STORE_ID__');

async function prefixFor() {
  try {
    return await store.get('prefix');
  } catch (err) {
    return '';
  }
}

async function handler(event) {
  var request = event.request;
  var prefix = await prefixFor();
  request.uri = '/' + prefix + (request.uri.endsWith('/') ? request.uri + 'index.html' : request.uri);
  return request;
}
