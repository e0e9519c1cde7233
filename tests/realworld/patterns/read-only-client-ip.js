// Pattern: overwriting clientIp
// expect: lambda-edge/no-read-only-request-fields 6

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.clientIp = '203.0.113.1';
  return request;
};
