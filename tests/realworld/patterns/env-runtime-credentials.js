// Pattern: an origin-request signer reading the role credentials the runtime sets
// expect: none -- AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN are reserved variables, set in Lambda@Edge too

const { sign } = require('./sigv4');

function credentials() {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  const sessionToken = process.env.AWS_SESSION_TOKEN;
  if (!accessKeyId || !secretAccessKey || !sessionToken) throw new Error('no credentials');
  return { accessKeyId, secretAccessKey, sessionToken };
}

function toCloudFront(flat) {
  const out = {};
  for (const [name, value] of Object.entries(flat)) out[name] = [{ value }];
  return out;
}

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const flat = {};
  for (const [name, [{ value }]] of Object.entries(request.headers)) flat[name] = value;
  const signed = await sign({ method: request.method, path: request.uri, headers: flat }, credentials());
  request.headers = toCloudFront(signed.headers);
  return request;
};
