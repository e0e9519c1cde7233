// Pattern: the query string under a camel-cased name
// An authenticator copies fields from a rewritten request: `queryString` is not the request's
// field, so the copy is lost and the read is undefined.
// expect: lambda-edge/no-querystring-object 10
// expect: lambda-edge/no-querystring-object 10

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const rewritten = await rewrite(request);
  request.queryString = 'queryString' in rewritten ? rewritten.queryString : request.queryString;
  return request;
};

async function rewrite(request) {
  return { uri: request.uri };
}
