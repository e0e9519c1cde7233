// Pattern: the querystring read as an object
// expect: lambda-edge/no-querystring-object 7
// expect: lambda-edge/no-querystring-object 8

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.querystring.lang) {
    request.uri = '/' + request.querystring.lang + request.uri;
  }
  return request;
};
