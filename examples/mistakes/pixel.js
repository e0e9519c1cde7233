'use strict';
// Origin-request: serve a 1x1 tracking pixel without going to the origin.
// @lambda-edge-event origin-request

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri !== '/pixel.gif') return request;

  const params = request.querystring;
  console.log('campaign', params.utm_campaign);

  return {
    status: '200',
    headers: {
      'content-type': [{ key: 'Content-Type', value: 'image/gif' }],
      'content-length': [{ key: 'Content-Length', value: String(PIXEL.length) }],
    },
    body: PIXEL.toString('base64'),
  };
};
