// Pattern: a handler with no parameters in a file that declares its event
// An export named handler is a handler there even without parameters.
// expect: lambda-edge/no-numeric-status 7

// @lambda-edge-event origin-request
exports.handler = async () => ({
  status: 200,
  statusDescription: 'OK',
  body: 'maintenance',
});
