// Pattern: a CloudFront Functions handler (not Lambda@Edge)
// expect: none -- CloudFront Functions take event.request and use another header shape

function handler(event) {
  var request = event.request;
  request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  return request;
}
