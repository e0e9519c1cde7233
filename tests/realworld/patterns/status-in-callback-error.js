// Pattern: a response object handed to callback together with an error
// With an error Lambda fails the invocation and drops the second argument.
// expect: none -- the second argument of callback(err, …) is not a response

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  try {
    callback(null, { status: '200', body: `<p>${request.uri}</p>` });
  } catch (err) {
    callback(err, { status: 503 });
  }
};
