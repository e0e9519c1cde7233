// Pattern: an async handler that can fall off the end
// Without a return on the second path the promise resolves to undefined: CloudFront gets null.
// expect: lambda-edge/valid-handler-completion 5

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/api')) {
    return request;
  }
  request.uri = '/index.html';
};
