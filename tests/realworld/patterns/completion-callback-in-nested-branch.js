// Pattern: the callback called only inside a branch of a nested callback
// When the status is not 200 nothing calls back: Lambda ends with a null result once the
// response is consumed (502), or runs until its timeout while the socket stays open (503).
// expect: lambda-edge/valid-handler-completion 10

const https = require('https');

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  https.get('https://flags.example.com/flags', (res) => {
    if (res.statusCode === 200) {
      callback(null, request);
    }
  });
};
