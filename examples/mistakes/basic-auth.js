'use strict';
// Viewer-request: protect a staging site with HTTP basic auth.

const USER = process.env.STAGING_USER;
const PASS = process.env.STAGING_PASSWORD;

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const expected = 'Basic ' + Buffer.from(`${USER}:${PASS}`).toString('base64');

  const auth = request.headers['Authorization'];
  if (!auth || auth[0].value !== expected) {
    callback(null, {
      status: '401',
      statusDescription: 'Unauthorized',
      headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Basic' }] },
      body: 'Unauthorized',
    });
  }

  callback(null, request);
};
