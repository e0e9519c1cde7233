// Pattern: statusCode written on a Lambda@Edge response
// The API Gateway field: CloudFront ignores it and every route returns 200.
// expect: lambda-edge/valid-status 8

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.authorization) {
    return { statusCode: 401, headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Basic' }] } };
  }
  return request;
};
