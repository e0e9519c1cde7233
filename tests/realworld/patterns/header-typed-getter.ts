// Pattern: a typed header getter that lowercases its argument
// expect: none -- the helper lowercases the name before it reads the map

import type { CloudFrontHeaders, CloudFrontRequestHandler } from 'aws-lambda';

function headerValue(headers: CloudFrontHeaders, name: string): string | undefined {
  return headers[name.toLowerCase()]?.[0]?.value;
}

export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  if (headerValue(request.headers, 'Host') === 'old.example.com') {
    return { status: '301', statusDescription: 'Moved', headers: { location: [{ key: 'Location', value: 'https://new.example.com' }] } };
  }
  return request;
};
