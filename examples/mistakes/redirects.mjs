// Viewer-request: send visitors to their country's site, and old paths to new ones.
// @lambda-edge-event viewer-request

const MOVED = {
  '/blog': '/articles',
  '/about-us': '/about',
};

function redirect(location) {
  return {
    status: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      Location: [{ key: 'Location', value: location }],
      'cache-control': [{ key: 'Cache-Control', value: 'max-age=3600' }],
    },
  };
}

export const handler = async (event) => {
  const { request } = event.Records[0].cf;

  if (MOVED[request.uri]) {
    return redirect(MOVED[request.uri]);
  }

  const country = request.headers['cloudfront-viewer-country'];
  if (country && country[0].value === 'DE' && !request.uri.startsWith('/de/')) {
    return redirect(`/de${request.uri}`);
  }

  return request;
};
