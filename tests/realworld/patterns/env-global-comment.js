// Pattern: process declared with a global comment
// expect: none -- no correct finding in this file; see the known-* markers
// known-miss: declared global (/* global */ comment) hides process -- lambda-edge/no-env-vars 8

/* global process */
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = (process.env.PREFIX || '') + request.uri;
  return request;
};
