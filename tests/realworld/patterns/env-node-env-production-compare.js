// Pattern: a NODE_ENV switch keyed on the production value
// At the edge NODE_ENV is undefined, so `=== 'production'` is false in production: the live
// distribution runs the development branch (here: no caching). The switch form on test values
// stays silent (its default is the production path).
// expect: lambda-edge/no-env-vars 9

exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  const live = process.env.NODE_ENV === 'production';
  switch (process.env.NODE_ENV) {
    case 'test':
    case 'development':
      response.headers['x-build'] = [{ key: 'X-Build', value: 'dev' }];
      break;
    default:
      break;
  }
  response.headers['cache-control'] = [{ key: 'Cache-Control', value: live ? 'max-age=3600' : 'no-store' }];
  return response;
};
