// Viewer-request: send old paths to new ones. Country redirects moved to origin-request,
// where CloudFront has added CloudFront-Viewer-Country.
// @lambda-edge-event viewer-request

const MOVED = {
  '/blog': '/articles',
  '/about-us': '/about',
};

function redirect(location) {
  return {
    status: '301',
    statusDescription: 'Moved Permanently',
    headers: {
      location: [{ key: 'Location', value: location }],
      'cache-control': [{ key: 'Cache-Control', value: 'max-age=3600' }],
    },
  };
}

export const handler = async (event) => {
  const { request } = event.Records[0].cf;

  if (MOVED[request.uri]) {
    return redirect(MOVED[request.uri]);
  }

  return request;
};
