// Pattern: a typed handler writing a display-case key
// expect: lambda-edge/lowercase-header-keys 8

import type { CloudFrontResponseHandler } from 'aws-lambda';

export const handler: CloudFrontResponseHandler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['Content-Security-Policy'] = [{ key: 'Content-Security-Policy', value: "default-src 'self'" }];
  return response;
};
