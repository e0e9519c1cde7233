// Pattern: a body read with 'data' and 'end' listeners, both holding the callback
// Only 'end' is sure to call back; with two continuations on one path the rule stays silent.
// expect: none -- two continuations: which one completes is not followed

const https = require('https');

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  https.get('https://config.example.com/redirects.json', (res) => {
    let body = '';
    res.on('data', (chunk) => {
      body += chunk;
      if (body.length > 100000) callback(null, request);
    });
    res.on('end', () => {
      const target = JSON.parse(body)[request.uri];
      callback(null, target ? { status: '301', headers: { location: [{ value: target }] } } : request);
    });
  }).on('error', (err) => callback(err));
};
