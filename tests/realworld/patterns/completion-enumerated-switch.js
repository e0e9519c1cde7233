// Pattern: a switch over the event type without default, every case returning
// The author knows which events the function is attached to: the no-match path is not reported.
// expect: none -- a switch without default whose cases all return

exports.handler = async (event) => {
  const { config, request, response } = event.Records[0].cf;
  switch (config.eventType) {
    case 'viewer-request':
      return request;
    case 'origin-response':
      response.headers['x-origin'] = [{ key: 'X-Origin', value: 'edge' }];
      return response;
  }
};
