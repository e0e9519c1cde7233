// Pattern: a function that ships its .env and loads it with dotenv at cold start
// The variables exist at the edge because the file is in the deployment package.
// expect: none -- a file that loads an env file into process.env is not reported

require('dotenv').config();
const blocked = (process.env.BLOCKED_IPS || '').split(',');

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return blocked.includes(request.clientIp) ? { status: '403', statusDescription: 'Forbidden' } : request;
};
