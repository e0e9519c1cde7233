// Pattern: a regional API Gateway handler that builds a CloudFront-typed value
// It runs edge-style code for a router in a regional Lambda, which has environment variables.
// expect: none -- the exported handler is typed for API Gateway, so the file is not edge code

import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, CloudFrontResultResponse } from 'aws-lambda';

const debug = process.env.DEBUG === 'true';

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const answer: CloudFrontResultResponse = { status: '404', body: 'not found' };
  if (debug) console.log(event.rawPath);
  return { statusCode: Number(answer.status), body: answer.body };
};
