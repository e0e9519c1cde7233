// Pattern: a framework adapter for every trigger that hands cf.response to the app
// The response is undefined in request events and only passed along, so it does not say which
// event the adapter serves.
// expect: none -- the event type is unknown, and the body read is not in a response trigger

type Edge = { Records: Array<{ cf: { request: { uri: string; method: string; body?: { data: string } }; response?: unknown } }> };

const toRequest = (event: Edge) => {
  const req = event.Records[0].cf.request;
  const data = req.body && req.body.data ? req.body.data : undefined;
  return new Request(`https://example.com${req.uri}`, { method: req.method, body: data });
};

export const wrap = (app: { fetch(r: Request, env: unknown): Promise<Response> }) => async (event: Edge) => {
  const res = await app.fetch(toRequest(event), { response: event.Records[0].cf.response });
  return { status: String(res.status), body: await res.text() };
};
