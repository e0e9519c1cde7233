// Pattern: header names as data, lowercased on the way in
// expect: none -- the loop lowercases every name before it becomes a key, which is what CloudFront wants

// @lambda-edge-event origin-response
const securityHeaders = {
  'Strict-Transport-Security': 'max-age=63072000',
  'X-Content-Type-Options': 'nosniff',
};

exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(securityHeaders)) {
    response.headers[name.toLowerCase()] = [{ key: name, value }];
  }
  return response;
};
