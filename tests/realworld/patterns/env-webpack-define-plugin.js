// Pattern: webpack DefinePlugin's nested 'process.env' object replaces a name; another is not
// The project's webpack.config.js (tests/fixtures/pattern-projects/) defines ORIGIN_HOST only,
// so CACHE_TTL is still read from an environment the edge does not have.
// expect: lambda-edge/no-env-vars 9

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.origin.custom.domainName = process.env.ORIGIN_HOST;
  const ttl = process.env.CACHE_TTL;
  request.headers['x-ttl'] = [{ key: 'X-Ttl', value: String(ttl) }];
  return request;
};
