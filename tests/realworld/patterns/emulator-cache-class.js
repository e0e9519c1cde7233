// Pattern: an emulator's cache that stores a body it fetched itself
// A local CloudFront emulator keeps the origin body it produced; these methods are not handlers.
// expect: none -- no correct finding in this file; see the known-* markers

class ResponseCache {
  constructor(store) {
    this.store = store;
  }
  lookup(event) {
    const { request } = event.Records[0].cf;
    return this.store.get(request.uri);
  }
  save(event) {
    const { request } = event.Records[0].cf;
    const { body } = event.Records[0].cf.response;
    this.store.set(request.uri, body);
  }
}
exports.ResponseCache = ResponseCache;
