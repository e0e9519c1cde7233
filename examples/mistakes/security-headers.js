'use strict';
// Origin-response: add security headers to every response from the S3 origin.
// @lambda-edge-event origin-response

exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  const headers = response.headers;

  headers['Strict-Transport-Security'] = [
    { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubdomains; preload' },
  ];
  headers['x-frame-options'] = 'DENY';
  headers['x-content-type-options'] = [{ key: 'X-Content-Type-Options', value: 'nosniff' }];

  // Minify HTML on the way out.
  if (headers['content-type'] && headers['content-type'][0].value.startsWith('text/html')) {
    response.body = response.body.replace(/\n\s+/g, '\n');
  }

  callback(null, response);
};
