// Pattern: reading a CloudFront-added header in viewer-request
// expect: lambda-edge/no-cloudfront-headers-in-viewer-request 7

// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const country = request.headers['cloudfront-viewer-country'];
  if (country && country[0].value === 'DE') request.uri = '/de' + request.uri;
  return request;
};
