// Pattern: an async handler that calls callback before its promise settles
// On the nodejs runtimes that still take callbacks, the first call wins, so CloudFront gets the
// response handed to callback; the plugin's message says it gets undefined.
// expect: none -- no correct finding in this file; see the known-* markers
// known-false: async handler calling callback before its promise settles (runtime: first call wins) -- lambda-edge/valid-handler-completion 12
// known-false: async handler calling callback before its promise settles (runtime: first call wins) -- lambda-edge/valid-handler-completion 16

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
