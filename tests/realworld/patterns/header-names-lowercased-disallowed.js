// Pattern: a table of extra headers copied in with the name lowercased on the way in, where the
// table also holds names CloudFront rejects (a debug header, a hop-by-hop header)
// expect: lambda-edge/no-disallowed-headers 9
// expect: lambda-edge/no-disallowed-headers 10

// @lambda-edge-event origin-response
const EXTRA_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Cache': 'edge',
  'Transfer-Encoding': 'chunked',
};

exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  Object.entries(EXTRA_HEADERS).forEach(([name, value]) => {
    response.headers[name.toLowerCase()] = [{ key: name, value }];
  });
  return response;
};
