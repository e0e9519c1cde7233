// Pattern: a header value written as one object instead of an array
// expect: lambda-edge/valid-header-shape 6

exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['x-frame-options'] = { key: 'X-Frame-Options', value: 'DENY' };
  return response;
};
