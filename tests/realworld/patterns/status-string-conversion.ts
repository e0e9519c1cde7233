// Pattern: a numeric code turned into a string
// expect: none -- String(code) and code.toString() give the documented string

import type { CloudFrontRequestHandler } from 'aws-lambda';

const code = 302;
export const handler: CloudFrontRequestHandler = async () => {
  return { status: String(code), statusDescription: 'Found', headers: { location: [{ key: 'Location', value: '/login' }] } };
};
