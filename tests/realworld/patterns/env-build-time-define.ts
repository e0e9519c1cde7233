// Pattern: process.env.X that the project's bundler replaces at build time
// The project's webpack DefinePlugin / esbuild define / CDK bundling.define turns this into a literal:
// the form the plugin's own message recommends. The define map lives in the bundler or CDK config,
// which this single file cannot show; the model must read it from there (see docs/real-code.md).
// expect: none -- no correct finding in this file; see the known-* markers
// known-false: build-time define (bundler replaces process.env.X) -- lambda-edge/no-env-vars 10

import type { CloudFrontRequestHandler } from 'aws-lambda';

const POOL_ID = process.env.USER_POOL_ID;

export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-pool'] = [{ key: 'X-Pool', value: String(POOL_ID) }];
  return request;
};
