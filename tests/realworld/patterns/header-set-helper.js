// Pattern: a setHeader(headers, name, value) helper called with display-case names
// Reported at the literal argument of the call that passes it; 'referrer-policy' is already lowercase.
// expect: lambda-edge/lowercase-header-keys 12

// @lambda-edge-event origin-response
function setHeader(headers, name, value) {
  headers[name] = [{ key: name, value }];
}

exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  setHeader(response.headers, 'X-Frame-Options', 'DENY');
  setHeader(response.headers, 'referrer-policy', 'same-origin');
  return response;
};
