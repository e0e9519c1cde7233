// Pattern: an unknown bodyEncoding
// expect: lambda-edge/valid-body-encoding 6

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return { status: '200', body: 'hello', bodyEncoding: 'utf8' };
};
