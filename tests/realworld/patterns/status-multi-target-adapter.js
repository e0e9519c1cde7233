// Pattern: a multi-target adapter with an API Gateway branch
// expect: none -- the statusCode object is the API Gateway result; the CloudFront branch uses a string status

function toResult(kind, code, body) {
  if (kind === 'apigateway') {
    return { statusCode: code, body };
  }
  return { status: String(code), body };
}

exports.handler = async (event) => {
  if (event.Records && event.Records[0].cf) {
    return toResult('cloudfront', 200, 'ok');
  }
  return toResult('apigateway', 200, 'ok');
};
