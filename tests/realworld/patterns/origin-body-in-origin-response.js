// Pattern: reading the origin's body in origin-response
// expect: lambda-edge/no-origin-body-in-response-trigger 7

// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const text = response.body;
  response.headers['x-length'] = [{ key: 'X-Length', value: String((text || '').length) }];
  return response;
};
