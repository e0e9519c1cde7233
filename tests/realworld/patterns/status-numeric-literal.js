// Pattern: a numeric status in a generated response
// expect: lambda-edge/no-numeric-status 7

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/old') {
    return { status: 301, statusDescription: 'Moved Permanently', headers: { location: [{ key: 'Location', value: '/new' }] } };
  }
  return request;
};
