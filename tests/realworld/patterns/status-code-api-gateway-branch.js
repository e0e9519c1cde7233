// Pattern: one function behind API Gateway and CloudFront, switching on the event's fields
// expect: none -- statusCode is returned only where the event is the API Gateway one

exports.handler = async (event) => {
  if (event.requestContext) {
    return { statusCode: 200, body: JSON.stringify({ path: event.rawPath }) };
  }
  const isEdge = Array.isArray(event.Records) && event.Records[0].cf !== undefined;
  if (!isEdge) return { statusCode: 400, body: 'unknown event' };
  const request = event.Records[0].cf.request;
  return { status: '200', body: request.uri };
};
