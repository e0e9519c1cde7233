// Pattern: a presence check by own property with the display-case name
// The method is never a header key, but the name it checks is: 'Authorization' is never there.
// expect: lambda-edge/lowercase-header-keys 9

// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const headers = request.headers;
  if (!Object.prototype.hasOwnProperty.call(headers, 'Authorization')) {
    return { status: '401', statusDescription: 'Unauthorized' };
  }
  return request;
};
