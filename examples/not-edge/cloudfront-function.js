// A CloudFront Function (viewer-request): numeric statusCode and { value } headers are right here.
function handler(event) {
  var request = event.request;
  var host = request.headers.host && request.headers.host.value;
  if (host === 'example.com') {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: 'https://www.example.com' + request.uri } },
    };
  }
  if (request.querystring.lang) {
    request.headers['accept-language'] = { value: request.querystring.lang.value };
  }
  return request;
}
