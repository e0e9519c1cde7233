'use strict';
// Origin-request: a single-page app, so paths without a file extension get index.html.
// @lambda-edge-event origin-request

exports.handler = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  try {
    if (!/\.[a-z0-9]+$/i.test(request.url)) {
      request.url = '/index.html';
    }
    callback(null, request);
  } catch (err) {
    console.error('rewrite failed', err);
  }
};
