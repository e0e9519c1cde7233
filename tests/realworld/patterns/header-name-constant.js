// Pattern: a header name held in a constant
// expect: none -- no correct finding in this file; see the known-* markers
// known-miss: header names as data (a constant) -- lambda-edge/lowercase-header-keys 10

// @lambda-edge-event origin-response
const HSTS = 'Strict-Transport-Security';

exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers[HSTS] = [{ key: HSTS, value: 'max-age=63072000' }];
  return response;
};
