// Pattern: statusCode assigned on the response CloudFront passes in (serverless-next.js#156)
// The origin's status stays: CloudFront reads `status`.
// expect: lambda-edge/valid-status 9

// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const { response } = event.Records[0].cf;
  if (response.status === '403') {
    response.statusCode = 404;
    response.statusDescription = 'Not Found';
  }
  return response;
};
