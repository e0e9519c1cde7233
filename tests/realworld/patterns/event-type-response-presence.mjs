// Pattern: one handler for a request trigger and a response trigger, told apart by the record
// An SSR adapter's handler is attached to origin-request (with the body included) and to
// origin-response; it returns the received response as it is when the record holds one, and
// reads the request body otherwise. Whether `cf.response` exists is the test for the event.
// expect: none -- the body is read on the request path only; the event types are mixed elsewhere

export const handler = async (event) => {
  const cf = event.Records[0].cf;
  if ('response' in cf) {
    return cf.response;
  }
  const payload = cf.request.body && cf.request.body.data ? Buffer.from(cf.request.body.data, 'base64').toString() : '';
  return { status: '200', headers: { 'content-type': [{ value: 'text/plain' }] }, body: String(payload.length) };
};
