'use strict';
// An API Gateway lambda in the same repository: different event, different response shape.

exports.handler = async (event) => {
  const name = event.queryStringParameters?.name ?? process.env.DEFAULT_NAME;
  if (event.httpMethod === 'OPTIONS') {
    return { statusCode: 204, headers: { 'Access-Control-Allow-Origin': '*' }, body: '' };
  }
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': event.requestContext.requestId },
    body: JSON.stringify({ hello: name }),
  };
};
