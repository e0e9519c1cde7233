// Pattern: a method called on the header map is not a header key
// Shape seen in a test suite of an auth-at-edge project: checking presence with hasOwnProperty.
// expect: none -- no correct finding in this file; see the known-* markers
// known-false: method called on a header map read as a header key -- lambda-edge/lowercase-header-keys 10

// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const headers = request.headers;
  if (headers.hasOwnProperty('authorization')) {
    return request;
  }
  return { status: '401', statusDescription: 'Unauthorized' };
};
