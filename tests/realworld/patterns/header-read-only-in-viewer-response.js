// Pattern: removing a read-only header in a viewer-response trigger
// expect: lambda-edge/prefer-cacheable-event 6
// expect: lambda-edge/no-disallowed-headers 8

// @lambda-edge-event viewer-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  delete response.headers['content-length'];
  return response;
};
