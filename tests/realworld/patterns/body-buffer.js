// Pattern: a Buffer handed back as the body
// The body must be a string; a Buffer is serialised as an object and CloudFront rejects it.
// expect: lambda-edge/valid-body-encoding 10

// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const image = Buffer.from('fake image bytes');
  response.status = '200';
  response.body = image;
  response.bodyEncoding = 'base64';
  return response;
};
