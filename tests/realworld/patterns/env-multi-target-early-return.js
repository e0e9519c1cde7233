// Pattern: a multi-target handler that returns early for CloudFront
// The edge branch returns first; what follows runs for API Gateway only, where the environment
// is configured. The read on the edge branch is a real finding. The module-scope `config` is
// read only after the edge branch returned: at the edge it holds undefined and nothing uses it.
// expect: lambda-edge/no-env-vars 11

const config = { table: process.env.TABLE_NAME };

exports.handler = async (event) => {
  if (event.Records && event.Records[0].cf) {
    const banner = process.env.EDGE_BANNER;
    const request = event.Records[0].cf.request;
    request.headers['x-banner'] = [{ key: 'X-Banner', value: String(banner) }];
    return request;
  }
  const stage = process.env.STAGE;
  return { statusCode: 200, body: JSON.stringify({ stage, table: config.table }) };
};
