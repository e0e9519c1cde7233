// Pattern: handing the whole event back
// expect: lambda-edge/valid-handler-completion 7

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  request.uri = request.uri.replace(/\/$/, '/index.html');
  callback(null, event);
};
