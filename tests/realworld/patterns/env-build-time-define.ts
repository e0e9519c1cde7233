// Pattern: process.env.X that the project's bundler replaces at build time
// The project's webpack DefinePlugin / esbuild define / CDK bundling.define turns this into a literal:
// the form the plugin's own message recommends. The define map lives in the bundler or CDK config,
// here tests/fixtures/pattern-projects/env-build-time-define.ts/esbuild.config.mjs, read as data.
// expect: none -- the build replaces process.env.USER_POOL_ID with a constant

import type { CloudFrontRequestHandler } from 'aws-lambda';

const POOL_ID = process.env.USER_POOL_ID;

export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-pool'] = [{ key: 'X-Pool', value: String(POOL_ID) }];
  return request;
};
