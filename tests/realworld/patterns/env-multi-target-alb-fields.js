// Pattern: one function behind an ALB, API Gateway and CloudFront, told apart by the ALB/API fields
// `httpMethod || requestContext` and `queryStringParameters` are fields no CloudFront event has;
// their branches are the other targets' code. The read on the CloudFront path is a real finding.
// expect: lambda-edge/no-env-vars 15

exports.handler = async (event) => {
  if (event.httpMethod || event.requestContext) {
    const origin = process.env.API_ORIGIN;
    return { statusCode: 200, body: JSON.stringify({ origin, query: event.queryStringParameters }) };
  }
  const fromEdge = Boolean(event.Records);
  if (!fromEdge) return { statusCode: 400, body: process.env.UNKNOWN_EVENT_MESSAGE };
  const request = event.Records[0].cf.request;
  if (request.uri === '/') request.uri = '/index.html';
  request.headers['x-origin'] = [{ key: 'X-Origin', value: process.env.EDGE_ORIGIN }];
  return request;
};
