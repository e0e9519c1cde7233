// Pattern: a multi-target handler whose fallback skips the event mapper
// The not-found path returns the API Gateway shape for every event, CloudFront's included.
// expect: lambda-edge/valid-status 15

import type { APIGatewayProxyEventV2, CloudFrontRequestEvent } from 'aws-lambda';

declare function toCloudFront(code: number, body: string): { status: string; body: string };

export async function handler(event: APIGatewayProxyEventV2 | CloudFrontRequestEvent) {
  const isEdge = 'Records' in event;
  const path = isEdge ? event.Records[0].cf.request.uri : event.rawPath;
  if (path === '/') {
    return isEdge ? toCloudFront(200, 'home') : { statusCode: 200, body: 'home' };
  }
  return { statusCode: 404, body: 'Not found' };
}
