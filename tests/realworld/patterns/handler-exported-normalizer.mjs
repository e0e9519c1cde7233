// Pattern: an exported normalizer that the file's own handler calls
// The module exports `toPlain` for its tests and for a second (API Gateway) entry point; the
// function Lambda is pointed at is `handler`, which calls it. A function another function of
// the file calls is a helper: its plain-data result is not a Lambda@Edge result.
// expect: none -- toPlain is a helper of the handler, not a handler returning plain data

export function toPlain(event) {
  if (event.Records) {
    const req = event.Records[0].cf.request;
    return { path: req.uri, verb: req.method, ip: req.clientIp };
  }
  return { path: event.path, verb: event.httpMethod, ip: event.requestContext.identity.sourceIp };
}

export async function handler(event) {
  const plain = toPlain(event);
  const request = event.Records[0].cf.request;
  if (plain.verb === 'OPTIONS') {
    return { status: '204', statusDescription: 'No Content' };
  }
  if (plain.path.endsWith('/')) {
    request.uri = `${plain.path}index.html`;
  }
  return request;
}
