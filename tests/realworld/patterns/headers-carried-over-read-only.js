// Pattern: a custom error page that keeps the read-only headers CloudFront sent
// Copying the received values unchanged is what leaves them as they were.
// expect: none -- the same header's received value carried over is not a change

// @lambda-edge-event origin-response
exports.handler = async (event) => {
  const { response } = event.Records[0].cf;
  if (response.status !== '404') return response;
  const headers = { 'content-type': [{ key: 'Content-Type', value: 'text/html' }] };
  headers['transfer-encoding'] = response.headers['transfer-encoding'];
  headers.via = response.headers.via;
  return { status: '404', headers, body: '<h1>Not found</h1>' };
};
