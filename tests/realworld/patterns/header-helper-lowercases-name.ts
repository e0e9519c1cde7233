// Pattern: a header helper that accepts any spelling and lowercases it itself
// The first lookup misses for 'Cookie', but the helper falls back to the lowercase key.
// expect: none -- the helper handles display-case names

import type { CloudFrontRequest, CloudFrontRequestEvent } from 'aws-lambda';

function headerValue(request: CloudFrontRequest, name: string): string | undefined {
  const entries = request.headers[name] ?? request.headers[name.toLowerCase()];
  return entries?.[0]?.value;
}

export const handler = async (event: CloudFrontRequestEvent) => {
  const request = event.Records[0].cf.request;
  const cookies = headerValue(request, 'Cookie') ?? '';
  const host = headerValue(request, 'Host');
  if (!cookies.includes('token=') && host) {
    return { status: '302', headers: { location: [{ key: 'Location', value: `https://${host}/login` }] } };
  }
  return request;
};
