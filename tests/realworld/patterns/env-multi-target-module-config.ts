// Pattern: a typed adapter that reads its API Gateway configuration once, at module scope
// The destructured names and the defaulted URL are read only on the API Gateway branch: at the
// edge they load undefined and no CloudFront path uses them. The module-scope origin is used on
// the CloudFront branch: a real finding.
// expect: lambda-edge/no-env-vars 11

import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, CloudFrontRequestEvent, CloudFrontRequest } from 'aws-lambda';

const { TABLE_NAME, STAGE = 'dev' } = process.env;
const upstream = process.env.UPSTREAM_URL ?? 'http://localhost:8080';
const edgeOrigin = process.env.EDGE_ORIGIN;

export async function handler(event: APIGatewayProxyEventV2 | CloudFrontRequestEvent): Promise<CloudFrontRequest | APIGatewayProxyResultV2> {
  if ('Records' in event) {
    const request = event.Records[0].cf.request;
    request.headers['x-origin'] = [{ key: 'X-Origin', value: String(edgeOrigin) }];
    return request;
  }
  const body = JSON.stringify({ table: TABLE_NAME, stage: STAGE, upstream, path: event.rawPath });
  return { statusCode: 200, body };
}
