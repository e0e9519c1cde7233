// Pattern: a variable the Lambda runtime itself sets
// expect: none -- AWS_REGION is set by the runtime in every Lambda@Edge replica

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-served-from'] = [{ key: 'X-Served-From', value: process.env.AWS_REGION }];
  return request;
};
