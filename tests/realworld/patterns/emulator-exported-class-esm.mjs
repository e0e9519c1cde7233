// Pattern: an emulator's response pipeline as an exported ES class
// The emulator replays origin-response handlers and keeps the body it generated itself; its
// methods read `cf.response.body` but are the emulator's API, not functions CloudFront calls.
// expect: none -- methods of an exported class are not handlers

export default class OriginPipeline {
  constructor(fetchOrigin) {
    this.fetchOrigin = fetchOrigin;
  }
  async attachBody(event) {
    const { request, response } = event.Records[0].cf;
    const fetched = await this.fetchOrigin(request.uri);
    response.body = fetched.text;
    return response;
  }
  bodySize = (event) => Buffer.byteLength(event.Records[0].cf.response.body ?? '');
}
