// Pattern: a method called on the header map is not a header key
// Shape seen in a test suite of an auth-at-edge project: checking presence with hasOwnProperty.
// expect: none -- hasOwnProperty is a method of the map, not a header name

// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const headers = request.headers;
  if (headers.hasOwnProperty('authorization')) {
    return request;
  }
  return { status: '401', statusDescription: 'Unauthorized' };
};
