// Pattern: an esbuild bundle whose node_modules section reads the environment
// The handler is the project's own; the env reads belong to a bundled logger.
// expect: none -- generated code: the third-party section (or the whole minified file) is not the project's own

// node_modules/tiny-logger/index.js
var level = process.env.LOG_LEVEL || 'info';
function log(message) {
  if (level !== 'silent') console.log(message);
}

// src/edge.js
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  log(request.uri);
  return request;
};
