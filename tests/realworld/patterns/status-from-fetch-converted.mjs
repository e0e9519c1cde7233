// Pattern: the status of a Fetch Response converted to the documented string
// expect: none -- String(res.status) is a string

// @lambda-edge-event origin-request
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const res = await fetch('https://api.example.com' + request.uri);
  return { status: String(res.status), statusDescription: res.statusText, body: await res.text() };
};
