// Pattern: a multi-target handler whose fallback skips the event mapper
// The not-found path returns the API Gateway shape for every event, CloudFront's included.
// expect: none -- no correct finding in this file; see the known-* markers
// known-miss: statusCode on a Lambda@Edge response (multi-target fallback) -- lambda-edge/valid-status 16

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
