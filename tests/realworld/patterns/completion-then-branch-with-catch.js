// Pattern: a promise chain whose .then calls back on one branch only
// .catch covers a rejected fetch, not a response that is not ok: that path never calls back.
// expect: lambda-edge/valid-handler-completion 8

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  fetch('https://auth.example.com/session', { headers: { cookie: request.headers.cookie?.[0]?.value ?? '' } })
    .then((res) => {
      if (res.ok) {
        callback(null, request);
      }
    })
    .catch((err) => callback(err));
};
