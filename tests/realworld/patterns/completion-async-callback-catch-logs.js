// Pattern: an async handler that calls back in its try, while its catch only logs
// On failure the promise resolves to undefined and no callback comes: CloudFront answers 502.
// expect: lambda-edge/valid-handler-completion 6

// @lambda-edge-event origin-response
exports.handler = async (event, context, callback) => {
  const response = event.Records[0].cf.response;
  try {
    response.body = await overlay(response);
    callback(null, response);
  } catch (err) {
    console.error(err);
  }
};

async function overlay(response) {
  return String(response.status);
}
