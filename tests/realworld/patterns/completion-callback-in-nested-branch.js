// Pattern: the callback called only inside a branch of a nested callback
// expect: none -- no correct finding in this file; see the known-* markers
// known-miss: handler that never completes on some path -- lambda-edge/valid-handler-completion 9

const https = require('https');

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  https.get('https://flags.example.com/flags', (res) => {
    if (res.statusCode === 200) {
      callback(null, request);
    }
  });
};
