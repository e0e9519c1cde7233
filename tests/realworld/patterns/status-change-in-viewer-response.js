// Pattern: changing the status in a viewer-response trigger
// expect: lambda-edge/no-status-change-in-viewer-response 7

// @lambda-edge-event viewer-response
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.status = '404';
  return response;
};
