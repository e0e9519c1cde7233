// Pattern: an emulator helper that builds the next event
// The function returns a new { Records: [{ cf }] } built from a result: a builder, not a handler.
// expect: none -- no correct finding in this file; see the known-* markers

function nextEvent(previous, result) {
  return {
    Records: [{ cf: { config: previous.Records[0].cf.config, request: previous.Records[0].cf.request, response: result } }],
  };
}
module.exports = { nextEvent };
