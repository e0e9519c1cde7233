// Pattern: an async handler whose local helper calls back
// The helper runs where it is called, in the handler's own body, before the promise settles.
// expect: none -- each call of the helper is in the body, so the callback comes first

exports.handler = async (event, context, callback) => {
  const { response } = event.Records[0].cf;
  try {
    await check(response);
  } catch (err) {
    respond('500', 'error');
    return;
  }
  callback(null, response);

  function respond(status, body) {
    response.status = status;
    response.body = body;
    callback(null, response);
  }
};

async function check(response) {
  if (!response.headers['content-type']) throw new Error('no type');
}
