// Pattern: a CloudFront Functions viewer-response that changes the status with statusCode
// expect: none -- CloudFront Functions use statusCode, and may change the status in viewer-response

function handler(event) {
  var response = event.response;
  if (response.statusCode === 403) {
    response.statusCode = 404;
    response.statusDescription = 'Not Found';
  }
  if (event.request.uri === '/teapot') {
    return { statusCode: 418, statusDescription: "I'm a teapot" };
  }
  return response;
}
