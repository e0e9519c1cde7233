// Pattern: a table of plain-string header values copied into the map as they are
// Shape seen in security-header functions ported from API Gateway or Express: the names are
// lowercased correctly, but each value is a string, not [{ key, value }] (a 502 at validation).
// expect: lambda-edge/valid-header-shape 16

// @lambda-edge-event origin-response
const policy = {
  'Content-Security-Policy': "default-src 'self'",
  'Referrer-Policy': 'no-referrer',
};

exports.handler = async (event) => {
  const { response } = event.Records[0].cf;
  const headers = response.headers;
  for (const [name, value] of Object.entries(policy)) {
    headers[name.toLowerCase()] = value;
  }
  return response;
};
