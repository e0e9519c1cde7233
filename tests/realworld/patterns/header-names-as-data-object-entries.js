// Pattern: header names as data, used as keys without lowercasing
// The usual security-headers shape: a table of display-case names copied into the map as they are.
// Reported at the table's keys, where the user fixes the names (a suggestion: they are also the entries' `key`).
// expect: lambda-edge/lowercase-header-keys 9
// expect: lambda-edge/lowercase-header-keys 10

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
