// Pattern: process declared with a global comment
// expect: lambda-edge/no-env-vars 8
// (a known miss until the edge model followed declared globals)

/* global process */
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = (process.env.PREFIX || '') + request.uri;
  return request;
};
