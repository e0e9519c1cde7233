// Pattern: a handler also run locally with a bare request
// The `let` starts as the event and is unwrapped to the request when the event has Records.
// expect: lambda-edge/lowercase-header-keys 9

exports.handler = async (event, context, callback) => {
  let request = event;
  if (event.Records) request = event.Records[0].cf.request;

  request.headers['X-Crawler'] = [{ key: 'X-Crawler', value: 'no' }];
  callback(null, request);
};
