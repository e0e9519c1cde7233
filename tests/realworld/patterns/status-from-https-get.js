// Pattern: an origin-response fallback that copies the status of a Node.js https request
// IncomingMessage.statusCode is a number.
// expect: lambda-edge/no-numeric-status 12

const https = require('https');

exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  if (response.status !== '404') return callback(null, response);
  https.get('https://fallback.example.com/404.html', (res) => {
    let html = '';
    response.status = res.statusCode;
    res.on('data', (chunk) => (html += chunk));
    res.on('end', () => {
      response.body = html;
      callback(null, response);
    });
  });
};
