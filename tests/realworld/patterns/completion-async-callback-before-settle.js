// Pattern: an async handler that calls callback before its promise settles
// On the nodejs runtimes that still take callbacks, the first call wins, so CloudFront gets the
// response handed to callback.
// expect: none -- the callback in the handler's own body comes before the promise settles

// @lambda-edge-event origin-response
exports.handler = async (event, context, callback) => {
  const response = event.Records[0].cf.response;
  if (response.status !== '200') {
    callback(null, response);
    return;
  }
  response.headers['x-checked'] = [{ key: 'X-Checked', value: '1' }];
  callback(null, response);
};
