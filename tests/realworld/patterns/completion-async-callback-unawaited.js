// Pattern: an async handler whose callback runs after its promise settled
// The promise resolves to undefined first, so CloudFront gets null: a real 502.
// expect: lambda-edge/valid-handler-completion 8

exports.handler = async (event, context, callback) => {
  const request = event.Records[0].cf.request;
  Promise.resolve(request).then((r) => {
    callback(null, r);
  });
};
