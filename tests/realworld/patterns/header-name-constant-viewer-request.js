// Pattern: a CloudFront-added header read through a constant in viewer-request
// expect: lambda-edge/no-cloudfront-headers-in-viewer-request 5

// @lambda-edge-event viewer-request
const DEVICE_HEADER = 'cloudfront-is-mobile-viewer';

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const device = request.headers[DEVICE_HEADER];
  if (device && device[0].value === 'true') request.uri = `/m${request.uri}`;
  return request;
};
