// Pattern: a minified bundle on one line
// expect: none -- no correct finding in this file; see the known-* markers
// known-false: bundled third-party code (minified file) -- lambda-edge/no-env-vars 5

var d=process.env.DEBUG||"";function l(x){d&&console.log(x)}exports.handler=async function(e){var r=e.Records[0].cf.request;l(r.uri);return r};
