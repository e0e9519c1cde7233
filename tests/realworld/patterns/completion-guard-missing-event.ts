// Pattern: an async handler that guards against an event without a CloudFront request
// CloudFront always sends Records[0].cf.request, so the bare `return` never runs at the edge.
// expect: none -- the guard path is dead at the edge; every live path returns a value

import type { CloudFrontRequestEvent, CloudFrontRequestResult } from 'aws-lambda';

export const handler = async (event: CloudFrontRequestEvent): Promise<CloudFrontRequestResult> => {
  const request = event.Records[0]?.cf?.request;
  if (!request) {
    console.error('not a CloudFront event', JSON.stringify(event));
    return;
  }
  const session = request.headers.cookie?.[0]?.value ?? '';
  if (!session.includes('sid=')) {
    return { status: '302', headers: { location: [{ key: 'Location', value: '/login' }] } };
  }
  return request;
};
