// Pattern: switching to an S3 origin without its region domain
// expect: none -- a complete s3 origin with a regional domain name is valid

// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.origin = { s3: { domainName: 'assets.s3.eu-west-1.amazonaws.com', region: 'eu-west-1', authMethod: 'none', path: '', customHeaders: {} } };
  request.headers.host = [{ key: 'Host', value: 'assets.s3.eu-west-1.amazonaws.com' }];
  return request;
};
