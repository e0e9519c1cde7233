'use strict';
// Viewer-request: protect a staging site with HTTP basic auth.
// Credentials are written into config.json by the deploy script (no environment variables).

const { user, password } = require('./config.json');

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const expected = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

  const auth = request.headers.authorization;
  if (!auth || auth[0].value !== expected) {
    callback(null, {
      status: '401',
      statusDescription: 'Unauthorized',
      headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Basic' }] },
      body: 'Unauthorized',
    });
    return;
  }

  callback(null, request);
};
