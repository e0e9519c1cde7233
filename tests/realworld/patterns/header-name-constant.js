// Pattern: a header name held in a constant
// Reported at the constant's literal (a suggestion: the constant is also the entry's `key`).
// expect: lambda-edge/lowercase-header-keys 6

// @lambda-edge-event origin-response
const HSTS = 'Strict-Transport-Security';

exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[HSTS] = [{ key: HSTS, value: 'max-age=63072000' }];
  return response;
};
