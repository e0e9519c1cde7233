// Pattern: one setHeader helper used for a Lambda@Edge map and for another framework's object
// expect: none -- the Lambda@Edge call passes a lowercase name; the other call's object is no header map

// @lambda-edge-event origin-response
function setHeader(target, name, value) {
  target[name] = [{ value }];
}

const local = {};
setHeader(local, 'X-Debug-Trace', 'on');

exports.handler = async (event) => {
  const { response } = event.Records[0].cf;
  setHeader(response.headers, 'x-frame-options', 'DENY');
  return response;
};
