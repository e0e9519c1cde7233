// Pattern: a non-async handler that returns a value and takes no callback
// expect: lambda-edge/valid-handler-completion 6

exports.handler = (event) => {
  const request = event.Records[0].cf.request;
  return request;
};
