// Pattern: a multi-target adapter that hands the environment to its framework
// One handler serves API Gateway and CloudFront; the environment object is merely empty of user
// variables at the edge, and a user of the library cannot change it.
// expect: none -- no correct finding in this file; see the known-* markers

import type { APIGatewayProxyEventV2, CloudFrontRequestEvent } from 'aws-lambda';

declare const app: { init(options: { env: Record<string, string | undefined> }): Promise<void>; run(path: string): Promise<string> };
await app.init({ env: process.env });

export async function handler(event: APIGatewayProxyEventV2 | CloudFrontRequestEvent) {
  const path = 'Records' in event ? event.Records[0].cf.request.uri : event.rawPath;
  const html = await app.run(path);
  if ('Records' in event) return { status: '200', body: html };
  return { statusCode: 200, body: html };
}
