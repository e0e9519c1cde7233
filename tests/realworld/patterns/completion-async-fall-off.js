// Pattern: an async handler that can fall off the end
// Without a return on the second path the promise resolves to undefined: CloudFront gets null.
// expect: none -- no correct finding in this file; see the known-* markers
// known-miss: async handler falling off the end -- lambda-edge/valid-handler-completion 11

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/api')) {
    return request;
  }
  request.uri = '/index.html';
};
