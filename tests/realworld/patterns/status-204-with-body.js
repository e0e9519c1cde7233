// Pattern: a 204 with a body
// expect: lambda-edge/no-body-with-204 7

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'OPTIONS') {
    return { status: '204', statusDescription: 'No Content', body: 'ok' };
  }
  return request;
};
