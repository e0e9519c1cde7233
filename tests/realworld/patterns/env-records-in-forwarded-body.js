// Pattern: an edge handler that peeks into a forwarded body for a nested event batch
// `'Records' in batch` tests the decoded body, not the trigger: the code after the early return
// still runs at the edge, where STAGE is never set.
// expect: lambda-edge/no-env-vars 11

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!request.body || !request.body.data) return request;
  const batch = JSON.parse(Buffer.from(request.body.data, 'base64').toString('utf8'));
  if ('Records' in batch) return request;
  request.headers['x-stage'] = [{ key: 'X-Stage', value: process.env.STAGE }];
  return request;
};
