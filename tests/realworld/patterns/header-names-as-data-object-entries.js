// Pattern: header names as data, used as keys without lowercasing
// The usual security-headers shape: a table of display-case names copied into the map as they are.
// expect: none -- no correct finding in this file; see the known-* markers
// known-miss: header names as data (Object.entries of a literal table) -- lambda-edge/lowercase-header-keys 15

// @lambda-edge-event origin-response
const securityHeaders = {
  'Strict-Transport-Security': 'max-age=63072000',
  'X-Content-Type-Options': 'nosniff',
};

exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(securityHeaders)) {
    response.headers[name] = [{ key: name, value }];
  }
  return response;
};
