// Pattern: security headers written under their display-case names
// The commonest security-headers mistake: the map key must be the lowercase name.
// expect: lambda-edge/lowercase-header-keys 8
// expect: lambda-edge/lowercase-header-keys 9

exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  response.headers['Strict-Transport-Security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }];
  response.headers['X-Frame-Options'] = [{ key: 'X-Frame-Options', value: 'DENY' }];
  callback(null, response);
};
