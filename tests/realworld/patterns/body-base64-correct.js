// Pattern: a resized image returned as base64
// expect: none -- base64 text with bodyEncoding 'base64' is the documented form

// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const bytes = Buffer.from('resized bytes');
  response.status = '200';
  response.body = bytes.toString('base64');
  response.bodyEncoding = 'base64';
  return response;
};
