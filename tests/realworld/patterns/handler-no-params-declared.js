// Pattern: a handler with no parameters in a file that declares its event
// The README says every exported function of such a file is a handler.
// expect: none -- no correct finding in this file; see the known-* markers
// known-miss: handler with no params in a declared-event file -- lambda-edge/no-numeric-status 8

// @lambda-edge-event origin-request
exports.handler = async () => ({
  status: 200,
  statusDescription: 'OK',
  body: 'maintenance',
});
