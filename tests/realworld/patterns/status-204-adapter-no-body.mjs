// Pattern: a framework adapter turning a Fetch Response into a CloudFront result
// expect: none -- the 204 path has no body, the other statuses are made strings, keys are lowercased

function toCloudFrontHeaders(headers) {
  const out = {};
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    out[lower] = [...(out[lower] || []), { key: lower, value }];
  });
  return out;
}

async function toResult(res) {
  if (res.status === 204) {
    return { status: '204', headers: toCloudFrontHeaders(res.headers) };
  }
  return { status: res.status.toString(), headers: toCloudFrontHeaders(res.headers), body: await res.text() };
}

export const handle = (app) => async (event) => {
  const request = event.Records[0].cf.request;
  const url = `https://${request.headers.host[0].value}${request.uri}`;
  return toResult(await app.fetch(new Request(url, { method: request.method })));
};
