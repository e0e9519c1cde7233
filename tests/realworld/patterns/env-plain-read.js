// Pattern: an environment variable read in an edge handler
// Lambda@Edge has no environment variables: the value is always undefined at the edge.
// expect: lambda-edge/no-env-vars 8
// (under globals.node a known miss until the edge model followed declared globals)

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const target = process.env.TARGET_HOST;
  request.headers.host = [{ key: 'Host', value: target }];
  return request;
};
