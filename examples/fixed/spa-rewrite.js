'use strict';
// Origin-request: a single-page app, so paths without a file extension get index.html.
// @lambda-edge-event origin-request

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!/\.[a-z0-9]+$/i.test(request.uri)) {
    request.uri = '/index.html';
  }
  return request;
};
