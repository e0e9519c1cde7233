'use strict';
// Viewer-request: the docs site lives under /docs in the bucket; tracking parameters are
// dropped so the cache keeps one copy of each page.
// @lambda-edge-event viewer-request

const TRACKING = ['utm_source', 'utm_medium', 'utm_campaign', 'fbclid'];

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const params = new URLSearchParams(request.querystring);
  for (const name of TRACKING) params.delete(name);
  request.querystring = params.size > 0 ? '?' + params.toString() : '';
  request.uri = 'docs' + (request.uri.endsWith('/') ? request.uri + 'index.html' : request.uri);
  return request;
};
