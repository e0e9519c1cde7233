// Pattern: an early bare return in an async handler
// The promise resolves to undefined on that path: CloudFront gets null (502).
// expect: lambda-edge/valid-handler-completion 8

// @lambda-edge-event viewer-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!request.headers.host) return;
  request.headers['x-forwarded-host'] = [{ key: 'X-Forwarded-Host', value: request.headers.host[0].value }];
  return request;
};
