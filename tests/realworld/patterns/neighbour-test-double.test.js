// Pattern: a test that builds a fake event and calls the handler
// expect: none -- a test file that fabricates events is not edge code

function fakeEvent(uri) {
  return { Records: [{ cf: { config: { eventType: 'viewer-request' }, request: { uri, headers: {} } } }] };
}
module.exports = { fakeEvent, cases: [fakeEvent('/a'), fakeEvent('/b')] };
