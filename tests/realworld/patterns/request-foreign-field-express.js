// Pattern: Express habits on the Lambda@Edge request
// A trailing-slash rewrite written against `req.url`: the read is undefined and the write is
// lost, so CloudFront fetches the original URI.
// expect: lambda-edge/no-foreign-request-fields 9
// expect: lambda-edge/no-foreign-request-fields 9

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.url.endsWith('/')) request.url = `${request.uri}index.html`;
  callback(null, request);
};
