// Pattern: a viewer-response function that sets its headers from a table, Cache-Control among them
// Common in "add security headers" functions that also pin the browser's caching: the names are
// the table's keys, lowercased where they become map keys. Moving the function to origin-response
// would make CloudFront cache by the table's Cache-Control, which changes behaviour, so
// prefer-cacheable-event must stay silent even though no header name is written literally.
// expect: none -- the table sets Cache-Control, a cache header, so the viewer-response event is deliberate

// @lambda-edge-event viewer-response
const RESPONSE_HEADERS = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, max-age=0, must-revalidate',
};

exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(RESPONSE_HEADERS)) {
    response.headers[name.toLowerCase()] = [{ key: name, value }];
  }
  return response;
};
