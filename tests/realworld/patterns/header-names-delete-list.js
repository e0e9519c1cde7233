// Pattern: a list of header names deleted in a loop
// Shape seen in a Terraform website module: "reduce" the response headers by deleting a list.
// 'via' is read-only in origin-response, so deleting it fails validation; deleting the
// disallowed x-amz-cf-id is harmless (the function never sees it), and 'server' is fine.
// expect: lambda-edge/no-disallowed-headers 9

// @lambda-edge-event origin-response
const strip = [
  'server', 'via',
  'x-amz-cf-id',
];

exports.handler = (event, context, callback) => {
  const { response } = event.Records[0].cf;
  strip.forEach((name) => {
    delete response.headers[name];
  });
  callback(null, response);
};
