// Pattern: the status copied from a Fetch Response
// Response.status is a number; Lambda@Edge documents a string.
// expect: lambda-edge/no-numeric-status 10

// @lambda-edge-event origin-request
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const upstream = await fetch('https://api.example.com' + request.uri);
  return {
    status: upstream.status,
    statusDescription: upstream.statusText,
    body: await upstream.text(),
  };
};
